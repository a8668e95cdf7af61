import type { Db } from '../db/index.ts'
import { toVectorLiteral } from '../db/index.ts'
import type { Embedder } from '../embedding/index.ts'
import { type ChunkRecord, getChunksByIds } from './chunks-repo.ts'
import type { PreparedQuery } from './query.ts'

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

// tsquery syntax is an injection surface: only letters and digits reach it, each term quoted.
const toTsQuery = (words: string[]): string =>
  words
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean)
    .map((word) => `'${word}'`)
    .join(' | ')

async function lexicalSearch(db: Db, query: PreparedQuery): Promise<number[]> {
  const tsQuery = toTsQuery(query.words)
  if (!tsQuery) return []
  const rows = await db.query<{ id: number }>(
    `select id from chunks, to_tsquery('simple', $1) q
     where search_vector @@ q order by ts_rank_cd(search_vector, q, 1) desc, id limit $2`,
    [tsQuery, CANDIDATES],
  )
  return rows.map((row) => row.id)
}

async function vectorSearch(db: Db, vector: string): Promise<Array<{ id: number; similarity: number }>> {
  return db.query<{ id: number; similarity: number }>(
    `select id, 1 - (embedding <=> $1) as similarity from chunks
     where embedding is not null order by embedding <=> $1 limit $2`,
    [vector, CANDIDATES],
  )
}

/** Cosine similarity of every candidate, including those only the lexical side found. */
async function similarityOf(db: Db, ids: number[], vector: string): Promise<Map<number, number>> {
  const rows = await db.query<{ id: number; similarity: number }>(
    'select id, 1 - (embedding <=> $1) as similarity from chunks where id = any($2::int[]) and embedding is not null',
    [vector, ids],
  )
  return new Map(rows.map((row) => [row.id, Number(row.similarity)]))
}

/**
 * Hybrid search: pgvector cosine kNN and jieba full-text search, fused by reciprocal rank.
 * `mode` switches one side off, for the evaluation baselines.
 */
export async function searchChunks(
  db: Db,
  embedder: Embedder,
  query: PreparedQuery,
  options: { limit?: number; mode?: RetrievalMode } = {},
): Promise<ScoredChunk[]> {
  const mode = options.mode ?? 'hybrid'
  const vector = mode === 'lexical' ? null : toVectorLiteral(await embedder.embedQuery(query.embeddingText))
  const [lexical, nearest] = await Promise.all([
    mode === 'vector' ? [] : lexicalSearch(db, query),
    vector ? vectorSearch(db, vector) : [],
  ])
  const fused = new Map<number, { score: number; lexicalRank: number | null; vectorRank: number | null }>()
  const entry = (id: number) => {
    const existing = fused.get(id) ?? { score: 0, lexicalRank: null, vectorRank: null }
    fused.set(id, existing)
    return existing
  }
  lexical.forEach((id, rank) => {
    const item = entry(id)
    item.score += 1 / (RRF_K + rank + 1)
    item.lexicalRank = rank + 1
  })
  nearest.forEach(({ id }, rank) => {
    const item = entry(id)
    item.score += 1 / (RRF_K + rank + 1)
    item.vectorRank = rank + 1
  })
  const top = [...fused.entries()].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]).slice(0, options.limit ?? 12)
  const ids = top.map(([id]) => id)
  const [records, similarity] = await Promise.all([
    getChunksByIds(db, ids),
    vector ? similarityOf(db, ids, vector) : new Map<number, number>(),
  ])
  const byId = new Map(records.map((chunk) => [chunk.id, chunk]))
  return top.flatMap(([id, ranks]) => {
    const chunk = byId.get(id)
    return chunk ? [{ ...chunk, ...ranks, similarity: similarity.get(id) ?? null }] : []
  })
}
