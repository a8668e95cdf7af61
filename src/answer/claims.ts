import { foldText } from '../text/fold.ts'
import { type Glossary, groupOf } from '../text/glossary.ts'
import { idfOf } from '../text/idf.ts'
import { fromChineseNumber } from '../text/numerals.ts'
import { segmentWords } from '../text/segment.ts'
import { sentencesOf } from '../text/sentences.ts'
import { citationMarkers } from './citations.ts'

/** When a generated sentence counts as supported; chosen on the fake-model tests and kept strict. */
export const CLAIMS = {
  /** Share of a sentence's key terms (idf-weighted) that its cited passage must contain. */
  minTermSupport: 0.7,
  /** Below this share of the checked text surviving, the whole answer is not trusted. */
  minKeptShare: 0.5,
  /** A citation quote made of several supporting sentences stays about this short. */
  maxQuoteLength: 300,
}

/** A passage as the model read it: its header (title, number, section) and the chunks it is made of. */
export type ClaimPassage = { n: number; header: string; parts: Array<{ chunkId: number; content: string }> }

export const CLAIM_PROBLEMS = [
  'unknown-marker',
  'number-not-in-passage',
  'quote-not-verbatim',
  'unsupported-terms',
] as const

export type ClaimProblem = (typeof CLAIM_PROBLEMS)[number]

/** What was removed, said without the removed text: the log may keep it, the user never sees it. */
export type RemovedClaim = { reason: ClaimProblem; markers: number[] }

/** The passage span that supports what cites passage n: a verbatim slice of one stored chunk. */
export type SupportSpan = { n: number; chunkId: number; quote: string }

export type ClaimCheck = {
  /** The answer without its unsupported sentences (markers as the model wrote them). */
  text: string
  removed: RemovedClaim[]
  /** False when too little survived, or nothing cited survived: the answer is not to be used. */
  trustworthy: boolean
  spans: SupportSpan[]
}

// A sentence ends at 。！？； or a line break; markers right after its end still belong to it.
const SENTENCE = /[^。！？!?；;\n]+[。！？!?；;]*(?:\s*\[\d+\])*/g
const MARKER = /\[\d+\]/g
const LIST_MARK = /^\s*(?:[-*•·]|\d+[.、．)）]|[（(]\d+[)）])\s*/
const QUOTED = /[“"「『]([^”"」』]{2,})[”"」』]/g
const TITLE = /《([^》]{2,})》/g
// Chinese numerals count as numbers only where they measure or number something: 三类, 五万元, 第三条.
const CHINESE_NUMBER =
  /第[零〇一二两三四五六七八九十百千万亿]+|[零〇一二两三四五六七八九十百千万亿]{2,}(?=[元个项条款类日天年月周次人家倍岁名批件种])|[二两三四五六七八九十](?=[元个项条款类日天年月周次人家倍岁名批件种])/g
// Words any answer uses to talk about its sources: they support nothing by themselves.
const FRAME_WORDS = new Set(
  '根据 依据 规定 资料 片段 相关 提到 说明 包括 以下 方面 进行 应当 按照 办理 具体 主要 情况 内容 要求 文件 明确 表示'.split(
    ' ',
  ),
)

/** The numbers a text states, as digits: "5月5日" → 5, 5; "五万元" → 50000; "第三条" → 3. */
export function numbersIn(text: string): string[] {
  const folded = foldText(text).replace(MARKER, ' ')
  // Digits inside a code (3c, iso9001) are part of a name, not a number.
  const arabic = [...folded.matchAll(/(?<![a-z\d])\d+(?:[.,]\d+)*(?![a-z\d])/g)].map((match) =>
    match[0].replace(/,/g, ''),
  )
  const chinese = [...folded.matchAll(CHINESE_NUMBER)]
    .map((match) => fromChineseNumber(match[0].replace(/^第/, '')))
    .filter((value): value is number => value !== null)
    .map(String)
  return [...arabic, ...chinese]
}

/** The sentence's content words, each once, without the parts that a longer word already holds. */
function keyTerms(sentence: string): string[] {
  const words = [...new Set(segmentWords(sentence))].filter(
    (word) => [...word].length > 1 && !/^[\d.,%]+$/.test(word) && !FRAME_WORDS.has(word),
  )
  return words.filter((word) => !words.some((other) => other !== word && other.includes(word)))
}

function termSupport(terms: string[], passage: string, glossary: Glossary): number {
  let total = 0
  let found = 0
  for (const term of terms) {
    const weight = Math.min(idfOf(term), 12)
    total += weight
    const synonyms = groupOf(glossary, term) ?? [term]
    if (synonyms.some((synonym) => passage.includes(synonym))) found += weight
  }
  return total === 0 ? 1 : found / total
}

type Sentence = { text: string; start: number; end: number; markers: number[] }

function splitSentences(answer: string): Sentence[] {
  return [...answer.matchAll(SENTENCE)]
    .map((match) => ({
      text: match[0],
      start: match.index ?? 0,
      end: (match.index ?? 0) + match[0].length,
      markers: citationMarkers(match[0]),
    }))
    .filter((sentence) => sentence.text.trim() !== '')
}

/** What is wrong with a sentence read against the passages it cites, or null when it holds. */
function problemOf(sentence: string, passages: string[], glossary: Glossary): ClaimProblem | null {
  const body = sentence.replace(MARKER, '').replace(LIST_MARK, '')
  const folded = passages.map(foldText)
  const all = folded.join('\n')
  const stated = new Set(passages.flatMap(numbersIn))
  if (numbersIn(body).some((number) => !stated.has(number))) return 'number-not-in-passage'
  for (const match of [...body.matchAll(QUOTED), ...body.matchAll(TITLE)]) {
    if (!all.includes(foldText(match[1] as string))) return 'quote-not-verbatim'
  }
  const terms = keyTerms(body)
  if (!folded.some((passage) => termSupport(terms, passage, glossary) >= CLAIMS.minTermSupport)) {
    // Several cited passages may support a sentence together.
    if (termSupport(terms, all, glossary) < CLAIMS.minTermSupport) return 'unsupported-terms'
  }
  return null
}

/** The passage sentences that best support `claims`, as one verbatim span of one chunk. */
function supportSpan(passage: ClaimPassage, claims: string[], glossary: Glossary): SupportSpan | null {
  type Hit = { start: number; end: number; score: number }
  let best: { chunkId: number; content: string; hits: Hit[]; score: number } | null = null
  for (const part of passage.parts) {
    const sentences = sentencesOf(part.content)
    const hits: Hit[] = []
    for (const claim of claims) {
      const terms = keyTerms(claim.replace(MARKER, ''))
      const scored = sentences
        .map((sentence) => ({ sentence, score: termSupport(terms, foldText(sentence.text), glossary) }))
        .sort((a, b) => b.score - a.score || a.sentence.start - b.sentence.start)[0]
      if (scored && scored.score > 0) {
        hits.push({
          start: scored.sentence.start,
          end: scored.sentence.start + scored.sentence.text.length,
          score: scored.score,
        })
      }
    }
    const score = hits.reduce((sum, hit) => sum + hit.score, 0)
    if (hits.length > 0 && (!best || score > best.score))
      best = { chunkId: part.chunkId, content: part.content, hits, score }
  }
  if (!best) return null
  const from = Math.min(...best.hits.map((hit) => hit.start))
  const to = Math.max(...best.hits.map((hit) => hit.end))
  const top = [...best.hits].sort((a, b) => b.score - a.score)[0] as { start: number; end: number }
  const quote =
    to - from <= CLAIMS.maxQuoteLength ? best.content.slice(from, to) : best.content.slice(top.start, top.end)
  return { n: passage.n, chunkId: best.chunkId, quote }
}

/**
 * Checks a generated answer sentence by sentence against the passages it cites: every number and
 * date it states, every quoted text and 《name》 must be in them verbatim, and most of its key terms
 * (idf-weighted, glossary synonyms allowed). Sentences without a marker are read against all the
 * passages the answer cites. Failing sentences are removed; each surviving [n] gets the span of
 * passage n that supports the sentences citing it.
 */
export function checkClaims(
  answer: string,
  passages: ClaimPassage[],
  glossary: Glossary = { groups: [], english: [] },
): ClaimCheck {
  const byNumber = new Map(passages.map((passage) => [passage.n, passage]))
  const textOf = (passage: ClaimPassage) => [passage.header, ...passage.parts.map((part) => part.content)].join('\n')
  const sentences = splitSentences(answer)
  const cited = [...new Set(sentences.flatMap((sentence) => sentence.markers))].filter((n) => byNumber.has(n))
  const removed: Array<{ sentence: Sentence; reason: ClaimProblem }> = []
  for (const sentence of sentences) {
    const unknown = sentence.markers.some((n) => !byNumber.has(n))
    const sources = (sentence.markers.length > 0 ? sentence.markers : cited)
      .map((n) => byNumber.get(n))
      .filter((passage): passage is ClaimPassage => passage !== undefined)
      .map(textOf)
    const reason = unknown ? 'unknown-marker' : problemOf(sentence.text, sources, glossary)
    if (reason) removed.push({ sentence, reason })
  }
  let text = answer
  for (const { sentence } of [...removed].reverse()) text = text.slice(0, sentence.start) + text.slice(sentence.end)
  // A list item whose sentence went leaves its bullet behind; a removed line leaves a blank one.
  text = text
    .split('\n')
    .filter((line) => line.replace(LIST_MARK, '').trim() !== '' || line.trim() === '')
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  const gone = new Set(removed.map((item) => item.sentence))
  const kept = sentences.filter((sentence) => !gone.has(sentence))
  const checkedLength = sentences.reduce((sum, sentence) => sum + sentence.text.length, 0)
  const keptLength = kept.reduce((sum, sentence) => sum + sentence.text.length, 0)
  const keptMarkers = [...new Set(kept.flatMap((sentence) => sentence.markers))]
  const spans = keptMarkers
    .map((n) =>
      supportSpan(
        byNumber.get(n) as ClaimPassage,
        kept.filter((sentence) => sentence.markers.includes(n)).map((sentence) => sentence.text),
        glossary,
      ),
    )
    .filter((span): span is SupportSpan => span !== null)
  return {
    text,
    removed: removed.map(({ sentence, reason }) => ({ reason, markers: sentence.markers })),
    trustworthy:
      keptMarkers.length > 0 &&
      spans.length === keptMarkers.length &&
      keptLength >= checkedLength * CLAIMS.minKeptShare,
    spans,
  }
}
