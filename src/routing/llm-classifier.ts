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
export async function classifyWithLlm(llm: Llm, text: string, audience?: Audience): Promise<Classification> {
  const reply = LlmIntentSchema.parse(
    await llm.structured(LlmIntentSchema, 'intent', [
      { role: 'system', content: INTENT_SYSTEM_PROMPT },
      { role: 'user', content: intentUserPrompt(text, audience) },
    ]),
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

export type RoutingClassifier = {
  classify(input: RoutingInput, audience?: Audience): Promise<RoutedClassification>
}

export type RoutingClassifierOptions = {
  offline: IntentClassifier
  /** null or absent: offline only. */
  llm?: Llm | null
  /** Routing waits at most this long for the model before answering from the offline classifier. */
  timeoutMs?: number
  /** Told why the model's answer was not used (for the request log). */
  onLlmError?: (error: unknown) => void
}

class LlmTimeoutError extends Error {
  override name = 'LlmTimeoutError'
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LlmTimeoutError(`intent classification: no reply within ${ms} ms`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
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
    async classify(input, audience) {
      const text = routingTextOf(input)
      const fallback = (): RoutedClassification => ({ ...offline.classify(input, audience), source: 'offline' })
      if (!llm || looksLikeManipulation(typeof input === 'string' ? foldQuestion(text) : input.asked)) return fallback()
      try {
        return { ...(await withTimeout(classifyWithLlm(llm, text, audience), timeoutMs)), source: 'llm' }
      } catch (error) {
        onLlmError?.(error)
        return fallback()
      }
    },
  }
}
