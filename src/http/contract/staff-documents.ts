import { z } from 'zod'
import type { ChunkPreview, UploadReport } from '../../../ingest/upload.ts'
import type { StaffDocument } from '../../retrieval/staff-documents-repo.ts'
import { DocumentSectionSchema } from './documents.ts'
import type { NoneUnnamed, Unnamed } from './unnamed-fields.ts'

/** A document as staff manage it: where it came from, and for an upload the file and who sent it. */
export const StaffDocumentSchema = z.object({
  docId: z.string(),
  title: z.string(),
  origin: z.enum(['folder', 'upload']),
  format: z.string(),
  meta: z.record(z.string(), z.string()),
  chunkCount: z.number().int(),
  ingestedAt: z.string(),
  fileName: z.string().nullable(),
  fileBytes: z.number().int().nullable(),
  uploadedBy: z.string().nullable(),
})
export const StaffDocumentListSchema = z.object({ documents: z.array(StaffDocumentSchema) })

export const DocumentChunksSchema = z.object({ docId: z.string(), chunks: z.array(DocumentSectionSchema) })

const ChunkPreviewSchema = z.object({
  ordinal: z.number().int(),
  section: z.string(),
  locator: z.string().nullable(),
  page: z.number().int().nullable(),
  chars: z.number().int(),
  text: z.string(),
})

/** An upload's outcome: 201 when the document is new, 200 when it replaced one or nothing changed. */
export const UploadReportSchema = z.object({
  docId: z.string(),
  status: z.enum(['added', 'updated', 'unchanged']),
  chunks: z.number().int(),
  /** What a person should check: pages without text, unrecognised article headings, very long chunks. */
  warnings: z.array(z.string()),
  preview: z.array(ChunkPreviewSchema),
})

export const DocumentDeletedSchema = z.object({ docId: z.string(), deleted: z.literal(true) })

export type StaffDocumentView = z.output<typeof StaffDocumentSchema>
export type DocumentChunks = z.output<typeof DocumentChunksSchema>
export type UploadReportView = z.output<typeof UploadReportSchema>
export type DocumentDeleted = z.output<typeof DocumentDeletedSchema>

type _EveryFieldNamed = NoneUnnamed<
  | Unnamed<typeof StaffDocumentSchema, StaffDocument>
  | Unnamed<typeof ChunkPreviewSchema, ChunkPreview>
  | Unnamed<typeof UploadReportSchema, UploadReport>
>
