import type { ChunkRecord } from '../retrieval/chunks-repo.ts'
import type { ScoredChunk } from '../retrieval/search.ts'
import { type Citation, citationFor, describeLocation } from './citations.ts'
import { type Concept, coverage, type Sentence, sentencesOf, statesCoverageGap, unknownShare } from './evidence.ts'

/** Below this share of the question's weight, the best passage is not taken to answer it. */
export const MIN_COVERAGE = 0.55
/** A question mostly in words the store never uses is about something else. */
export const MAX_UNKNOWN_SHARE = 0.6
const MAX_CITATIONS = 3
/**
 * How the passages are ranked for answering: coverage of the question by the passage, by its
 * heading alone (a question that restates a heading is asking for that section), its cosine
 * similarity and its search rank. Weights tuned on the dev eval set (npm run eval).
 */
export const RANKING = { coverage: 1, title: 0.3, heading: 0.35, similarity: 0.6, fusion: 0.15 }

export type Evidence = {
  chunk: ScoredChunk
  /** Coverage of the question by the chunk with its document title and section. */
  coverage: number
  rank: number
  sentences: Array<Sentence & { coverage: number }>
}

export type ExtractiveResult =
  | { grounded: true; answer: string; citations: Citation[]; evidence: Evidence[] }
  | { grounded: false; gap: string | null; evidence: Evidence[] }

const contextOf = (chunk: ChunkRecord): string =>
  [chunk.title, chunk.meta.doc_no, chunk.meta.official_title, chunk.section, chunk.content].filter(Boolean).join('\n')

/** Scores the retrieved chunks and their sentences against the question, best first. */
export function weighEvidence(concepts: Concept[], candidates: ScoredChunk[], weights = RANKING): Evidence[] {
  const best = candidates[0]?.score ?? 1
  return candidates
    .map((chunk) => {
      const chunkCoverage = coverage(concepts, contextOf(chunk))
      const ownCoverage = coverage(concepts, `${chunk.section}\n${chunk.content}`)
      const titleCoverage = coverage(concepts, `${chunk.title} ${chunk.meta.doc_no ?? ''}`)
      const headingCoverage = coverage(concepts, chunk.section)
      const sentences = sentencesOf(chunk.content).map((sentence) => ({
        ...sentence,
        coverage: coverage(concepts, sentence.text),
      }))
      const rank =
        weights.coverage * ownCoverage +
        weights.title * titleCoverage +
        weights.heading * headingCoverage +
        weights.similarity * (chunk.similarity ?? 0) +
        weights.fusion * (chunk.score / best)
      return { chunk, coverage: chunkCoverage, rank, sentences }
    })
    .sort((a, b) => b.rank - a.rank)
}

/** The sentences of a chunk that answer best, in document order; the heading line is not an answer. */
function pickSentences(evidence: Evidence, count: number): Evidence['sentences'] {
  const body = evidence.sentences.filter((sentence, index) => index > 0 || evidence.sentences.length === 1 || sentence.text.length > 30)
  const ranked = [...body].sort((a, b) => b.coverage - a.coverage || a.start - b.start)
  const chosen = ranked[0]?.coverage ? ranked.slice(0, count).filter((sentence) => sentence.coverage > 0) : body.slice(0, count)
  return chosen.sort((a, b) => a.start - b.start)
}

/** A quote: the chosen sentences if they are adjacent in the chunk, else the first of them. */
function quoteOf(content: string, sentences: Sentence[]): { quote: string; used: Sentence[] } {
  const first = sentences[0] as Sentence
  const last = sentences.at(-1) as Sentence
  const span = content.slice(first.start, last.start + last.text.length)
  if (span.length <= (first.text.length + last.text.length) * 1.6 || sentences.length === 1) return { quote: span, used: sentences }
  return { quote: first.text, used: [first] }
}

function notesFor(chunks: ChunkRecord[]): string[] {
  const notes: string[] = []
  for (const chunk of chunks) {
    if (chunk.meta.valid_period) {
      notes.push(`《${chunk.title}》是${chunk.meta.valid_period}的活动安排，相关活动可能已经结束，最新安排请咨询工作人员。`)
    }
  }
  if (chunks.some((chunk) => /非官方原文|要点|整理/.test(chunk.meta.note ?? ''))) {
    notes.push('以上内容出自对官方文本的整理摘要，具体以官方发布的文本为准。')
  }
  return [...new Set(notes)]
}

/**
 * The default, offline answerer: picks the sentences that answer the question from the best
 * passages and composes a short Chinese answer, each statement marked [n] and named in words.
 */
export function composeExtractiveAnswer(concepts: Concept[], candidates: ScoredChunk[]): ExtractiveResult {
  const evidence = weighEvidence(concepts, candidates)
  const primary = evidence[0]
  if (!primary || primary.coverage < MIN_COVERAGE || unknownShare(concepts) > MAX_UNKNOWN_SHARE) {
    return { grounded: false, gap: null, evidence }
  }
  const lead = pickSentences(primary, 2)
  if (lead.length === 0) return { grounded: false, gap: null, evidence }
  if (lead.some((sentence) => statesCoverageGap(sentence.text)) && lead.every((s) => s.coverage < 0.8)) {
    return { grounded: false, gap: lead.find((sentence) => statesCoverageGap(sentence.text))?.text ?? null, evidence }
  }

  const citations: Citation[] = []
  const { quote } = quoteOf(primary.chunk.content, lead)
  citations.push(citationFor(1, primary.chunk, quote, primary.coverage))
  const lines = [`根据《${primary.chunk.title}》${describeLocation(primary.chunk)}：${quote}[1]`]

  const threshold = Math.max(MIN_COVERAGE, primary.coverage * 0.85)
  const others = evidence
    .slice(1)
    .filter((item) => item.coverage >= threshold && item.chunk.section !== primary.chunk.section)
  const points: string[] = []
  for (const item of others) {
    if (citations.length >= MAX_CITATIONS) break
    const [sentence] = pickSentences(item, 1)
    if (!sentence || statesCoverageGap(sentence.text) || quote.includes(sentence.text)) continue
    const n = citations.length + 1
    citations.push(citationFor(n, item.chunk, sentence.text, item.coverage))
    points.push(`- ${sentence.text}[${n}]（《${item.chunk.title}》${describeLocation(item.chunk)}）`)
  }
  if (points.length > 0) lines.push('', '另外：', ...points)
  const notes = notesFor([primary.chunk, ...others.slice(0, citations.length - 1).map((item) => item.chunk)])
  if (notes.length > 0) lines.push('', `提示：${notes.join('')}`)
  return { grounded: true, answer: lines.join('\n'), citations, evidence }
}
