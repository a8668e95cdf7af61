import type { Db } from '../db/index.ts'
import { toVectorLiteral } from '../db/index.ts'
import type { Embedder } from '../embedding/index.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { embedQuestion } from '../query/question-vector.ts'
import { type ChunkCatalogue, type ChunkRecord, catalogueChunks } from './chunks-repo.ts'
import { type FusedChunk, fuseRanks, type NearestChunk } from './fusion.ts'
import { type LexicalIndex, rankLexical } from './lexical-index.ts'
import { nearestChunks, type VectorIndex } from './vector-index.ts'

export type RetrievalMode = 'hybrid' | 'vector' | 'lexical'

export type ScoredChunk = ChunkRecord & {
  /** Reciprocal-rank-fusion score, the order results come in. */
  score: number
  /** Cosine similarity to the question, when the vector search found it. */
  similarity: number | null
  lexicalRank: number | null
  vectorRank: number | null
}

// 60 is the constant of the original RRF paper; it damps the weight of the very first ranks.
const RRF_K = 60
const CANDIDATES = 20

/**
 * The vector side on PostgreSQL: pgvector's cosine kNN, its best CANDIDATES (on PGlite the same is
 * computed in process, vector-index.ts). The fusion with the lexical ranking is done in process
 * (fusion.ts), and the chunks come from the catalogue: planning the fused statement and reading and
 * decoding the chunks' text cost more than the kNN itself. Every question of a turn's search (a
 * follow-up's own words and its completed form) is answered by one statement, one round trip: `n` says
 * whose neighbours a row holds, `r` their order as each kNN gave it.
 */
const NEAREST_SQL = `select q.n, k.id, k.distance
  from unnest($1::vector[]) with ordinality as q(embedding, n)
  cross join lateral (
    select nearest.id, nearest.distance, row_number() over () as r
    from (select c.id, c.embedding <=> q.embedding as distance
          from chunks c where c.embedding is not null
          order by c.embedding <=> q.embedding limit $2) nearest
  ) k
  order by q.n, k.r`

export type SearchIndex = {
  db: Db
  embedder: Embedder
  lexicon: LexicalIndex
  /** Every chunk by id, as loaded with the lexicon. */
  passages: ChunkCatalogue
  /** The embeddings in process, on PGlite; null: the database finds the nearest. */
  vectors: VectorIndex | null
}

type Searched = Pick<PreparedQuestion, 'searchWords' | 'embeddingText'>

/** The nearest chunks of each query, in the order of `queries`. */
async function nearestOf({ db, embedder, vectors }: SearchIndex, queries: Searched[]): Promise<NearestChunk[][]> {
  const embeddings = await Promise.all(queries.map((query) => embedQuestion(embedder, query)))
  if (vectors) return embeddings.map((embedding) => nearestChunks(vectors, embedding, CANDIDATES))
  // The embeddings go as one array literal written here: PGlite does not serialise a JS array of a type
  // it does not know (vector[]), and pg would write the same text.
  const rows = await db.query<{ n: number; id: number; distance: number | string }>(
    NEAREST_SQL,
    [`{${embeddings.map((embedding) => `"${toVectorLiteral(embedding)}"`).join(',')}}`, CANDIDATES],
    { name: 'nearest-chunks' },
  )
  return queries.map((_, i) =>
    rows.filter((row) => Number(row.n) === i + 1).map((row) => ({ id: row.id, distance: Number(row.distance) })),
  )
}

/**
 * Hybrid search: pgvector cosine kNN and jieba full-text search, fused by reciprocal rank, for each of
 * `queries` (their kNNs in one statement). `mode` switches one side off, for the evaluation baselines.
 */
export async function searchEach(
  index: SearchIndex,
  queries: Searched[],
  options: { limit?: number; mode?: RetrievalMode } = {},
): Promise<ScoredChunk[][]> {
  const { db, lexicon, passages } = index
  const mode = options.mode ?? 'hybrid'
  const nearest = mode === 'lexical' ? queries.map(() => []) : await nearestOf(index, queries)
  return Promise.all(
    queries.map(async (query, i) => {
      const lexical = mode === 'vector' ? [] : rankLexical(lexicon, query.searchWords, CANDIDATES)
      const fused = fuseRanks(lexical, nearest[i] ?? [], RRF_K + 1)
      const chunks = await catalogueChunks(
        db,
        passages,
        fused.map((item) => item.id),
      )
      const scored = new Map(fused.map((item) => [item.id, item]))
      // A chunk another instance deleted since the catalogue was loaded is found until this one reloads, at its next turn.
      return chunks
        .map((chunk) => ({ ...chunk, ...(scored.get(chunk.id) as FusedChunk) }))
        .slice(0, options.limit ?? 12)
    }),
  )
}
