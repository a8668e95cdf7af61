/** part / whole, or null when there is nothing to divide by: "no data" must not read as 0 or 100%. */
export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole)

/**
 * Nearest-rank percentile (p in 0–100) of the values; null for none. The nearest-rank method always
 * returns an observed value, so p95 of a small run is a real request, not an interpolation.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[Math.min(rank, sorted.length) - 1] as number
}

/** One case seen as a refusal decision: should it have been refused, and was it. */
export type RefusalPair = { shouldRefuse: boolean; refused: boolean }

export type RefusalScores = {
  /** Of the responses that refused, the share that should have. */
  precision: number | null
  /** Of the cases that should be refused, the share that were. */
  recall: number | null
  truePositives: number
  refused: number
  shouldRefuse: number
}

/** Refusal as a binary classifier: positive = the response is not grounded. */
export function refusalScores(pairs: readonly RefusalPair[]): RefusalScores {
  const refused = pairs.filter((pair) => pair.refused).length
  const shouldRefuse = pairs.filter((pair) => pair.shouldRefuse).length
  const truePositives = pairs.filter((pair) => pair.refused && pair.shouldRefuse).length
  return {
    precision: ratio(truePositives, refused),
    recall: ratio(truePositives, shouldRefuse),
    truePositives,
    refused,
    shouldRefuse,
  }
}
