import { ratio } from './stats.ts'

/** Where a passage sits in a document: what a gold case's `section` pattern is matched against. */
export type PassageLocation = { docId: string; section: string; locator?: string | null }

/** The passage a case expects: its document, and a regex over `${section} ${locator}`. */
export type ExpectedPassage = { docId: string; section: string }

/** Whether a retrieved or cited passage is (one of) the ones the case expects. */
export const passageMatches = (expected: ExpectedPassage, passage: PassageLocation): boolean =>
  passage.docId === expected.docId && new RegExp(expected.section).test(`${passage.section} ${passage.locator ?? ''}`)

/** 1-based rank of the first matching passage; null when none of them matches. */
export function firstRelevantRank(passages: readonly PassageLocation[], expected: ExpectedPassage): number | null {
  const index = passages.findIndex((passage) => passageMatches(expected, passage))
  return index < 0 ? null : index + 1
}

/** Share of queries whose first relevant passage is within the top k; null when there are none. */
export const hitAtK = (ranks: readonly (number | null)[], k: number): number | null =>
  ratio(ranks.filter((rank) => rank !== null && rank <= k).length, ranks.length)

/** Mean reciprocal rank: a miss counts 0; null when there are no queries. */
export const mrr = (ranks: readonly (number | null)[]): number | null =>
  ranks.length === 0
    ? null
    : ranks.reduce<number>((sum, rank) => sum + (rank === null ? 0 : 1 / rank), 0) / ranks.length
