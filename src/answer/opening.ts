import { isMatter } from '../query/concepts.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import type { ChunkRecord } from '../retrieval/chunks-repo.ts'
import { askedConcepts, coverageOfFolded } from './evidence.ts'
import { OPENING_PASSAGES, WHOLE_DOCUMENT_SHARE } from './tuning.ts'

const DOCUMENT_ITSELF = /文号|字号|几号文|发文|发的文/

/**
 * A fact asked about what a document is about, as a whole ("质量月是几月份", "浦东质量月是谁办的"): the words naming
 * its matter are mostly those of the document's names (`names`, folded: title, number), not a matter of one of
 * its parts ("质量月的主题是啥": 主题). Such a fact is stated where the document opens (前言: "定于 2023 年 9 月联合
 * 开展…"), not in an item that names the document's matter too ("1．举办 2023年度…“质量月”主题活动").
 */
export function asksOfTheWhole(question: PreparedQuestion, names: string): boolean {
  // When or by whom the document itself was issued ("方案是哪天印发的", "是哪个单位发的文"), or its number ("几号文"),
  // is told by its cover, not its preface; what a rule requires ("76号令要求销售企业落实什么责任", its title's words)
  // by its articles.
  if (
    question.shape !== 'fact' ||
    question.asksIssuance ||
    question.asksRequirement ||
    DOCUMENT_ITSELF.test(question.folded)
  )
    return false
  const matter = askedConcepts(question.concepts).filter((concept) => concept.known && isMatter(concept))
  const total = matter.reduce((sum, concept) => sum + concept.weight, 0)
  const named = matter
    .filter((concept) => coverageOfFolded([concept], names) >= 1)
    .reduce((sum, concept) => sum + concept.weight, 0)
  return named > 0 && named >= WHOLE_DOCUMENT_SHARE * total
}

/**
 * The document's opening: an unnumbered first passage (前言 of a plan, 文件概况), not the cover that carries the
 * document's number (the plan's 通知 of issuance, dated the day it was issued): that tells of the document, the
 * preface of its matter ("定于 2023 年 9 月联合开展").
 */
export const opensDocument = (chunk: ChunkRecord): boolean =>
  chunk.locator === null &&
  chunk.ordinal < OPENING_PASSAGES &&
  !(chunk.meta.doc_no && chunk.content.includes(chunk.meta.doc_no))
