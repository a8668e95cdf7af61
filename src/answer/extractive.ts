import type { ChunkRecord } from '../retrieval/chunks-repo.ts'
import type { ScoredChunk } from '../retrieval/search.ts'
import { foldText } from '../text/fold.ts'
import { answerTypesOf, givesAnswerTypes, identifiersOf } from './answer-type.ts'
import { type Citation, citationFor, describeLocation } from './citations.ts'
import { type Concept, coverage, type Sentence, sentencesOf, statesCoverageGap, unknownShare } from './evidence.ts'
import {
  EXTRA_PASSAGE_SHARE,
  EXTRA_SENTENCE_COVERAGE,
  GAP_SENTENCE_COVERAGE,
  GROUNDING,
  MAX_CITATIONS,
  QUOTE_TARGET,
  RANKING,
  SHORT_BODY,
  TYPED_CANDIDATES,
} from './tuning.ts'

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

const headerOf = (chunk: ChunkRecord): string =>
  [chunk.title, chunk.meta.doc_no, chunk.meta.official_title, chunk.section].filter(Boolean).join('\n')

const contextOf = (chunk: ChunkRecord): string => `${headerOf(chunk)}\n${chunk.content}`

/** Scores the retrieved chunks and their sentences against the question, best first. */
export function weighEvidence(concepts: Concept[], candidates: ScoredChunk[], weights = RANKING): Evidence[] {
  const best = candidates[0]?.score ?? 1
  return candidates
    .map((chunk) => {
      const chunkCoverage = coverage(concepts, contextOf(chunk))
      const ownCoverage = coverage(concepts, `${chunk.section}\n${chunk.content}`)
      const title = `${chunk.title} ${chunk.meta.doc_no ?? ''} ${chunk.meta.official_title ?? ''}`
      const titleCoverage = coverage(concepts, title)
      // Words the title already accounts for pick the document; the rest pick the section in it.
      const rest = concepts.filter((concept) => coverage([concept], title) < 1)
      const leafHeading = chunk.section.split(' > ').at(-1) ?? chunk.section
      // Squared: a heading that says all the question adds counts far more than one that says part of it.
      const headingCoverage = rest.length > 0 ? coverage(rest, leafHeading) ** 2 : 0
      const sentences = sentencesOf(chunk.content).map((sentence) => ({
        ...sentence,
        coverage: coverage(concepts, sentence.text),
      }))
      const rank =
        weights.coverage * ownCoverage +
        weights.title * titleCoverage +
        weights.specificity * titleSpecificity(concepts, chunk.title) +
        weights.heading * headingCoverage +
        weights.similarity * (chunk.similarity ?? 0) +
        weights.fusion * (chunk.score / best)
      return { chunk, coverage: chunkCoverage, rank, sentences }
    })
    .sort((a, b) => b.rank - a.rank)
}

/**
 * How much of a document's title the question names: "质量强国建设纲要" names all of 《质量强国建设纲要》
 * but only part of 《质量强国建设纲要上海实施方案》, which is then the less likely one meant.
 */
function titleSpecificity(concepts: Concept[], title: string): number {
  const core = foldText(title)
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/\s+/g, '')
  if (!core) return 0
  const named = concepts
    .flatMap((concept) => concept.alternatives.filter((term) => core.includes(term)).slice(0, 1))
    .reduce((sum, term) => sum + term.length, 0)
  return Math.min(named / core.length, 1)
}

/** The chunk's sentences without its heading line: a heading is not an answer. */
function bodyOf(evidence: Evidence): Evidence['sentences'] {
  const [first, ...rest] = evidence.sentences
  if (!first) return []
  const headingLine = evidence.chunk.content.split('\n')[0] ?? ''
  return rest.length > 0 && first.text === headingLine.trim() ? rest : evidence.sentences
}

/**
 * The best sentence of a chunk: of those that give the kind of fact asked for (if any), the one
 * covering most of the question, earliest on a tie.
 */
function bestSentence(sentences: Evidence['sentences'], types: ReturnType<typeof answerTypesOf> = []) {
  const giving = sentences.filter((sentence) => givesAnswerTypes(types, sentence.text))
  return [...(giving.length > 0 ? giving : sentences)].sort((a, b) => b.coverage - a.coverage || a.start - b.start)[0]
}

/** Every year, number or Latin name of the question is in the passage (or a glossary synonym of it is). */
function mentionsIdentifiers(question: string, chunk: ChunkRecord, concepts: Concept[]): boolean {
  const context = foldText(contextOf(chunk))
  return identifiersOf(question).every((identifier) => {
    const concept = concepts.find((item) => item.word.includes(identifier))
    return (
      (concept?.alternatives ?? [identifier]).some((term) => context.includes(term)) || context.includes(identifier)
    )
  })
}

/**
 * The span to quote: the whole body of a short chunk; otherwise the best sentence widened by its
 * neighbours to about QUOTE_TARGET characters. Always a verbatim slice of the chunk.
 */
function quoteAround(evidence: Evidence, best: Evidence['sentences'][number]): string {
  const body = bodyOf(evidence)
  const content = evidence.chunk.content
  const spanOf = (from: number, to: number) => {
    const first = body[from] as Sentence
    const last = body[to] as Sentence
    return content.slice(first.start, last.start + last.text.length)
  }
  if (spanOf(0, body.length - 1).length <= SHORT_BODY) return spanOf(0, body.length - 1)
  let from = body.indexOf(best)
  let to = from
  while (spanOf(from, to).length < QUOTE_TARGET && (from > 0 || to < body.length - 1)) {
    const next = body[to + 1]
    const previous = body[from - 1]
    // Widen towards the neighbour that says more of the question; after the best sentence on a tie.
    if (next && (!previous || next.coverage >= previous.coverage)) to += 1
    else from -= 1
  }
  return spanOf(from, to)
}

function notesFor(chunks: ChunkRecord[]): string[] {
  const notes: string[] = []
  for (const chunk of chunks) {
    if (chunk.meta.valid_period) {
      notes.push(
        `《${chunk.title}》是${chunk.meta.valid_period}的活动安排，相关活动可能已经结束，最新安排请咨询工作人员。`,
      )
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
export function composeExtractiveAnswer(
  question: string,
  concepts: Concept[],
  candidates: ScoredChunk[],
  grounding = GROUNDING,
): ExtractiveResult {
  const weighed = weighEvidence(concepts, candidates)
  const types = answerTypesOf(question)
  // "有效期几年": the passage that states a duration, among the few best, answers; the best one may not.
  const primary =
    types.length === 0
      ? weighed[0]
      : weighed.slice(0, TYPED_CANDIDATES).find((item) => givesAnswerTypes(types, item.chunk.content))
  // The passage answered from leads the evidence, so that callers (and the LLM) see it first.
  const evidence = primary ? [primary, ...weighed.filter((item) => item !== primary)] : weighed
  if (primary && !mentionsIdentifiers(question, primary.chunk, concepts))
    return { grounded: false, gap: null, evidence }
  if (!primary || primary.coverage < grounding.minCoverage || unknownShare(concepts) > grounding.maxUnknownShare) {
    return { grounded: false, gap: null, evidence }
  }
  const lead = bestSentence(bodyOf(primary), types)
  const quote = lead && quoteAround(primary, lead)
  if (lead && !givesAnswerTypes(types, quote ?? '')) return { grounded: false, gap: null, evidence }
  if (!lead || !quote) return { grounded: false, gap: null, evidence }
  // What is quoted must itself say what was asked: words scattered over a long passage are not an answer.
  const support = coverage(concepts, `${headerOf(primary.chunk)}\n${quote}`)
  if (support < grounding.minSupport) return { grounded: false, gap: null, evidence }
  // The best match is the summary saying what it leaves out: say that, do not answer around it.
  if (statesCoverageGap(lead.text) && lead.coverage < GAP_SENTENCE_COVERAGE)
    return { grounded: false, gap: lead.text, evidence }

  const citations: Citation[] = []
  citations.push(citationFor(1, primary.chunk, quote, primary.coverage))
  const lines = [`根据《${primary.chunk.title}》${describeLocation(primary.chunk)}：${quote}[1]`]

  // Another passage earns a place only if it answers as fully as the first: a loosely related one
  // would send the reader to the wrong section.
  const threshold = Math.max(grounding.minCoverage, primary.coverage * EXTRA_PASSAGE_SHARE)
  const others = evidence
    .slice(1)
    .filter((item) => item !== primary && item.coverage >= threshold && item.chunk.section !== primary.chunk.section)
  const points: string[] = []
  for (const item of others) {
    if (citations.length >= MAX_CITATIONS) break
    const sentence = bestSentence(bodyOf(item))
    if (
      !sentence ||
      sentence.coverage < EXTRA_SENTENCE_COVERAGE ||
      statesCoverageGap(sentence.text) ||
      quote.includes(sentence.text)
    )
      continue
    const n = citations.length + 1
    citations.push(citationFor(n, item.chunk, sentence.text, item.coverage))
    points.push(`- ${sentence.text}[${n}]（《${item.chunk.title}》${describeLocation(item.chunk)}）`)
  }
  if (points.length > 0) lines.push('', '另外：', ...points)
  const notes = notesFor([primary.chunk, ...others.slice(0, citations.length - 1).map((item) => item.chunk)])
  if (notes.length > 0) lines.push('', `提示：${notes.join('')}`)
  return { grounded: true, answer: lines.join('\n'), citations, evidence }
}
