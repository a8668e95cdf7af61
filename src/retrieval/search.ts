import type { Db } from '../db/index.ts'
import { toVectorLiteral } from '../db/index.ts'
import type { Embedder } from '../embedding/index.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { embedQuestion } from '../query/question-vector.ts'
import { type ChunkCatalogue, type ChunkRecord, catalogueChunks } from './chunks-repo.ts'
import { type FusedChunk, fuseRanks } from './fusion.ts'
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
 * decoding the chunks' text cost more than the kNN itself.
 */
const NEAREST_SQL = `select id, embedding <=> $1::vector as distance
  from chunks where embedding is not null
  order by embedding <=> $1::vector limit $2`

export type SearchIndex = {
  db: Db
  embedder: Embedder
  lexicon: LexicalIndex
  /** Every chunk by id, as loaded with the lexicon. */
  passages: ChunkCatalogue
  /** The embeddings in process, on PGlite; null: the database finds the nearest. */
  vectors: VectorIndex | null
}

async function nearestOf({ db, embedder, vectors }: SearchIndex, query: Pick<PreparedQuestion, 'embeddingText'>) {
  const embedding = await embedQuestion(embedder, query)
  if (vectors) return nearestChunks(vectors, embedding, CANDIDATES)
  const rows = await db.query<{ id: number; distance: number | string }>(
    NEAREST_SQL,
    [toVectorLiteral(embedding), CANDIDATES],
    { name: 'nearest-chunks' },
  )
  return rows.map((row) => ({ id: row.id, distance: Number(row.distance) }))
}

/**
 * Hybrid search: pgvector cosine kNN and jieba full-text search, fused by reciprocal rank.
 * `mode` switches one side off, for the evaluation baselines.
 */
export async function searchChunks(
  index: SearchIndex,
  query: Pick<PreparedQuestion, 'searchWords' | 'embeddingText'>,
  options: { limit?: number; mode?: RetrievalMode } = {},
): Promise<ScoredChunk[]> {
  const { db, lexicon, passages } = index
  const mode = options.mode ?? 'hybrid'
  const lexical = mode === 'vector' ? [] : rankLexical(lexicon, query.searchWords, CANDIDATES)
  const nearest = mode === 'lexical' ? [] : await nearestOf(index, query)
  const fused = fuseRanks(lexical, nearest, RRF_K + 1)
  const chunks = await catalogueChunks(
    db,
    passages,
    fused.map((item) => item.id),
  )
  const scored = new Map(fused.map((item) => [item.id, item]))
  // A chunk another instance deleted since the catalogue was loaded is found until this one reloads, at its next turn.
  return chunks.map((chunk) => ({ ...chunk, ...(scored.get(chunk.id) as FusedChunk) })).slice(0, options.limit ?? 12)
}
