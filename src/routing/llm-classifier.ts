import { z } from 'zod'
import type { Llm } from '../answer/llm.ts'
import { foldQuestion } from '../text/typos.ts'
import { type IntentClassifier, type RoutingInput, routingTextOf } from './classify-intent.ts'
import { looksLikeManipulation, mentionsSafetyRisk, ticketCategory } from './intent-rules.ts'
import { type Audience, type Classification, INTENTS, TICKET_CATEGORIES, TICKET_INTENTS } from './intents.ts'
import { INTENT_SYSTEM_PROMPT, intentUserPrompt } from './prompts.ts'

const LlmIntentSchema = z.object({
  intent: z.enum(INTENTS),
  category: z.enum(TICKET_CATEGORIES).nullable().optional(),
  highPriority: z.boolean(),
  confidence: z.number().min(0).max(1).optional(),
})

// A model that leaves out its confidence is neither sure nor unsure; the rules' fixed confidences sit above this.
const UNSTATED_CONFIDENCE = 0.8

/**
 * Asks the model for the intent. The reply is validated again here (a model, or a test double, may
 * return anything) and made consistent: a category only for ticket intents, complaints always in
 * 'complaint', and the safety lexicon can raise highPriority but never lower it. Throws on a bad reply.
 */
export async function classifyWithLlm(
  llm: Llm,
  text: string,
  audience?: Audience,
  signal: AbortSignal = new AbortController().signal,
): Promise<Classification> {
  const reply = LlmIntentSchema.parse(
    await llm.structured(
      LlmIntentSchema,
      'intent',
      [
        { role: 'system', content: INTENT_SYSTEM_PROMPT },
        { role: 'user', content: intentUserPrompt(text, audience) },
      ],
      { signal },
    ),
  )
  const folded = foldQuestion(text)
  const isTicket = TICKET_INTENTS.has(reply.intent)
  const category = !isTicket
    ? null
    : reply.intent === 'complaint'
      ? 'complaint'
      : (reply.category ?? ticketCategory(reply.intent, folded))
  return {
    intent: reply.intent,
    confidence: reply.confidence ?? UNSTATED_CONFIDENCE,
    category,
    highPriority: isTicket && (reply.highPriority || mentionsSafetyRisk(folded)),
  }
}

export type RoutedClassification = Classification & { source: 'llm' | 'offline' }

/**
 * One classification's share of the turn: its deadline (asked for only when the model is called: an offline turn
 * makes no timer), and who to tell when the model fails.
 */
export type ClassifyCall = { signal?: () => AbortSignal; onLlmError?: (error: unknown, timedOut: boolean) => void }

export type RoutingClassifier = {
  classify(input: RoutingInput, audience?: Audience, call?: ClassifyCall): Promise<RoutedClassification>
}

export type RoutingClassifierOptions = {
  offline: IntentClassifier
  /** null or absent: offline only. */
  llm?: Llm | null
  /** Routing waits at most this long (and never past the turn's deadline) before answering offline. */
  timeoutMs?: number
  /** Told why the model's answer was not used (for the request log). */
  onLlmError?: (error: unknown) => void
}

// Rejects when the signal aborts, even if the model call ignores it: the turn must not wait.
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  let stop: (() => void) | undefined
  const aborted = new Promise<never>((_, reject) => {
    stop = () => reject(signal.reason)
    if (signal.aborted) stop()
    else signal.addEventListener('abort', stop, { once: true })
  })
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', stop as () => void))
}

/**
 * The classifier /api/chat uses: the LLM when one is configured, the offline classifier when there is
 * none or when it fails, times out or replies with something invalid. Messages the offline rules see as
 * an attempt to steer the assistant never reach the model, since such a message may steer the classification too.
 */
export function createRoutingClassifier({
  offline,
  llm,
  timeoutMs = 5_000,
  onLlmError,
}: RoutingClassifierOptions): RoutingClassifier {
  return {
    async classify(input, audience, call = {}) {
      const text = routingTextOf(input)
      const fallback = (): RoutedClassification => ({ ...offline.classify(input, audience), source: 'offline' })
      if (!llm || looksLikeManipulation(typeof input === 'string' ? foldQuestion(text) : input.asked)) return fallback()
      const cap = AbortSignal.timeout(timeoutMs)
      const signal = call.signal ? AbortSignal.any([call.signal(), cap]) : cap
      try {
        return { ...(await untilAborted(classifyWithLlm(llm, text, audience, signal), signal)), source: 'llm' }
      } catch (error) {
        onLlmError?.(error)
        call.onLlmError?.(error, signal.aborted)
        return fallback()
      }
    },
  }
}
