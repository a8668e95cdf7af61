import type { Db } from '../db/index.ts'
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

export type SearchIndex = {
  db: Db
  embedder: Embedder
  lexicon: LexicalIndex
  /** Every chunk by id, as loaded with the lexicon. */
  passages: ChunkCatalogue
  /** The embeddings, as loaded with the lexicon: the kNN runs in process (vector-index.ts). */
  vectors: VectorIndex
}

type Searched = Pick<PreparedQuestion, 'searchWords' | 'embeddingText'>

/** The nearest chunks of each query, in the order of `queries`. */
async function nearestOf({ embedder, vectors }: SearchIndex, queries: Searched[]): Promise<NearestChunk[][]> {
  const embeddings = await Promise.all(queries.map((query) => embedQuestion(embedder, query)))
  return embeddings.map((embedding) => nearestChunks(vectors, embedding, CANDIDATES))
}

/**
 * Hybrid search: cosine kNN and jieba full-text search, both in process, fused by reciprocal rank, for
 * each of `queries`. `mode` switches one side off, for the evaluation baselines.
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
