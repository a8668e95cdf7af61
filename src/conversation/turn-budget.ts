import type { LlmOutcome } from '../answer/llm-outcome.ts'
import { maskPersonalData } from '../text/mask.ts'

export type LlmStep = 'routing' | 'follow-up' | 'answer'

/** The part of a pino logger a turn needs. */
export type TurnLog = { warn(fields: Record<string, unknown>, message: string): void }

export type TurnBudget = {
  /** Aborts when the turn's deadline passes or the client goes away: every model call listens to it. */
  readonly signal: AbortSignal
  readonly firstTokenMs: number
  readonly stallMs: number
  remainingMs(): number
  /** The turn's signal, or the per-call cap (LLM_TIMEOUT_MS) if that comes first: for one non-streamed call. */
  callSignal(): AbortSignal
  /** How a failed call ended: the client gone, a deadline (the turn's, or the call's own: `timedOut`), or an error. */
  outcomeOf(timedOut?: boolean): LlmOutcome
  /** Records how a step's call ended; anything but 'ok' is a fallback and logged as a warning. */
  record(step: LlmStep, outcome: LlmOutcome, cause?: unknown): void
  /** What the turn stores: the answer call's outcome, else the first failure of an earlier call. */
  outcome(): LlmOutcome | null
}

/** The timing settings of LLM calls (from LLM_TURN_BUDGET_MS, LLM_FIRST_TOKEN_TIMEOUT_MS, …). */
export type LlmTiming = { budgetMs: number; firstTokenMs: number; stallMs: number; callCapMs: number }

export type TurnBudgetOptions = LlmTiming & {
  /** The model's name, for the log. */
  model: string | null
  /** The client's side: aborted when the request is gone. */
  signal?: AbortSignal
  log?: TurnLog
}

// A cause reaches the log as its type and a short, masked message: an upstream error may echo input.
const describeCause = (cause: unknown): string | undefined => {
  if (cause === undefined) return undefined
  const text = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)
  return maskPersonalData(text).slice(0, 200)
}

export function startTurnBudget(options: TurnBudgetOptions): TurnBudget {
  const deadline = Date.now() + options.budgetMs
  // Made at the first model call, not at the turn's start: an extractive turn calls none, and a timeout signal is
  // a timer that fires, raising an exception, long after the turn (a fiftieth of an extractive turn's CPU).
  let expiry: AbortSignal | undefined
  let signal: AbortSignal | undefined
  const signalOf = (): AbortSignal => {
    if (signal) return signal
    expiry = AbortSignal.timeout(Math.max(0, deadline - Date.now()))
    signal = options.signal ? AbortSignal.any([expiry, options.signal]) : expiry
    return signal
  }
  const outcomes: Array<{ step: LlmStep; outcome: LlmOutcome }> = []
  return {
    get signal() {
      return signalOf()
    },
    firstTokenMs: options.firstTokenMs,
    stallMs: options.stallMs,
    remainingMs: () => Math.max(0, deadline - Date.now()),
    callSignal: () => AbortSignal.any([signalOf(), AbortSignal.timeout(options.callCapMs)]),
    outcomeOf(timedOut = false) {
      if (options.signal?.aborted) return 'aborted'
      return expiry?.aborted || Date.now() >= deadline || timedOut ? 'timeout' : 'error'
    },
    record(step, outcome, cause) {
      outcomes.push({ step, outcome })
      if (outcome === 'ok' || outcome === 'aborted') return
      options.log?.warn(
        { llmStep: step, llmOutcome: outcome, model: options.model, cause: describeCause(cause) },
        `LLM ${step}: ${outcome}, falling back`,
      )
    },
    outcome() {
      const answer = outcomes.find((item) => item.step === 'answer')
      return answer?.outcome ?? outcomes.find((item) => item.outcome !== 'ok')?.outcome ?? null
    },
  }
}
