import { type Answer, type AnswerDeps, answerQuestion } from '../answer/answer-question.ts'
import type { Citation } from '../answer/citations.ts'
import { GREETING, OUT_OF_SCOPE, THANKS } from '../answer/messages.ts'
import { advanceIntake, type IntakeState, startIntake } from '../intake/intake.ts'
import { type PreparedQuestion, prepareQuestion } from '../query/prepare-question.ts'
import { type Audience, type Intent, TICKET_INTENTS, type TicketCategory } from '../routing/intents.ts'
import type { RoutingClassifier } from '../routing/llm-classifier.ts'
import { type OpenedTicket, openTicket } from '../tickets/open-ticket.ts'
import { describeOpenedTicket } from '../tickets/ticket-messages.ts'
import { answerWithContext, type Subject } from './follow-up.ts'
import { GUIDANCE_QUESTIONS, looksLikeQuestion } from './guidance.ts'
import { answersInScope } from './scope.ts'
import {
  appendTurn,
  type ChatSession,
  type ChatTurn,
  createSession,
  getSession,
  listTurns,
  saveSessionState,
} from './sessions-repo.ts'

export type ChatDeps = AnswerDeps & { classifier: RoutingClassifier }

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
  ticket?: { number: string; status: string; lookupToken: string; slaDueAt: string }
  /** While the details for a ticket are being collected: which one is asked for next. */
  intake?: { step: string; category: TicketCategory }
}

/** Session state between turns: an intake in progress and where it started; the subject of the exchange. */
type ChatState = { intake?: IntakeState; intakeIntent?: Intent; intakeStartedAtTurn?: number; subject?: Subject | null }

const THANKING = /谢谢|多谢|感谢|谢啦|thank/i
// Below this, the classifier's reading of a context-leaning follow-up yields to the earlier turn's intent.
const FOLLOW_UP_CONFIDENCE = 0.6

type TurnResult = Omit<ChatResponse, 'sessionId' | 'turnId'> & { state: ChatState }

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
  slaDueAt: ticket.slaDueAt.toISOString(),
})

async function continueIntake(
  deps: ChatDeps,
  session: ChatSession,
  state: ChatState,
  turns: ChatTurn[],
  message: string,
): Promise<TurnResult> {
  const intake = state.intake as IntakeState
  if (intake.step !== 'confirm' && looksLikeQuestion(message)) {
    // Answer the question, then ask again for what the form still needs: nothing typed is lost.
    const { resolvedQuery, result } = await answerWithContext(
      deps,
      prepareQuestion(message, deps),
      state.subject ?? null,
    )
    const again = advanceIntake(intake, '')
    return {
      ...fromAnswer(result),
      intent: 'policy_question',
      resolvedQuery,
      answer: `${result.answer}\n\n我们继续登记：${again.reply}`,
      intake: { step: intake.step, category: intake.category },
      state,
    }
  }
  const step = advanceIntake(intake, message)
  const base = { grounded: false, mode: 'extractive' as const, citations: [], resolvedQuery: message }
  const intent = state.intakeIntent ?? 'service_request'
  if (step.cancelled) return { ...base, intent, answer: step.reply, state: { subject: state.subject } }
  if (!step.done) {
    return {
      ...base,
      intent,
      answer: step.reply,
      intake: { step: step.state.step, category: intake.category },
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
    },
  )
  return {
    ...base,
    intent,
    answer: `${step.reply}\n${describeOpenedTicket(ticket)}`,
    ticket: ticketView(ticket),
    state: { subject: state.subject },
  }
}

async function handleNewMessage(
  deps: ChatDeps,
  session: ChatSession,
  audience: Audience,
  turns: ChatTurn[],
  question: PreparedQuestion,
  subject: Subject | null,
): Promise<TurnResult> {
  const message = question.text
  const previous = turns.at(-1)
  const classification = await deps.classifier.classify(question, audience)
  let intent = classification.intent
  if (previous && question.leansOnContext && classification.confidence < FOLLOW_UP_CONFIDENCE) intent = previous.intent
  const plain = {
    grounded: false,
    mode: 'extractive' as const,
    citations: [],
    resolvedQuery: message,
    state: { subject },
  }

  if (intent === 'smalltalk') return { ...plain, intent, answer: THANKING.test(message) ? THANKS : GREETING }
  if (intent === 'out_of_scope') {
    // Scope follows the knowledge: what the loaded documents answer strongly is not declined.
    const inScope = await answersInScope(deps, question)
    if (!inScope) return { ...plain, intent, answer: OUT_OF_SCOPE, refusalReason: 'out-of-scope' }
    return { ...fromAnswer(inScope), intent: 'policy_question', resolvedQuery: message, state: { subject } }
  }

  if (!TICKET_INTENTS.has(intent)) {
    const answered = await answerWithContext(deps, question, subject)
    return {
      ...fromAnswer(answered.result),
      intent,
      resolvedQuery: answered.resolvedQuery,
      state: { subject: answered.subject },
    }
  }

  // Complaints and requests: what the documents say first, then the details staff need.
  const category = classification.category ?? 'other'
  const { resolvedQuery, result } = await guidanceFor(deps, intent, category, question)
  const started = startIntake({
    category,
    audience,
    firstMessage: message,
    sessionId: session.id,
  })
  const guidance = result.grounded ? `${result.answer}\n\n` : ''
  return {
    ...fromAnswer(result),
    grounded: result.grounded,
    intent,
    resolvedQuery,
    answer: `${guidance}${started.reply}`,
    intake: { step: started.state.step, category: started.state.category },
    state: { intake: started.state, intakeIntent: intent, intakeStartedAtTurn: turns.length + 1 },
  }
}

/**
 * The guidance that goes before a ticket form: what the documents say to the message itself, or
 * else to the standing question of its category. Someone asking for a person gets no guesswork.
 */
async function guidanceFor(deps: ChatDeps, intent: Intent, category: TicketCategory, question: PreparedQuestion) {
  const message = question.text
  const none = {
    resolvedQuery: message,
    result: { answer: '', grounded: false, mode: 'extractive' as const, citations: [], evidence: [] },
  }
  if (intent === 'human_handoff') return none
  const own = await answerQuestion(deps, question)
  if (own.grounded) return { resolvedQuery: message, result: own }
  const standing = GUIDANCE_QUESTIONS[category]
  if (!standing) return none
  const guidance = await answerQuestion(deps, prepareQuestion(standing, deps))
  return guidance.grounded ? { resolvedQuery: standing, result: guidance } : none
}

const fromAnswer = (answer: Answer) => ({
  answer: answer.answer,
  grounded: answer.grounded,
  mode: answer.mode,
  citations: answer.citations,
  ...(answer.refusalReason ? { refusalReason: answer.refusalReason } : {}),
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
      : await handleNewMessage(deps, session, audience, turns, prepareQuestion(message, deps), state.subject ?? null)
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
