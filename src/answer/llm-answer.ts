import { type Citation, citationFor, citationMarkers } from './citations.ts'
import type { Evidence } from './extractive.ts'
import type { Llm } from './llm.ts'
import { recitesPrompt } from './prompt-leak.ts'
import { ANSWER_SYSTEM_PROMPT, answerUserPrompt, NOT_COVERED_REPLY, renderPassages } from './prompts.ts'

const MAX_PASSAGES = 5

export type LlmAnswer = { answer: string; citations: Citation[] }

/**
 * Asks the LLM to answer from the retrieved passages only, then checks it: at least one [n], every
 * [n] one of the passages given. Returns null when the call fails or the check does — the caller
 * then keeps the extractive answer.
 */
export async function answerWithLlm(
  llm: Llm,
  question: string,
  evidence: Evidence[],
  /** The whole section of a passage, when an article was split for length; the LLM reads it whole. */
  sectionText: (item: Evidence) => string = (item) => item.chunk.content,
): Promise<LlmAnswer | null> {
  const passages = evidence.slice(0, MAX_PASSAGES)
  if (passages.length === 0) return null
  let reply: string
  try {
    reply = await llm.complete([
      { role: 'system', content: ANSWER_SYSTEM_PROMPT },
      {
        role: 'user',
        content: answerUserPrompt(
          renderPassages(passages.map((item, index) => ({ n: index + 1, ...item.chunk, content: sectionText(item) }))),
          question,
        ),
      },
    ])
  } catch {
    return null
  }
  const text = reply.trim()
  const markers = citationMarkers(text)
  if (!text || text.includes(NOT_COVERED_REPLY) || markers.length === 0) return null
  if (markers.some((n) => n < 1 || n > passages.length)) return null
  if (recitesPrompt(text, ANSWER_SYSTEM_PROMPT)) return null

  // Renumber in order of first use, so the citations read [1], [2], … whatever the LLM picked.
  const order = [...new Set(markers)]
  const renumber = new Map(order.map((n, index) => [n, index + 1]))
  const answer = text.replace(/\[(\d+)\]/g, (_, n: string) => `[${renumber.get(Number(n))}]`)
  const citations = order.map((n, index) => {
    const item = passages[n - 1] as Evidence
    const best = [...item.sentences].sort((a, b) => b.coverage - a.coverage || a.start - b.start)[0]
    return citationFor(index + 1, item.chunk, best?.text ?? item.chunk.content, item.coverage)
  })
  return { answer, citations }
}
