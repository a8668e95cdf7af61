import { type ExpectedPassage, type PassageLocation, passageMatches } from './retrieval.ts'
import { ratio } from './stats.ts'

/** A citation as the metrics see it: its number and where it points. */
export type CitedPassage = PassageLocation & { n: number }

/** How many of an answer's citations point at a passage the case expects. */
export function countMatchingCitations(expected: ExpectedPassage, citations: readonly CitedPassage[]) {
  return { matched: citations.filter((citation) => passageMatches(expected, citation)).length, total: citations.length }
}

/** Cited passages that match, over all cited passages of the answers given; null when nothing was cited. */
export function citationPrecision(answers: readonly { matched: number; total: number }[]): number | null {
  const matched = answers.reduce((sum, answer) => sum + answer.matched, 0)
  const total = answers.reduce((sum, answer) => sum + answer.total, 0)
  return ratio(matched, total)
}

// Its own pattern rather than the product's parser: a marker the product fails to see is a miss here.
const MARKER = /[[［]\s*(\d+)\s*[\]］]/g

/** The [n] markers of the answer that name no citation n; empty when all resolve (or there are none). */
export function unresolvedMarkers(answer: string, citations: readonly Pick<CitedPassage, 'n'>[]): number[] {
  const known = new Set(citations.map((citation) => citation.n))
  const markers = [...answer.matchAll(MARKER)].map((match) => Number(match[1]))
  return [...new Set(markers)].filter((n) => !known.has(n))
}

/** The answer's lead: its first paragraph, before the first blank line. */
export const leadOf = (answer: string): string => answer.split(/\n\s*\n/, 1)[0] ?? ''

/** The must-contain patterns the answer does not match, in the order given. */
export const missingPatterns = (answer: string, patterns: readonly string[]): string[] =>
  patterns.filter((pattern) => !new RegExp(pattern).test(answer))
