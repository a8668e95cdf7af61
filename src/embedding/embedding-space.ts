import type { Db } from '../db/index.ts'
import { AppError } from '../errors.ts'
import type { Embedder } from './embedder.ts'

export class EmbeddingSpaceMismatchError extends AppError {
  override name = 'EmbeddingSpaceMismatchError'
  override code = 'embedding_space_mismatch'
}

type Space = { model: string; dimension: number }

async function setSpace(tx: Db, space: Space): Promise<void> {
  // Dimension comes from our own embedder (an integer), never from user input, so inlining it is safe;
  // DDL cannot take it as a parameter.
  const dimension = Math.trunc(space.dimension)
  await tx.exec('drop index if exists chunks_embedding_idx')
  await tx.exec('update chunks set embedding = null')
  await tx.exec(`alter table chunks alter column embedding type vector(${dimension})`)
  await tx.exec('create index chunks_embedding_idx on chunks using hnsw (embedding vector_cosine_ops)')
  await tx.query(
    `insert into embedding_space (id, model, dimension, updated_at) values (1, $1, $2, now())
     on conflict (id) do update set model = excluded.model, dimension = excluded.dimension, updated_at = now()`,
    [space.model, dimension],
  )
}

/**
 * Makes sure the store's vectors belong to `embedder`. An empty store adopts it; a store of another
 * model is an error unless `reembed` is set, in which case every vector is cleared for re-embedding.
 * Returns true when the vectors were cleared.
 */
export async function ensureEmbeddingSpace(db: Db, embedder: Embedder, options: { reembed?: boolean } = {}) {
  return db.transaction(async (tx) => {
    const [current] = await tx.query<Space>('select model, dimension from embedding_space where id = 1')
    if (current && current.model === embedder.model && current.dimension === embedder.dimension) return false
    if (current && !options.reembed) {
      throw new EmbeddingSpaceMismatchError(
        `向量库中是模型 "${current.model}"（${current.dimension} 维）的向量，但当前配置的向量模型是 "${embedder.model}"` +
          `（${embedder.dimension} 维）。请运行 "npm run ingest -- --reembed" 用新模型重新生成全部向量。`,
      )
    }
    await setSpace(tx, embedder)
    return current !== undefined
  })
}
