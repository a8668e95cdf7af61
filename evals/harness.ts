import { rankPassages } from '../src/answer/answer-question.ts'
import type { Assistant } from '../src/assistant.ts'
import type { ChatResponse } from '../src/conversation/turn.ts'
import { prepareQuestion } from '../src/query/prepare-question.ts'
import type { RetrievalMode } from '../src/retrieval/search.ts'
import type { Intent } from '../src/routing/intents.ts'
import type { EvalCase } from './cases.ts'
import {
  type CitedPassage,
  countMatchingCitations,
  leadOf,
  missingPatterns,
  unresolvedMarkers,
} from './metrics/answers.ts'
import { firstRelevantRank, type PassageLocation } from './metrics/retrieval.ts'
import type { SendChat } from './system.ts'

/** The baselines, each run on every retrieval case: one side of the hybrid search off, then both on. */
export const RETRIEVAL_MODES = ['lexical', 'vector', 'hybrid'] as const satisfies readonly RetrievalMode[]

// Passages kept per mode in the report: enough for hit@5 and to show what came instead.
const KEEP_PASSAGES = 5

export type RetrievalResult = {
  /** 1-based rank of the first passage that matches the case; null when none of those ranked does. */
  rank: number | null
  top: PassageLocation[]
}

/** Everything the report needs about one case: what was expected, what came back, and the verdicts. */
export type CaseResult = {
  id: string
  split: EvalCase['split']
  /** Written after the split was drawn (see evals/cases.ts). */
  added: boolean
  file: string
  line: number
  question: string
  history: string[]
  expected: Pick<EvalCase, 'intent' | 'grounded' | 'docId' | 'section' | 'mustContain'>
  response: {
    /** The session the case ran in, history included: the turns can be looked up in chat_turns. */
    sessionId: string
    answer: string
    grounded: boolean
    /** The named gate that refused, when the server says (ChatResponse.refusalReason). */
    refusalReason: string | null
    intent: Intent
    mode: ChatResponse['mode']
    resolvedQuery: string
    citations: CitedPassage[]
    ticket: boolean
  }
  /** Of the final question only; the history turns are set-up. */
  latencyMs: number
  /** Per retrieval mode, for grounded cases (they all name a docId and section); null otherwise. */
  retrieval: Record<(typeof RETRIEVAL_MODES)[number], RetrievalResult> | null
  /** Cited passages matching the case, when it should be answered and was; null otherwise. */
  citations: { matched: number; total: number } | null
  unresolvedMarkers: number[]
  /** For cases that should be answered: passed only when answered grounded and every pattern matches. */
  mustContain: { passed: boolean; missing: string[] } | null
}

export type HarnessDeps = {
  /** The in-process assistant: retrieval is always ranked here, whichever server answered the chat. */
  assistant: Assistant
  send: SendChat
}

async function converse(send: SendChat, c: EvalCase): Promise<{ response: ChatResponse; latencyMs: number }> {
  let sessionId: string | undefined
  for (const message of c.history ?? []) {
    const earlier = await send({ message, sessionId, audience: c.audience })
    sessionId ??= earlier.sessionId
  }
  const started = performance.now()
  const response = await send({ message: c.question, sessionId, audience: c.audience })
  return { response, latencyMs: performance.now() - started }
}

async function rankAll(assistant: Assistant, query: string, expected: { docId: string; section: string }) {
  const entries = await Promise.all(
    RETRIEVAL_MODES.map(async (mode) => {
      const passages = await rankPassages(assistant, prepareQuestion(query, assistant), { mode })
      const rank = firstRelevantRank(passages, expected)
      const top = passages.slice(0, KEEP_PASSAGES).map(({ docId, section, locator }) => ({ docId, section, locator }))
      return [mode, { rank, top }] as const
    }),
  )
  return Object.fromEntries(entries) as Record<(typeof RETRIEVAL_MODES)[number], RetrievalResult>
}

// An answer that refused counts as a miss however its refusal happens to be worded.
function judgeMustContain(response: ChatResponse, patterns: string[], leadPatterns: string[]) {
  const leadLabelled = leadPatterns.map((pattern) => `lead: ${pattern}`)
  if (!response.grounded) return { passed: false, missing: [...patterns, ...leadLabelled] }
  const missing = [
    ...missingPatterns(response.answer, patterns),
    ...missingPatterns(leadOf(response.answer), leadPatterns).map((pattern) => `lead: ${pattern}`),
  ]
  return { passed: missing.length === 0, missing }
}

/** Runs one case in a fresh session and judges it. */
export async function runCase(deps: HarnessDeps, c: EvalCase): Promise<CaseResult> {
  const { response, latencyMs } = await converse(deps.send, c)
  const expected = c.docId && c.section ? { docId: c.docId, section: c.section } : null
  const citations = response.citations.map(({ n, docId, section, article }) => ({
    n,
    docId,
    section,
    locator: article,
  }))
  // The query as the assistant resolved it, so that a follow-up is ranked in its completed form.
  const retrieval = c.grounded && expected ? await rankAll(deps.assistant, response.resolvedQuery, expected) : null
  return {
    id: c.id,
    split: c.split,
    added: c.added !== undefined,
    file: c.file,
    line: c.line,
    question: c.question,
    history: c.history ?? [],
    expected: {
      intent: c.intent,
      grounded: c.grounded,
      docId: c.docId,
      section: c.section,
      mustContain: c.mustContain,
    },
    response: {
      sessionId: response.sessionId,
      answer: response.answer,
      grounded: response.grounded,
      refusalReason: response.refusalReason ?? null,
      intent: response.intent,
      mode: response.mode,
      resolvedQuery: response.resolvedQuery,
      citations,
      ticket: response.ticket !== undefined,
    },
    latencyMs: Math.round(latencyMs * 10) / 10,
    retrieval,
    citations: c.grounded && response.grounded && expected ? countMatchingCitations(expected, citations) : null,
    unresolvedMarkers: unresolvedMarkers(response.answer, citations),
    mustContain: c.grounded ? judgeMustContain(response, c.mustContain ?? [], c.mustLead ?? []) : null,
  }
}

/**
 * Runs the cases one after another (PGlite serialises queries anyway, and latencies stay
 * comparable); `onCase` is called after each, for progress output.
 */
export async function runCases(
  deps: HarnessDeps,
  cases: readonly EvalCase[],
  onCase?: (result: CaseResult, done: number, total: number) => void,
): Promise<CaseResult[]> {
  const results: CaseResult[] = []
  for (const c of cases) {
    let result: CaseResult
    try {
      result = await runCase(deps, c)
    } catch (error) {
      throw new Error(`case ${c.id} (${c.file}:${c.line}): ${(error as Error).message}`, { cause: error })
    }
    results.push(result)
    onCase?.(result, results.length, cases.length)
  }
  return results
}
