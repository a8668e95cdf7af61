import { ChatOpenAI } from '@langchain/openai'
import type { z } from 'zod'
import type { Config } from '../config.ts'

export type LlmMessage = { role: 'system' | 'user' | 'assistant'; content: string }

/** An OpenAI-compatible chat model: the only part of the code that talks to LangChain. */
export type Llm = {
  readonly model: string
  /** The model's reply as text; rejects on timeout or error. */
  complete(messages: LlmMessage[]): Promise<string>
  /** A reply validated against `schema` (the model is asked for JSON matching it). */
  structured<T>(schema: z.ZodType<T>, name: string, messages: LlmMessage[]): Promise<T>
}

const toLangChain = (messages: LlmMessage[]) =>
  messages.map((message) => [message.role, message.content] as [string, string])

/** null when no LLM is configured: answers then stay extractive. */
export function createLlm(config: Config): Llm | null {
  if (!config.LLM_MODEL || !config.LLM_BASE_URL) return null
  const chat = new ChatOpenAI({
    model: config.LLM_MODEL,
    apiKey: config.LLM_API_KEY ?? 'not-needed',
    temperature: 0,
    timeout: config.LLM_TIMEOUT_MS,
    // A failed call falls back to the extractive answer at once; retrying would only make people wait.
    maxRetries: 0,
    configuration: { baseURL: config.LLM_BASE_URL },
  })
  return {
    model: config.LLM_MODEL,
    async complete(messages) {
      const reply = await chat.invoke(toLangChain(messages), { signal: AbortSignal.timeout(config.LLM_TIMEOUT_MS) })
      return typeof reply.content === 'string'
        ? reply.content
        : reply.content.map((part) => ('text' in part ? part.text : '')).join('')
    },
    async structured(schema, name, messages) {
      const model = chat.withStructuredOutput(schema, { name, method: 'jsonMode' })
      return model.invoke(toLangChain(messages), { signal: AbortSignal.timeout(config.LLM_TIMEOUT_MS) }) as never
    },
  }
}
