import type { Db } from '../db/index.ts'
import { type ChunkRecord, getChunksByIds } from './chunks-repo.ts'

export type DocumentSummary = {
  docId: string
  title: string
  format: string
  meta: Record<string, string>
  chunkCount: number
  ingestedAt: string
}

type DocumentRow = {
  id: string
  title: string
  format: string
  meta: Record<string, string>
  chunk_count: number
  ingested_at: Date | string
}

const toSummary = (row: DocumentRow): DocumentSummary => ({
  docId: row.id,
  title: row.title,
  format: row.format,
  meta: row.meta,
  chunkCount: row.chunk_count,
  ingestedAt: new Date(row.ingested_at).toISOString(),
})

export async function listDocuments(db: Db): Promise<DocumentSummary[]> {
  const rows = await db.query<DocumentRow>(
    'select id, title, format, meta, chunk_count, ingested_at from documents order by title',
  )
  return rows.map(toSummary)
}

export async function getDocument(db: Db, docId: string): Promise<DocumentSummary | null> {
  const [row] = await db.query<DocumentRow>(
    'select id, title, format, meta, chunk_count, ingested_at from documents where id = $1',
    [docId],
  )
  return row ? toSummary(row) : null
}

export type SectionPart = {
  chunkId: number
  section: string
  article: string | null
  page: number | null
  content: string
}

/** A document's chunks in reading order: its sections, readable in full. */
export async function listDocumentSections(db: Db, docId: string): Promise<SectionPart[]> {
  const rows = await db.query<{
    id: number
    section: string
    locator: string | null
    page: number | null
    content: string
  }>('select id, section, locator, page, content from chunks where document_id = $1 order by ordinal', [docId])
  return rows.map((row) => ({
    chunkId: row.id,
    section: row.section,
    article: row.locator,
    page: row.page,
    content: row.content,
  }))
}

export async function getChunk(db: Db, id: number): Promise<ChunkRecord | null> {
  const [chunk] = await getChunksByIds(db, [id])
  return chunk ?? null
}
