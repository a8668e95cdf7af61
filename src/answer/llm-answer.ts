import type { ChunkRecord } from '../retrieval/chunks-repo.ts'
import type { Glossary } from '../text/glossary.ts'
import { capAnswerText, MAX_ANSWER_CHARS } from './answer-length.ts'
import { type Citation, citationFor, citationMarkers } from './citations.ts'
import { type ClaimPassage, checkClaims, type RemovedClaim } from './claims.ts'
import type { Evidence } from './extractive.ts'
import type { Llm } from './llm.ts'
import type { LlmOutcome } from './llm-outcome.ts'
import { streamReply } from './llm-stream.ts'
import { recitesPrompt } from './prompt-leak.ts'
import { ANSWER_SYSTEM_PROMPT, answerUserPrompt, NOT_COVERED_REPLY, passageHeader, renderPassages } from './prompts.ts'

/** A passage given to the model: the retrieved chunk and the whole article it belongs to. */
export type ModelPassage = { evidence: Evidence; parts: ChunkRecord[] }

export type LlmAnswer = { answer: string; citations: Citation[] }

export type GenerationResult = {
  outcome: LlmOutcome
  /** Set when the outcome is 'ok': the checked answer, markers renumbered in order of first use. */
  answer: LlmAnswer | null
  removed: RemovedClaim[]
  /** How much text reached the user as deltas before the outcome was known. */
  streamedChars: number
  cause?: unknown
}

export type GenerationOptions = {
  signal: AbortSignal
  firstTokenMs: number
  stallMs: number
  glossary: Glossary
  /** The passages as numbered for the model, told once just before the first token. */
  onCitations: (citations: Citation[]) => void
  onDelta: (text: string) => void
}

const STREAM_OUTCOME = { 'first-token-timeout': 'first-token-timeout', stall: 'stall', error: 'error' } as const

const headerOf = (chunk: ChunkRecord) =>
  passageHeader({ title: chunk.title, docNo: chunk.meta.doc_no, section: chunk.section, locator: chunk.locator })

/** Checks a complete reply: the fixed not-covered text, a recited prompt, then claim by claim. */
function verify(reply: string, passages: ModelPassage[], glossary: Glossary) {
  const text = reply.trim()
  if (!text || text.includes(NOT_COVERED_REPLY)) return { outcome: 'not-covered' as const, answer: null, removed: [] }
  if (citationMarkers(text).length === 0 || recitesPrompt(text, ANSWER_SYSTEM_PROMPT)) {
    return { outcome: 'unverified' as const, answer: null, removed: [] }
  }
  const claimPassages: ClaimPassage[] = passages.map((passage, index) => ({
    n: index + 1,
    header: headerOf(passage.evidence.chunk),
    parts: passage.parts.map((part) => ({ chunkId: part.id, content: part.content })),
  }))
  const check = checkClaims(text, claimPassages, glossary)
  if (!check.trustworthy) return { outcome: 'unverified' as const, answer: null, removed: check.removed }

  // Renumber in order of first use, so the citations read [1], [2], … whatever the model picked.
  const order = [...new Set(citationMarkers(check.text))]
  const renumber = new Map(order.map((n, index) => [n, index + 1]))
  const answer = capAnswerText(check.text.replace(/\[(\d+)\]/g, (_, n: string) => `[${renumber.get(Number(n))}]`))
  const citations = order.map((n, index) => {
    const span = check.spans.find((item) => item.n === n)
    const passage = passages[n - 1] as ModelPassage
    const chunk = passage.parts.find((part) => part.id === span?.chunkId) ?? passage.evidence.chunk
    return citationFor(index + 1, chunk, span?.quote ?? chunk.content, passage.evidence.coverage)
  })
  return { outcome: 'ok' as const, answer: { answer, citations }, removed: check.removed }
}

/**
 * Asks the model to answer from the numbered passages only, streaming its reply token by token,
 * then checks it claim by claim. Never throws: the outcome says why no answer came back.
 */
export async function generateAnswer(
  llm: Llm,
  question: string,
  passages: ModelPassage[],
  options: GenerationOptions,
): Promise<GenerationResult> {
  const rendered = renderPassages(
    passages.map((passage, index) => ({
      n: index + 1,
      title: passage.evidence.chunk.title,
      docNo: passage.evidence.chunk.meta.doc_no,
      section: passage.evidence.chunk.section,
      locator: passage.evidence.chunk.locator,
      // Parts of a long article overlap by a sentence; the model is not misled by reading it twice.
      content: passage.parts.map((part) => part.content).join('\n'),
    })),
  )
  let streamedChars = 0
  const stream = await streamReply(
    llm,
    [
      { role: 'system', content: ANSWER_SYSTEM_PROMPT },
      { role: 'user', content: answerUserPrompt(rendered, question) },
    ],
    {
      signal: options.signal,
      firstTokenMs: options.firstTokenMs,
      stallMs: options.stallMs,
      // The checked answer is capped at MAX_ANSWER_CHARS; a model still writing at twice that has run away.
      maxChars: 2 * MAX_ANSWER_CHARS,
      onToken: (token) => {
        if (streamedChars === 0) {
          options.onCitations(
            passages.map((passage, index) =>
              citationFor(index + 1, passage.evidence.chunk, passage.evidence.chunk.content, passage.evidence.coverage),
            ),
          )
        }
        streamedChars += token.length
        options.onDelta(token)
      },
    },
  )
  if (stream.end === 'aborted')
    return { outcome: 'aborted', answer: null, removed: [], streamedChars, cause: stream.cause }
  if (stream.end !== 'complete') {
    return { outcome: STREAM_OUTCOME[stream.end], answer: null, removed: [], streamedChars, cause: stream.cause }
  }
  return { ...verify(stream.text, passages, options.glossary), streamedChars }
}
