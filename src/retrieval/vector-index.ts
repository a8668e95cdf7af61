import type { Db } from '../db/index.ts'
import type { NearestChunk } from './fusion.ts'

/**
 * The chunks' embeddings in process, on both stores: a question's vector has a few dozen non-zero
 * components of 1,024, so its distances to every chunk cost less than a statement (on PostgreSQL the
 * kNN was a sequential scan computing 1,024-component distances over every chunk, the heaviest
 * statement of a turn, and a round trip). The cosine distance is computed as PGlite's pgvector computes
 * `<=>`: float32 products summed in order in float32, then divided in double, so the distances are the
 * embedded database's bit for bit (test/retrieval/lexical-index.test.ts). PostgreSQL's native build
 * sums in SIMD lanes, in another order (its distances differ from these by less than 1e-6), and breaks
 * exact ties by scan order: in process both stores find the same chunks, the ones the evaluation measures.
 */
export type VectorIndex = {
  ids: readonly number[]
  vectors: readonly Float32Array[]
  /** Each vector's squared norm, summed as pgvector sums it. */
  norms: readonly number[]
}

/** Loaded once per knowledge version, with the chunk catalogue. */
export async function loadVectorIndex(db: Db): Promise<VectorIndex> {
  const rows = await db.query<{ id: number; embedding: string }>(
    'select id, embedding::text as embedding from chunks where embedding is not null order by id',
  )
  const vectors = rows.map((row) => Float32Array.from(JSON.parse(row.embedding) as number[]))
  return { ids: rows.map((row) => row.id), vectors, norms: vectors.map(squaredNorm) }
}

/** pgvector's loop over the components `at`: each product and each partial sum rounded to float32. */
function dot(a: Float32Array, b: Float32Array, at: readonly number[]): number {
  let sum = 0
  for (let k = 0; k < at.length; k += 1) {
    const i = at[k] as number
    sum = Math.fround(sum + Math.fround((a[i] as number) * (b[i] as number)))
  }
  return sum
}

const squaredNorm = (vector: Float32Array) => dot(vector, vector, Array.from(vector.keys()))

// PostgreSQL sorts NaN (a zero vector's distance) after every number, and NaNs as equal.
const byDistance = (a: NearestChunk, b: NearestChunk) =>
  Number.isNaN(a.distance) || Number.isNaN(b.distance)
    ? Number(Number.isNaN(a.distance)) - Number(Number.isNaN(b.distance)) || a.id - b.id
    : a.distance - b.distance || a.id - b.id

/**
 * The `limit` chunks nearest to `query` with their cosine distances, as `order by embedding <=> q
 * limit n`; of chunks exactly as near (identical vectors) at the last place, the lower id (the
 * database keeps whichever its sort met first).
 */
export function nearestChunks(index: VectorIndex, query: readonly number[], limit: number): NearestChunk[] {
  const q = Float32Array.from(query)
  // A component where the question is 0 adds ±0, which leaves a sum of finite numbers as it is: the
  // products are taken only where it is not, a few dozen of 1,024 for the local embedder's questions.
  const nonzero: number[] = []
  for (let i = 0; i < q.length; i += 1) if (q[i] !== 0) nonzero.push(i)
  const queryNorm = dot(q, q, nonzero)
  const scored = index.vectors.map((vector, i) => {
    if (vector.length !== q.length) throw new Error(`different vector dimensions ${vector.length} and ${q.length}`)
    const similarity = dot(vector, q, nonzero) / Math.sqrt((index.norms[i] as number) * queryNorm)
    return { id: index.ids[i] as number, distance: 1 - Math.min(Math.max(similarity, -1), 1) }
  })
  return scored.sort(byDistance).slice(0, limit)
}
