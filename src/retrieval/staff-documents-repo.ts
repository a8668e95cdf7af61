import type { Db } from '../db/index.ts'

/** A document as staff manage it: where it came from, and for an upload the file and who sent it. */
export type StaffDocument = {
  docId: string
  title: string
  origin: 'folder' | 'upload'
  format: string
  meta: Record<string, string>
  chunkCount: number
  ingestedAt: string
  fileName: string | null
  fileBytes: number | null
  uploadedBy: string | null
}

export async function listStaffDocuments(db: Db): Promise<StaffDocument[]> {
  const rows = await db.query<{
    id: string
    title: string
    origin: 'folder' | 'upload'
    format: string
    meta: Record<string, string>
    chunk_count: number
    ingested_at: Date | string
    file_name: string | null
    file_bytes: number | null
    uploaded_by: string | null
  }>(
    `select d.id, d.title, d.origin, d.format, d.meta, d.chunk_count, d.ingested_at, s.file_name,
            octet_length(s.bytes) as file_bytes, st.name as uploaded_by
     from documents d
     left join document_sources s on s.document_id = d.id
     left join staff st on st.id = s.uploaded_by
     order by d.origin desc, d.ingested_at desc, d.id`,
  )
  return rows.map((row) => ({
    docId: row.id,
    title: row.title,
    origin: row.origin,
    format: row.format,
    meta: row.meta,
    chunkCount: row.chunk_count,
    ingestedAt: new Date(row.ingested_at).toISOString(),
    fileName: row.file_name,
    fileBytes: row.file_bytes,
    uploadedBy: row.uploaded_by,
  }))
}
