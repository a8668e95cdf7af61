import type { Db } from '../src/db/index.ts'
import { toVectorLiteral } from '../src/db/index.ts'
import { bumpKnowledgeVersion } from '../src/retrieval/knowledge-version.ts'
import type { Chunk, SourceDocument } from './types.ts'

export type DocumentOrigin = 'folder' | 'upload'

export type StoredDocument = { id: string; contentHash: string; origin: DocumentOrigin }

export async function listStoredDocuments(db: Db): Promise<StoredDocument[]> {
  const rows = await db.query<{ id: string; content_hash: string; origin: DocumentOrigin }>(
    'select id, content_hash, origin from documents',
  )
  return rows.map((row) => ({ id: row.id, contentHash: row.content_hash, origin: row.origin }))
}

/** An uploaded file, kept in the database so that every instance (and a later re-ingest) has it. */
export type UploadedSource = { fileName: string; mediaType: string; bytes: Buffer; uploadedBy: number }

export type EmbeddedChunk = Chunk & { searchWords: string; embedding: number[] }

/** Replaces a document and all its chunks at once: readers see the old version or the new, never a mix. */
export async function replaceDocument(
  db: Db,
  doc: SourceDocument,
  contentHash: string,
  chunks: EmbeddedChunk[],
  upload?: UploadedSource,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('delete from chunks where document_id = $1', [doc.id])
    await tx.query(
      `insert into documents (id, title, source_path, format, meta, content_hash, chunk_count, ingested_at, origin)
       values ($1, $2, $3, $4, $5, $6, $7, now(), $8)
       on conflict (id) do update set title = excluded.title, source_path = excluded.source_path,
         format = excluded.format, meta = excluded.meta, content_hash = excluded.content_hash,
         chunk_count = excluded.chunk_count, ingested_at = excluded.ingested_at, origin = excluded.origin`,
      [
        doc.id,
        doc.title,
        doc.path,
        doc.format,
        JSON.stringify(doc.meta),
        contentHash,
        chunks.length,
        upload ? 'upload' : 'folder',
      ],
    )
    if (upload) {
      await tx.query(
        `insert into document_sources (document_id, file_name, media_type, bytes, uploaded_by, uploaded_at)
         values ($1, $2, $3, $4, $5, now())
         on conflict (document_id) do update set file_name = excluded.file_name, media_type = excluded.media_type,
           bytes = excluded.bytes, uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at`,
        [doc.id, upload.fileName, upload.mediaType, upload.bytes, upload.uploadedBy],
      )
    }
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
    await bumpKnowledgeVersion(tx)
  })
}

export async function removeDocuments(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return
  await db.transaction(async (tx) => {
    await tx.query('delete from documents where id = any($1::text[])', [ids])
    await bumpKnowledgeVersion(tx)
  })
}
