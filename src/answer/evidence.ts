import { type AnswerType, givesAnswerTypes } from '../query/answer-types.ts'
import type { Concept } from '../query/concepts.ts'
import type { ScoredChunk } from '../retrieval/search.ts'
import { foldText } from '../text/fold.ts'
import { paraphrasesOf } from '../text/paraphrases.ts'
import { namesADoing } from '../text/segment.ts'
import type { Sentence } from '../text/sentences.ts'
import { SUBJECT_MATTER_WEIGHT } from './tuning.ts'

/**
 * Share of the question's weight in words the knowledge store never uses. An unknown word of doing or
 * description counts half: "转给", "修好", "别的" say in everyday words what is done with a matter, not what it is.
 */
export function unknownShare(concepts: Concept[]): number {
  // A question word ("多少钱") asks for a fact; it is not a topic the documents should be about, nor is
  // the asker's case ("网店老板不给退款，…").
  // Nor is an aspect asked in words the store never uses ("是啥意思"): how the asker puts the question.
  const topics = concepts.filter(
    (concept) => !concept.asks && !concept.filler && !concept.scene && !(concept.aspect && !concept.known),
  )
  const weightOf = (concept: Concept) =>
    concept.known || !namesADoing(concept.word) ? concept.weight : concept.weight / 2
  const total = topics.reduce((sum, concept) => sum + weightOf(concept), 0)
  const unknown = topics.filter((concept) => !concept.known).reduce((sum, concept) => sum + weightOf(concept), 0)
  return total === 0 ? 1 : unknown / total
}

/** The question's concepts a passage has to say: not the asker's case told before a complaint asked about. */
export const askedConcepts = (concepts: Concept[]): Concept[] => concepts.filter((concept) => !concept.scene)

/** Share of the question's weight that a text covers (0–1); parts of a word count for part of it. */
export const coverage = (concepts: Concept[], text: string): number => coverageOfFolded(concepts, foldText(text))

/**
 * Share of a long word's parts a folded text says, counted in the characters they hold, not in parts:
 * search-mode segmentation yields overlapping parts ("免办证明" → 免办, 办证, 证明, 免办证), and a text saying the
 * word split ("免办…查看证明") never says the ones that straddle the split. Characters no part holds (证 of
 * 合格证 → 合格) are not counted.
 */
function partsSaid(concept: Concept, folded: string): number {
  const { masks, held } = partMasksOf(concept)
  if (held === 0) return 0
  let said = 0
  for (const [index, part] of concept.parts.entries()) if (folded.includes(part)) said |= masks[index] ?? 0
  return bitCount(said) / held
}

// Which characters of the word each part holds, as bits (a word is far shorter than 31 characters; any beyond are
// not counted): weighed against every passage of a turn, the parts' places are found once per concept.
type PartMasks = { masks: number[]; held: number }
const partMasks = new WeakMap<Concept, PartMasks>()

function partMasksOf(concept: Concept): PartMasks {
  const known = partMasks.get(concept)
  if (known) return known
  const { word } = concept
  const masks = concept.parts.map((part) => {
    let mask = 0
    for (let from = word.indexOf(part); from >= 0; from = word.indexOf(part, from + 1))
      for (let at = from; at < Math.min(from + part.length, 31); at++) mask |= 1 << at
    return mask
  })
  const found = { masks, held: bitCount(masks.reduce((all, mask) => all | mask, 0)) }
  partMasks.set(concept, found)
  return found
}

function bitCount(bits: number): number {
  let count = 0
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++
  return count
}

/** Whether a folded text says the concept: a glossary alternative, or every part of a long word ("质量管理体系的认证"). */
export const saysConcept = (concept: Concept, folded: string): boolean =>
  concept.alternatives.some((term) => folded.includes(term)) ||
  (concept.parts.length > 0 && partsSaid(concept, folded) === 1)

/**
 * `coverage` of a text already folded: a chunk's, folded once per knowledge version (chunk-analysis.ts).
 * `names`, the folded names of the text's document: a long word whose start they say and whose rest the text
 * says is said whole — in the guide to a procedure, what it yields is that procedure's ("免办证明" by the
 * 免办 guide's "获批后可在系统中查看证明").
 */
export function coverageOfFolded(concepts: Concept[], folded: string, names = ''): number {
  let total = 0
  let covered = 0
  for (const concept of concepts) {
    // Words the store never uses, or that only say how the question is put, can be met by no passage; the
    // asker's own kind told ("做仓储配送的供应链公司", a filler and the case) counts where a passage names it.
    if (!concept.known || (concept.filler && !concept.optional)) continue
    const share = saidShare(concept, folded, names)
    // The owner's case told before the ask weighs only where the text says it: no passage need say it.
    if (concept.optional && share === 0) continue
    total += concept.weight
    covered += concept.weight * share
  }
  return total === 0 ? 0 : covered / total
}

/** How much of the concept the folded text says: 1 whole, a share when only some of its parts. */
function saidShare(concept: Concept, folded: string, names: string): number {
  // "多久" is said by "7个工作日" or named by "处理时限", not only by the word itself; a 要求 asked for by "应当…".
  // A verb in everyday words is said by the written one ("谁挖的": "开凿", "在哪入海": "注入"; src/text/paraphrases.ts);
  // the word itself only as its alternatives allow (办法 asked is said by 仲裁, not by 《办法》).
  if (
    concept.alternatives.some((term) => folded.includes(term)) ||
    paraphrasesOf(concept.word).some((term) => term !== concept.word && folded.includes(term)) ||
    concept.asks?.gives.test(folded) ||
    concept.asks?.asks.test(folded) ||
    concept.requested?.test(folded)
  )
    return 1
  // A long word the text says in other order or in parts ("质量管理体系认证" vs "质量管理体系的认证").
  if (concept.parts.length === 0) return 0
  const said = partsSaid(concept, folded)
  const named = names !== '' && concept.parts.some((part) => concept.word.startsWith(part) && names.includes(part))
  return said === 1 && named ? 1 : said / 2
}

// Sentences in which a summary says what it does not cover: an honest answer points to them, not around them.
const GAP_STATEMENT =
  /未收录|未在此整理|未整理|仅覆盖|只整理了|未能核实|未核实|未查到|未公开|以官方[^，。；]{0,8}(?:文本|原文)为准/

export const statesCoverageGap = (sentence: string): boolean => !sentence.includes('|') && GAP_STATEMENT.test(sentence)

/**
 * The text answers the kinds of fact asked for: it gives them, or it names them and says the documents
 * do not have them ("办理时限：目前未查到统一公开的审核时限") — which is the honest answer to "要多久".
 */
export const answersTypes = (types: readonly AnswerType[], text: string): boolean => {
  const folded = foldText(text)
  return (
    givesAnswerTypes(types, folded) ||
    (types.length > 0 && statesCoverageGap(folded) && types.every((type) => (type.names ?? type.asks).test(folded)))
  )
}

// A word that names a matter (法律责任, 罚则), not a general one (方案, 规定) that any sentence of a summary may say.
const namesMatter = (concept: Concept) =>
  !concept.aspect && !concept.asks && !concept.filler && concept.known && concept.weight >= SUBJECT_MATTER_WEIGHT

/**
 * The passage's statement of what it leaves out, when that is what the question is about: a matter of
 * the question (法律责任, 罚则) that the passage names only where it says it does not cover it
 * ("具体频次、记录内容和法律责任，以官方发布的规章原文为准"). Null when the passage names it elsewhere too,
 * or the statement is itself the answer to the kind of fact asked ("未查到统一公开的审核时限" for 多久).
 */
export function gapNamingMatter(concepts: Concept[], types: readonly AnswerType[], evidence: Evidence): string | null {
  // "仅核实了…（含指导思想和主要目标）", "仅覆盖第一条至第四条" name what the summary does cover.
  const gaps = evidence.sentences.filter((sentence) => statesCoverageGap(sentence.text) && !/仅|只/.test(sentence.text))
  if (gaps.length === 0 || (types.length > 0 && gaps.some((gap) => answersTypes(types, gap.text)))) return null
  const says = (concept: Concept, text: string) => concept.alternatives.some((term) => foldText(text).includes(term))
  const { chunk } = evidence
  const elsewhere = [
    `${chunk.title} ${chunk.meta.official_title ?? ''} ${chunk.meta.doc_no ?? ''}`,
    chunk.section,
    ...evidence.sentences.filter((sentence) => !gaps.includes(sentence)).map((sentence) => sentence.text),
  ].join('\n')
  const gap = gaps.find((sentence) =>
    concepts.some((concept) => namesMatter(concept) && says(concept, sentence.text) && !says(concept, elsewhere)),
  )
  return gap?.text ?? null
}

/**
 * Whether what the passage says most of the question in is that it leaves it out ("本条还对…发现…缺陷时的处理程序作出
 * 了规定，具体处置要求请以官方发布文本为准"): no other of its sentences covers the question as well.
 */
export function leavesOutMatter(evidence: Evidence): boolean {
  const gaps = evidence.sentences.filter((sentence) => statesCoverageGap(sentence.text) && !/仅|只/.test(sentence.text))
  if (gaps.length === 0) return false
  const best = (sentences: Evidence['sentences']) => Math.max(0, ...sentences.map((sentence) => sentence.coverage))
  return best(gaps) > best(evidence.sentences.filter((sentence) => !gaps.includes(sentence)))
}

export type Evidence = {
  chunk: ScoredChunk
  /** Coverage of the question by the chunk with its document title and section. */
  coverage: number
  rank: number
  sentences: Array<Sentence & { folded: string; coverage: number }>
}

/** The chunk's sentences without its heading line: a heading is not an answer. */
export function bodyOf(evidence: Evidence): Evidence['sentences'] {
  const [first, ...rest] = evidence.sentences
  if (!first) return []
  const headingLine = evidence.chunk.content.split('\n')[0] ?? ''
  return rest.length > 0 && first.text === headingLine.trim() ? rest : evidence.sentences
}
