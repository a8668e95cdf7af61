import { type Answer, type AnswerDeps, answerQuestion } from '../answer/answer-question.ts'
import type { Citation } from '../answer/citations.ts'
import { conceptsOf } from '../answer/evidence.ts'
import { GREETING, OUT_OF_SCOPE, THANKS } from '../answer/messages.ts'
import { advanceIntake, cancelIntake, type IntakeState, type IntakeTurn, startIntake } from '../intake/intake.ts'
import type { NotifyChannel } from '../intake/intake-fields.ts'
import { afterCancel, isAside } from '../intake/intake-parse.ts'
import { findArticleReference } from '../retrieval/query.ts'
import { type Audience, type Intent, TICKET_INTENTS, type TicketCategory } from '../routing/intents.ts'
import type { RoutingClassifier } from '../routing/llm-classifier.ts'
import { type OpenedTicket, openTicket } from '../tickets/open-ticket.ts'
import type { WorkCalendar } from '../tickets/sla.ts'
import { describeOpenedTicket } from '../tickets/ticket-messages.ts'
import { leansOnContext, withTopicOf } from './follow-up.ts'
import { GUIDANCE_QUESTIONS } from './guidance.ts'
import {
  appendTurn,
  type ChatSession,
  type ChatTurn,
  createSession,
  getSession,
  listTurns,
  saveSessionState,
} from './sessions-repo.ts'

/** `calendar`: public holidays for ticket deadlines (weekends only when absent). */
export type ChatDeps = AnswerDeps & {
  classifier: RoutingClassifier
  calendar?: WorkCalendar
  /** Channels progress notices can go through; the intake offers the opt-in only for these. */
  notifyChannels?: NotifyChannel[]
}

export type ChatRequest = { message: string; sessionId?: string; audience?: Audience }

export type ChatResponse = {
  sessionId: string
  turnId: number
  answer: string
  grounded: boolean
  intent: Intent
  mode: 'extractive' | 'llm'
  citations: Citation[]
  /** When the documents did not answer: the named gate that refused (e.g. 'low-coverage'). */
  refusalReason?: string
  /** What was searched for: the message, or a follow-up completed with the earlier topic. */
  resolvedQuery: string
  /** Set once a complaint or service request has been stored as a ticket. */
  ticket?: { number: string; status: string; lookupToken: string; firstResponseDueAt: string; slaDueAt: string }
  /**
   * While the details for a ticket are being collected: which one is asked for next, and the
   * question itself with an example answer (the page keeps it in view above the composer).
   * `step: 'cancelled'` says the form was just dropped.
   */
  intake?: { step: string; category: TicketCategory; question?: string; placeholder?: string }
}

/** Session state between turns: an intake in progress and where it started. */
type ChatState = { intake?: IntakeState; intakeIntent?: Intent; intakeStartedAtTurn?: number }

const THANKING = /谢谢|多谢|感谢|谢啦|thank/i
// Below this, the classifier's reading of a context-leaning follow-up yields to the earlier turn's intent.
const FOLLOW_UP_CONFIDENCE = 0.6

type TurnResult = Omit<ChatResponse, 'sessionId' | 'turnId'> & { state: ChatState }

/** A question that names its own subject (an article, or several known terms) is not a follow-up. */
const standsAlone = (deps: ChatDeps, message: string): boolean =>
  findArticleReference(message) !== null ||
  conceptsOf(message, deps.glossary, deps.vocabulary).filter((concept) => concept.known).length > 2

/** Answers from the documents; a follow-up that leans on the last question carries its topic along. */
async function answerWithContext(deps: ChatDeps, message: string, previous: ChatTurn | undefined) {
  const followUp = previous ? leansOnContext(message) : false
  const rewritten = previous ? withTopicOf(previous.resolvedQuery, message, deps.glossary, deps.vocabulary) : message
  if (followUp) return { resolvedQuery: rewritten, result: await answerQuestion(deps, rewritten) }
  const alone = await answerQuestion(deps, message)
  if (alone.grounded || !previous || standsAlone(deps, message)) return { resolvedQuery: message, result: alone }
  // A short question that cannot stand alone may still be about what was just discussed.
  const combined = await answerQuestion(deps, rewritten)
  return combined.grounded ? { resolvedQuery: rewritten, result: combined } : { resolvedQuery: message, result: alone }
}

const transcriptOf = (turns: ChatTurn[], message: string, reply: string) => [
  ...turns.flatMap((turn) => [
    { role: 'user' as const, text: turn.message, at: turn.createdAt },
    { role: 'assistant' as const, text: turn.answer, at: turn.createdAt },
  ]),
  { role: 'user' as const, text: message, at: new Date().toISOString() },
  { role: 'assistant' as const, text: reply },
]

const ticketView = (ticket: OpenedTicket) => ({
  number: ticket.number,
  status: ticket.status,
  lookupToken: ticket.lookupToken,
  firstResponseDueAt: ticket.firstResponseDueAt.toISOString(),
  slaDueAt: ticket.slaDueAt.toISOString(),
})

async function answerAside(deps: ChatDeps, message: string, turns: ChatTurn[]): Promise<TurnResult> {
  const { resolvedQuery, result } = await answerWithContext(deps, message, turns.at(-1))
  return { ...fromAnswer(result), intent: 'policy_question', resolvedQuery, state: {} }
}

async function continueIntake(
  deps: ChatDeps,
  session: ChatSession,
  state: ChatState,
  turns: ChatTurn[],
  message: string,
): Promise<TurnResult> {
  const intake = state.intake as IntakeState
  const rest = afterCancel(message)
  if (rest !== null) {
    // "算了先不投诉了，我就想问下…": drop the form, then answer the rest (a question is never a new form).
    const next = isAside(rest)
      ? await answerAside(deps, rest, turns)
      : await handleNewMessage(deps, session, session.audience, turns, rest)
    return { ...next, answer: `${cancelIntake(intake).reply}\n\n${next.answer}` }
  }
  if (intake.step !== 'confirm' && isAside(message)) {
    // Answer the question, then ask again for what the form still needs: nothing typed is lost.
    const { resolvedQuery, result } = await answerWithContext(deps, message, turns.at(-1))
    const again = advanceIntake(intake, '')
    return {
      ...fromAnswer(result),
      intent: 'policy_question',
      resolvedQuery,
      answer: `${result.answer}\n\n我们继续登记：${again.reply}`,
      intake: intakeView(again),
      state,
    }
  }
  const step = advanceIntake(intake, message)
  const base = { grounded: false, mode: 'extractive' as const, citations: [], resolvedQuery: message }
  const intent = state.intakeIntent ?? 'service_request'
  if (step.cancelled) return { ...base, intent, answer: step.reply, intake: intakeView(step), state: {} }
  if (!step.done) {
    return {
      ...base,
      intent,
      answer: step.reply,
      intake: intakeView(step),
      state: { ...state, intake: step.state },
    }
  }
  const sources = turns.flatMap((turn) => turn.citations)
  const { ticket } = await openTicket(
    deps.db,
    { ...step.done, sessionId: session.id },
    {
      // A retried "确认" must find the ticket it already made, not make a second.
      idempotencyKey: `chat:${session.id}:${state.intakeStartedAtTurn ?? 0}`,
      transcript: transcriptOf(turns, message, step.reply),
      sources,
      ...(deps.calendar ? { calendar: deps.calendar } : {}),
    },
  )
  return {
    ...base,
    intent,
    answer: `${step.reply}\n${describeOpenedTicket(ticket)}`,
    ticket: ticketView(ticket),
    state: {},
  }
}

async function handleNewMessage(
  deps: ChatDeps,
  session: ChatSession,
  audience: Audience,
  turns: ChatTurn[],
  message: string,
): Promise<TurnResult> {
  const previous = turns.at(-1)
  const classification = await deps.classifier.classify(message, audience)
  let intent = classification.intent
  if (previous && leansOnContext(message) && classification.confidence < FOLLOW_UP_CONFIDENCE) intent = previous.intent
  const plain = { grounded: false, mode: 'extractive' as const, citations: [], resolvedQuery: message, state: {} }

  if (intent === 'smalltalk') return { ...plain, intent, answer: THANKING.test(message) ? THANKS : GREETING }
  if (intent === 'out_of_scope') return { ...plain, intent, answer: OUT_OF_SCOPE }

  if (!TICKET_INTENTS.has(intent)) {
    const { resolvedQuery, result } = await answerWithContext(deps, message, previous)
    return { ...fromAnswer(result), intent, resolvedQuery, state: {} }
  }

  // Complaints and requests: what the documents say first, then the details staff need.
  const category = classification.category ?? 'other'
  const { resolvedQuery, result } = await guidanceFor(deps, intent, category, message)
  const started = startIntake({
    category,
    audience,
    firstMessage: message,
    earlier: turns.map((turn) => turn.message),
    notifyChannels: deps.notifyChannels ?? [],
    sessionId: session.id,
  })
  const guidance = result.grounded ? `${result.answer}\n\n` : ''
  return {
    ...fromAnswer(result),
    grounded: result.grounded,
    intent,
    resolvedQuery,
    answer: `${guidance}${started.reply}`,
    intake: intakeView(started),
    state: { intake: started.state, intakeIntent: intent, intakeStartedAtTurn: turns.length + 1 },
  }
}

/**
 * The guidance that goes before a ticket form: what the documents say to the message itself, or
 * else to the standing question of its category. Someone asking for a person gets no guesswork.
 */
async function guidanceFor(deps: ChatDeps, intent: Intent, category: TicketCategory, message: string) {
  const none = {
    resolvedQuery: message,
    result: { answer: '', grounded: false, mode: 'extractive' as const, citations: [], evidence: [] },
  }
  if (intent === 'human_handoff') return none
  const own = await answerQuestion(deps, message)
  if (own.grounded) return { resolvedQuery: message, result: own }
  const standing = GUIDANCE_QUESTIONS[category]
  if (!standing) return none
  const guidance = await answerQuestion(deps, standing)
  return guidance.grounded ? { resolvedQuery: standing, result: guidance } : none
}

const intakeView = (turn: IntakeTurn): ChatResponse['intake'] => ({
  step: turn.state.step,
  category: turn.state.category,
  ...(turn.prompt ?? {}),
})

const fromAnswer = (answer: Answer) => ({
  answer: answer.answer,
  grounded: answer.grounded,
  mode: answer.mode,
  citations: answer.citations,
})

/** One turn of the conversation: classify, answer or collect ticket details, remember. */
export async function handleChatMessage(deps: ChatDeps, request: ChatRequest): Promise<ChatResponse> {
  const started = performance.now()
  const message = request.message.trim()
  const existing = request.sessionId ? await getSession(deps.db, request.sessionId) : null
  // An unknown id starts a new session with an id of ours: guessing one must never join another's.
  const session = existing ?? (await createSession(deps.db, request.audience ?? 'citizen'))
  const audience = request.audience ?? session.audience
  const turns = existing ? await listTurns(deps.db, session.id, 10) : []
  const state = session.state as ChatState
  const result =
    state.intake && state.intake.step !== 'submitted' && state.intake.step !== 'cancelled'
      ? await continueIntake(deps, session, state, turns, message)
      : await handleNewMessage(deps, session, audience, turns, message)
  const { state: nextState, ...response } = result
  await saveSessionState(deps.db, session.id, nextState, audience)
  const turnId = await appendTurn(deps.db, session.id, {
    message,
    resolvedQuery: response.resolvedQuery,
    intent: response.intent,
    answer: response.answer,
    grounded: response.grounded,
    mode: response.mode,
    citations: response.citations,
    refusalReason: response.refusalReason ?? null,
    latencyMs: Math.round(performance.now() - started),
  })
  return { sessionId: session.id, turnId, ...response }
}
