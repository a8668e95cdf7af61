import { ChatOpenAI } from '@langchain/openai'
import type { z } from 'zod'
import type { Config } from '../config.ts'

export type LlmMessage = { role: 'system' | 'user' | 'assistant'; content: string }

/** Every call is bounded by its caller: the turn's deadline, a client that went away, a per-call cap. */
export type LlmCallOptions = { signal: AbortSignal }

/** An OpenAI-compatible chat model: the only part of the code that talks to LangChain. */
export type Llm = {
  readonly model: string
  /** The model's reply as text; rejects on abort or error. */
  complete(messages: LlmMessage[], options: LlmCallOptions): Promise<string>
  /** A reply validated against `schema` (the model is asked for JSON matching it). */
  structured<T>(schema: z.ZodType<T>, name: string, messages: LlmMessage[], options: LlmCallOptions): Promise<T>
  /** The reply as it is generated, piece by piece; aborting the signal closes the upstream request. */
  stream(messages: LlmMessage[], options: LlmCallOptions): AsyncIterable<string>
}

const toLangChain = (messages: LlmMessage[]) =>
  messages.map((message) => [message.role, message.content] as [string, string])

const textOf = (content: string | Array<Record<string, unknown>>): string =>
  typeof content === 'string'
    ? content
    : content.map((part) => (typeof part.text === 'string' ? part.text : '')).join('')

/** null when no LLM is configured: answers then stay extractive. */
export function createLlm(config: Config): Llm | null {
  if (!config.LLM_MODEL || !config.LLM_BASE_URL) return null
  const chat = new ChatOpenAI({
    model: config.LLM_MODEL,
    apiKey: config.LLM_API_KEY ?? 'not-needed',
    temperature: 0,
    // Callers bound each call with a signal; this is only the outermost safety net.
    timeout: config.LLM_TURN_BUDGET_MS,
    // A failed call falls back to the extractive answer at once; retrying would only make people wait.
    maxRetries: 0,
    configuration: { baseURL: config.LLM_BASE_URL },
  })
  return {
    model: config.LLM_MODEL,
    async complete(messages, { signal }) {
      const reply = await chat.invoke(toLangChain(messages), { signal })
      return textOf(reply.content as string | Array<Record<string, unknown>>)
    },
    async structured(schema, name, messages, { signal }) {
      const model = chat.withStructuredOutput(schema, { name, method: 'jsonMode' })
      return model.invoke(toLangChain(messages), { signal }) as never
    },
    async *stream(messages, { signal }) {
      for await (const chunk of await chat.stream(toLangChain(messages), { signal })) {
        const text = textOf(chunk.content as string | Array<Record<string, unknown>>)
        if (text) yield text
      }
    },
  }
}
