/**
 * Reciprocal-rank fusion exactly as the search statement once computed it in SQL:
 * `coalesce(1.0 / (k + lexical_rank), 0) + coalesce(1.0 / (k + vector_rank), 0)` in PostgreSQL's
 * numeric, ordered by score, then id. numeric divides 1.0 by a number below 10,000 to 20 decimal
 * places, rounding half up, and adds exactly; the same is done here in integers scaled by 10^20, so
 * that scores, ties and order are the ones the database gave (a float sum could break or make ties).
 */
const SCALE = 10n ** 20n

const reciprocal = (k: number, rank: number | null): bigint => {
  if (rank === null) return 0n
  const divisor = BigInt(k + rank)
  return (2n * SCALE + divisor) / (2n * divisor)
}

/** The numeric as PostgreSQL prints it (scale 20), read back as a JavaScript number. */
const toNumber = (scaled: bigint): number => {
  const digits = scaled.toString().padStart(21, '0')
  return Number(`${digits.slice(0, -20)}.${digits.slice(-20)}`)
}

export type NearestChunk = { id: number; distance: number }

export type FusedChunk = {
  id: number
  score: number
  /** Cosine similarity, for the chunks the vector search found. */
  similarity: number | null
  lexicalRank: number | null
  vectorRank: number | null
}

/**
 * `lexical`: chunk ids best first; `nearest`: the vector search's candidates with their cosine
 * distances, in any order (ranked here by distance, then id). Every chunk of either, best first.
 */
export function fuseRanks(lexical: readonly number[], nearest: readonly NearestChunk[], k: number): FusedChunk[] {
  const fused = new Map<number, FusedChunk & { exact: bigint }>()
  const entry = (id: number) => {
    let item = fused.get(id)
    if (!item) {
      item = { id, score: 0, similarity: null, lexicalRank: null, vectorRank: null, exact: 0n }
      fused.set(id, item)
    }
    return item
  }
  lexical.forEach((id, index) => {
    entry(id).lexicalRank = index + 1
  })
  const ranked = [...nearest].sort((a, b) => a.distance - b.distance || a.id - b.id)
  ranked.forEach(({ id, distance }, index) => {
    const item = entry(id)
    item.vectorRank = index + 1
    item.similarity = 1 - distance
  })
  const items = [...fused.values()]
  for (const item of items) item.exact = reciprocal(k, item.lexicalRank) + reciprocal(k, item.vectorRank)
  return items
    .sort((a, b) => (a.exact === b.exact ? a.id - b.id : a.exact > b.exact ? -1 : 1))
    .map(({ exact, ...item }): FusedChunk => ({ ...item, score: toNumber(exact) }))
}
