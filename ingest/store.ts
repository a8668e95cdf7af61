import type { Db } from '../src/db/index.ts'
import { toVectorLiteral } from '../src/db/index.ts'
import type { Chunk, SourceDocument } from './types.ts'

export type StoredDocument = { id: string; contentHash: string }

export async function listStoredDocuments(db: Db): Promise<StoredDocument[]> {
  // Only the folder's own: a document from elsewhere (an upload) has no file whose absence removes it.
  const rows = await db.query<{ id: string; content_hash: string }>(
    "select id, content_hash from documents where origin = 'folder'",
  )
  return rows.map((row) => ({ id: row.id, contentHash: row.content_hash }))
}

export type EmbeddedChunk = Chunk & { searchWords: string; embedding: number[] }

/** Replaces a document and all its chunks at once: readers see the old version or the new, never a mix. */
export async function replaceDocument(
  db: Db,
  doc: SourceDocument,
  contentHash: string,
  chunks: EmbeddedChunk[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('delete from chunks where document_id = $1', [doc.id])
    await tx.query(
      `insert into documents (id, title, source_path, format, meta, content_hash, chunk_count, ingested_at)
       values ($1, $2, $3, $4, $5, $6, $7, now())
       on conflict (id) do update set title = excluded.title, source_path = excluded.source_path,
         format = excluded.format, meta = excluded.meta, content_hash = excluded.content_hash,
         chunk_count = excluded.chunk_count, ingested_at = excluded.ingested_at`,
      [doc.id, doc.title, doc.path, doc.format, JSON.stringify(doc.meta), contentHash, chunks.length],
    )
    for (const chunk of chunks) {
      await tx.query(
        `insert into chunks (document_id, ordinal, section, locator, page, content, search_vector, embedding)
         values ($1, $2, $3, $4, $5, $6, to_tsvector('simple', $7), $8)`,
        [
          doc.id,
          chunk.ordinal,
          chunk.section,
          chunk.locator,
          chunk.page,
          chunk.content,
          chunk.searchWords,
          toVectorLiteral(chunk.embedding),
        ],
      )
    }
  })
}

export async function removeDocuments(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return
  await db.query("delete from documents where id = any($1::text[]) and origin = 'folder'", [ids])
}
