import { type AnswerDeps, answerQuestion } from '../answer/answer-question.ts'
import type { Citation } from '../answer/citations.ts'
import type { RemovedClaim } from '../answer/claims.ts'
import type { LlmOutcome } from '../answer/llm-outcome.ts'
import { GREETING, OUT_OF_SCOPE, THANKS } from '../answer/messages.ts'
import { FOLLOW_UP_CONFIDENCE } from '../answer/tuning.ts'
import { ClientGoneError, ConflictError } from '../errors.ts'
import { answerFromFaq } from '../faq/faq-answer.ts'
import type { FaqIndex } from '../faq/faq-index.ts'
import { advanceIntake, cancelIntake, type IntakeState, type IntakeTurn, startIntake } from '../intake/intake.ts'
import type { NotifyChannel } from '../intake/intake-fields.ts'
import { admitsNotKnowing, afterCancel, isAside } from '../intake/intake-parse.ts'
import { type PreparedQuestion, prepareQuestion } from '../query/prepare-question.ts'
import { type Audience, type Intent, TICKET_INTENTS, type TicketCategory } from '../routing/intents.ts'
import type { RoutingClassifier } from '../routing/llm-classifier.ts'
import { type OpenedTicket, openTicket } from '../tickets/open-ticket.ts'
import type { WorkCalendar } from '../tickets/sla.ts'
import { describeOpenedTicket } from '../tickets/ticket-messages.ts'
import { answerWithContext, pointsBack } from './follow-up.ts'
import { rewriteFollowUp } from './follow-up-llm.ts'
import { GUIDANCE_QUESTIONS } from './guidance.ts'
import { answerWithModel, type ModelAnswer, type TurnContext } from './model-answer.ts'
import { answersInScope, asksSomething } from './scope.ts'
import {
  type ChatSession,
  type ChatTurn,
  openSessionTurn,
  recordTurn,
  releaseSessionTurn,
  startSession,
} from './sessions-repo.ts'
import { type Subject, subjectOf } from './subject.ts'
import { type LlmTiming, startTurnBudget, type TurnLog } from './turn-budget.ts'
import { createTurnEvents, type TurnEventSink } from './turn-events.ts'

/** `calendar`: public holidays for ticket deadlines (weekends only when absent); `faqs`: approved corrections. */
export type ChatDeps = AnswerDeps & {
  classifier: RoutingClassifier
  calendar?: WorkCalendar
  faqs?: FaqIndex
  llmTiming: LlmTiming
  /** Channels progress notices can go through; the intake offers the opt-in only for these. */
  notifyChannels?: NotifyChannel[]
  /**
   * Reloads the caches when the knowledge changed on any instance, before the turn reads them; `seen`,
   * the version the turn's session read brought along, spares a read (knowledge-version.ts).
   */
  syncKnowledge(seen?: number): Promise<void>
  /**
   * The version the caches were loaded at, where a statement storing a turn must check it (other instances
   * change the knowledge: PostgreSQL); null where this process hears every change (embedded PGlite).
   */
  knowledgeToCheck?(): number | null
}

export type ChatRequest = { message: string; sessionId?: string; audience?: Audience }

export type ChatResponse = {
  sessionId: string
  turnId: number
  answer: string
  grounded: boolean
  intent: Intent
  mode: 'extractive' | 'llm' | 'faq'
  citations: Citation[]
  /** Set when an approved staff correction (FAQ entry) answered instead of the documents. */
  faq?: { id: number; approvedAt: string; score: number }
  /** When the documents did not answer: the named gate that refused (e.g. 'low-coverage'). */
  refusalReason?: string
  /** How the turn's model call ended, when a model was asked. */
  llmOutcome?: LlmOutcome
  /** Sentences of the model's answer the claim check removed (reasons only, for the log; not shown). */
  removedClaims?: RemovedClaim[]
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

/**
 * Session state between turns: an intake in progress and where it started; the subject of the exchange
 * and the intent it was first asked under (活动咨询 for the 质量月 plan), which its fragments keep.
 */
type ChatState = {
  intake?: IntakeState
  intakeIntent?: Intent
  intakeStartedAtTurn?: number
  subject?: Subject | null
  subjectIntent?: Intent
}

const THANKING = /谢谢|多谢|感谢|谢啦|thank/i

type TurnResult = Omit<ChatResponse, 'sessionId' | 'turnId'> & { state: ChatState }

/**
 * Answers from the documents, keeping the subject of the exchange (src/conversation/follow-up.ts). With
 * a model configured, a follow-up is first rewritten by it into a question that stands alone (the
 * subject carried offline when it cannot), and the model writes the answer from the evidence found.
 */
async function answerInContext(
  deps: ChatDeps,
  question: PreparedQuestion,
  subject: Subject | null,
  previous: ChatTurn | undefined,
  turn: TurnContext,
) {
  const rewritten =
    deps.llm && previous && question.leansOnContext
      ? await rewriteFollowUp(deps.llm, previous.resolvedQuery, question.text, turn.budget)
      : null
  const asked = rewritten ? prepareQuestion(rewritten, deps) : question
  const answered = await answerWithContext(deps, asked, subject)
  return { ...answered, result: await answerWithModel(deps, answered.question, answered.result, turn) }
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

async function answerAside(
  deps: ChatDeps,
  message: string,
  subject: Subject | null,
  turns: ChatTurn[],
  turn: TurnContext,
): Promise<TurnResult> {
  const answered = await answerInContext(deps, prepareQuestion(message, deps), subject, turns.at(-1), turn)
  return {
    ...fromAnswer(answered.result),
    intent: 'policy_question',
    resolvedQuery: answered.resolvedQuery,
    state: { subject: answered.subject },
  }
}

/**
 * "要多久能处理", "结果怎么查", "找哪里的市场监管局": a fact or the steps asked of the documents, though
 * without a question mark, is a question in the middle of the form, not the answer to the form's question.
 */
const asksOfTheDocuments = (question: PreparedQuestion) =>
  (question.answerTypes.length > 0 || question.shape === 'procedure' || question.shape === 'fact') &&
  !admitsNotKnowing(question.text)

async function continueIntake(
  deps: ChatDeps,
  session: ChatSession,
  state: ChatState,
  turns: ChatTurn[],
  message: string,
  turn: TurnContext,
): Promise<TurnResult> {
  const intake = state.intake as IntakeState
  const rest = afterCancel(message)
  if (rest !== null) {
    // "算了先不投诉了，我就想问下…": drop the form, then answer the rest (a question is never a new form).
    const next = isAside(rest)
      ? await answerAside(deps, rest, state.subject ?? null, turns, turn)
      : await handleNewMessage(
          deps,
          session,
          session.audience,
          turns,
          prepareQuestion(rest, deps),
          state.subject ?? null,
          turn,
        )
    return { ...next, answer: `${cancelIntake(intake).reply}\n\n${next.answer}` }
  }
  const question = prepareQuestion(message, deps)
  if (intake.step !== 'confirm' && (isAside(message) || asksOfTheDocuments(question))) {
    // Answer the question, then ask again for what the form still needs: nothing typed is lost.
    const { resolvedQuery, result } = await answerInContext(deps, question, state.subject ?? null, turns.at(-1), turn)
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
  if (step.cancelled) {
    return { ...base, intent, answer: step.reply, intake: intakeView(step), state: { subject: state.subject } }
  }
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
  turn: TurnContext,
): Promise<TurnResult> {
  const message = question.text
  const previous = turns.at(-1)
  const { budget } = turn
  const classification = await deps.classifier.classify(question, audience, {
    signal: () => budget.signal,
    onLlmError: (error, timedOut) => budget.record('routing', budget.outcomeOf(timedOut), error),
  })
  await checkClient(turn.clientSignal)
  let intent = classification.intent
  if (
    previous &&
    !TICKET_INTENTS.has(previous.intent) &&
    (pointsBack(question) || (question.leansOnContext && classification.confidence < FOLLOW_UP_CONFIDENCE))
  ) {
    intent = previous.intent
  }
  const plain = {
    grounded: false,
    mode: 'extractive' as const,
    citations: [],
    resolvedQuery: message,
    state: { subject },
  }

  if (intent === 'smalltalk' || intent === 'out_of_scope') {
    // Scope follows the knowledge: what the loaded documents answer strongly is not declined, nor taken
    // for small talk when a greeting comes before a question ("你好，电子秤多久检一次"). Small talk that
    // asks nothing ("谢谢，服务真好") is not searched at all.
    const inScope = intent === 'out_of_scope' || asksSomething(question) ? await answersInScope(deps, question) : null
    if (inScope)
      return { ...fromAnswer(inScope), intent: 'policy_question', resolvedQuery: message, state: { subject } }
    // A greeting never answers a question for a fact ("三峡大坝哪年建好的"): that is declined as out of scope.
    if (intent === 'smalltalk' && question.answerTypes.length === 0)
      return { ...plain, intent, answer: THANKING.test(message) ? THANKS : GREETING }
    return { ...plain, intent: 'out_of_scope', answer: OUT_OF_SCOPE, refusalReason: 'out-of-scope' }
  }

  if (!TICKET_INTENTS.has(intent)) {
    const faq = await answerFromFaq(deps, question)
    if (faq) return { ...faq, intent, resolvedQuery: message, state: { subject } }
    const answered = await answerInContext(deps, question, subject, previous, turn)
    // "电视上哪个台播" after the 质量月 plan's food-safety item: answered from the subject's document, a
    // question the classifier is unsure of stays in the vein the subject was first asked in (活动咨询 or
    // 政策咨询), however a turn in between was read.
    const sameDocument = subject !== null && answered.subject?.docId === subject.docId
    const earlier = (session.state as ChatState).subjectIntent ?? previous?.intent
    // A complaint's or request's matter may be the subject too; its intent is no vein for a question.
    const vein = sameDocument && earlier && !TICKET_INTENTS.has(earlier) ? earlier : null
    const stayed = vein && classification.confidence < FOLLOW_UP_CONFIDENCE && answered.result.grounded
    const answeredAs = stayed ? vein : intent
    return {
      ...fromAnswer(answered.result),
      intent: answeredAs,
      resolvedQuery: answered.resolvedQuery,
      state: { subject: answered.subject, subjectIntent: vein ?? answeredAs },
    }
  }

  // Complaints and requests: what the documents say first, then the details staff need.
  const category = classification.category ?? 'other'
  const { resolvedQuery, result, asked } = await guidanceFor(deps, intent, category, question)
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
    // The matter of the complaint or request is the subject of the questions asked in the middle of the form.
    state: {
      intake: started.state,
      intakeIntent: intent,
      intakeStartedAtTurn: turns.length + 1,
      subject: subjectOf(deps.vocabulary, asked, result) ?? subject,
    },
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
    asked: question,
    result: { answer: '', grounded: false, mode: 'extractive' as const, citations: [], evidence: [] },
  }
  if (intent === 'human_handoff') return none
  const own = await answerQuestion(deps, question)
  if (own.grounded) return { resolvedQuery: message, asked: question, result: own }
  const standing = GUIDANCE_QUESTIONS[category]
  if (!standing) return none
  const asked = prepareQuestion(standing, deps)
  const guidance = await answerQuestion(deps, asked)
  return guidance.grounded ? { resolvedQuery: standing, asked, result: guidance } : none
}

const intakeView = (turn: IntakeTurn): ChatResponse['intake'] => ({
  step: turn.state.step,
  category: turn.state.category,
  ...(turn.prompt ?? {}),
})

const fromAnswer = (answer: ModelAnswer) => ({
  answer: answer.answer,
  grounded: answer.grounded,
  mode: answer.mode,
  citations: answer.citations,
  ...(answer.removedClaims?.length ? { removedClaims: answer.removedClaims } : {}),
  ...(answer.refusalReason ? { refusalReason: answer.refusalReason } : {}),
})

export type TurnOptions = {
  /** Aborted when the client went away: the turn stops at its next step instead of computing for nobody. */
  signal?: AbortSignal
  /** The turn as it happens: citations, deltas, done (POST /api/chat/stream). */
  onEvent?: TurnEventSink
  /** Where a model fallback is logged (a warning with its cause and the model). */
  log?: TurnLog
}

const BUSY = '上一条消息还在处理中，请等回答出来后再发送下一条。'
// The earlier turns a follow-up and an intake can look back on.
const TURNS_IN_CONTEXT = 10

/**
 * Stops the turn when its client has gone; called before the steps that cost something. It first
 * lets pending I/O be seen: an embedded database answers without yielding, so a close that arrived
 * with the request would otherwise be noticed only after the whole turn.
 */
export async function checkClient(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return
  await new Promise((resolve) => setImmediate(resolve))
  if (signal.aborted) throw new ClientGoneError('客户端已断开，本轮处理已停止。')
}

/**
 * One turn of the conversation: classify, answer or collect ticket details, remember. Turns of one
 * session run one at a time: a message sent while the previous is being answered gets a 409.
 */
export async function handleChatMessage(
  deps: ChatDeps,
  request: ChatRequest,
  options: TurnOptions = {},
): Promise<ChatResponse> {
  const started = performance.now()
  await checkClient(options.signal)
  const opened = request.sessionId ? await openSessionTurn(deps.db, request.sessionId, TURNS_IN_CONTEXT) : null
  // An unknown id starts a new session with an id of ours: guessing one must never join another's.
  if (!opened) {
    const session = startSession(request.audience ?? 'citizen')
    // Where other instances change the knowledge, the statement storing the turn checks the version the
    // caches hold: reading it first cost every first turn a round trip. A turn answered from caches that
    // went stale is not stored, and is answered again after a reload. A streamed turn has sent its answer
    // by then: it reads first.
    const loaded = options.onEvent ? null : (deps.knowledgeToCheck?.() ?? null)
    if (loaded !== null) {
      try {
        return await takeTurn(deps, request, session, [], started, options, loaded)
      } catch (error) {
        if (!(error instanceof StaleKnowledgeError)) throw error
        // Answered twice (a model turn calls the model again): said, so that a slow first turn is explained.
        options.log?.warn({ sessionId: session.id }, 'first turn answered again after the knowledge changed')
      }
    }
    await deps.syncKnowledge()
    return takeTurn(deps, request, session, [], started, options)
  }
  if (!opened.claimed) throw new ConflictError(BUSY)
  try {
    await deps.syncKnowledge(opened.knowledgeVersion)
    return await takeTurn(deps, request, opened.session, opened.turns, started, options)
  } catch (error) {
    await releaseSessionTurn(deps.db, opened.session.id)
    throw error
  }
}

/** A first turn was answered from caches the knowledge has moved past since: it was not stored. */
class StaleKnowledgeError extends Error {}

/** `knowledgeVersion`: the turn is stored only if the knowledge is still at it (else StaleKnowledgeError). */
async function takeTurn(
  deps: ChatDeps,
  request: ChatRequest,
  session: ChatSession,
  turns: ChatTurn[],
  started: number,
  options: TurnOptions,
  knowledgeVersion: number | null = null,
): Promise<ChatResponse> {
  const message = request.message.trim()
  const audience = request.audience ?? session.audience
  await checkClient(options.signal)
  const events = createTurnEvents(options.onEvent)
  const budget = startTurnBudget({
    ...deps.llmTiming,
    model: deps.llm?.model ?? null,
    signal: options.signal,
    log: options.log,
  })
  const turn: TurnContext = { budget, events, log: options.log, clientSignal: options.signal }
  const state = session.state as ChatState
  const result =
    state.intake && state.intake.step !== 'submitted' && state.intake.step !== 'cancelled'
      ? await continueIntake(deps, session, state, turns, message, turn)
      : await handleNewMessage(
          deps,
          session,
          audience,
          turns,
          prepareQuestion(message, deps),
          state.subject ?? null,
          turn,
        )
  const { state: nextState, ...reply } = result
  const llmOutcome = budget.outcome()
  const response = { ...reply, ...(llmOutcome ? { llmOutcome } : {}) }
  const turnId = await recordTurn(
    deps.db,
    { id: session.id, audience, state: nextState },
    {
      message,
      resolvedQuery: response.resolvedQuery,
      intent: response.intent,
      // The lookup token is shown once, to the requester; stored, it would be readable to staff (feedback view).
      answer: response.ticket
        ? response.answer.replaceAll(response.ticket.lookupToken, '（查询码不保存）')
        : response.answer,
      grounded: response.grounded,
      mode: response.mode,
      citations: response.citations,
      refusalReason: response.refusalReason ?? null,
      llmOutcome,
      latencyMs: Math.round(performance.now() - started),
    },
    knowledgeVersion,
  )
  if (turnId === null) throw new StaleKnowledgeError('the knowledge changed while the turn was answered')
  const done = { sessionId: session.id, turnId, ...response }
  events.done(done)
  return done
}
