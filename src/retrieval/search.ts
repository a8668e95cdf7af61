import type { Db } from '../db/index.ts'
import { toVectorLiteral } from '../db/index.ts'
import type { Embedder } from '../embedding/index.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { embedQuestion } from '../query/question-vector.ts'
import { type ChunkRecord, type ChunkRow, toChunkRecord } from './chunks-repo.ts'
import { type LexicalIndex, rankLexical } from './lexical-index.ts'

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
 * The vector search and its fusion with the lexical ranking in one statement, so a question costs
 * one round trip: the pgvector cosine kNN gives its best CANDIDATES, the lexical index (ranked in
 * process, lexical-index.ts) its best CANDIDATES in order, fused by reciprocal rank. An empty id
 * list or a null vector switches that side off.
 */
const HYBRID_SQL = `
with lexical as (
  select id, rank from unnest($1::int[]) with ordinality as ranked(id, rank)
),
nearest as (
  select id, similarity, row_number() over (order by distance, id) as rank
  from (select id, embedding <=> $2::vector as distance, 1 - (embedding <=> $2::vector) as similarity
        from chunks where $2::vector is not null and embedding is not null
        order by embedding <=> $2::vector limit $3) ranked
),
fused as (
  select coalesce(l.id, v.id) as id, l.rank as lexical_rank, v.rank as vector_rank, v.similarity,
         coalesce(1.0 / ($5 + l.rank), 0) + coalesce(1.0 / ($5 + v.rank), 0) as score
  from lexical l full outer join nearest v on v.id = l.id
)
select c.id, c.document_id, c.ordinal, d.title, d.meta, c.section, c.locator, c.page, c.content,
       f.score, f.similarity, f.lexical_rank, f.vector_rank
from fused f join chunks c on c.id = f.id join documents d on d.id = c.document_id
order by f.score desc, c.id
limit $4`

type HybridRow = ChunkRow & {
  score: number | string
  similarity: number | string | null
  lexical_rank: number | string | null
  vector_rank: number | string | null
}

const toNumber = (value: number | string | null): number | null => (value === null ? null : Number(value))

export type SearchIndex = { db: Db; embedder: Embedder; lexicon: LexicalIndex }

/**
 * Hybrid search: pgvector cosine kNN and jieba full-text search, fused by reciprocal rank.
 * `mode` switches one side off, for the evaluation baselines.
 */
export async function searchChunks(
  { db, embedder, lexicon }: SearchIndex,
  query: Pick<PreparedQuestion, 'searchWords' | 'embeddingText'>,
  options: { limit?: number; mode?: RetrievalMode } = {},
): Promise<ScoredChunk[]> {
  const mode = options.mode ?? 'hybrid'
  const lexical = mode === 'vector' ? [] : rankLexical(lexicon, query.searchWords, CANDIDATES)
  const vector = mode === 'lexical' ? null : toVectorLiteral(await embedQuestion(embedder, query))
  const rows = await db.query<HybridRow>(HYBRID_SQL, [lexical, vector, CANDIDATES, options.limit ?? 12, RRF_K + 1])
  return rows.map((row) => ({
    ...toChunkRecord(row),
    score: Number(row.score),
    similarity: toNumber(row.similarity),
    lexicalRank: toNumber(row.lexical_rank),
    vectorRank: toNumber(row.vector_rank),
  }))
}
