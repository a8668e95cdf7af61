import { z } from 'zod'
import type { SectionPart, DocumentSummary as StoredDocument } from '../../retrieval/documents-repo.ts'
import { int4Id, isoDateTime } from './common.ts'
import type { NoneUnnamed, Unnamed } from './unnamed-fields.ts'

export const DocParams = z.object({ docId: z.string().min(1).max(200) })
export const ChunkParams = z.object({ id: int4Id })

export const DocumentSummarySchema = z.object({
  docId: z.string(),
  title: z.string(),
  format: z.string(),
  meta: z.record(z.string(), z.string()),
  chunkCount: z.number().int(),
  ingestedAt: isoDateTime,
})

export const DocumentListResponse = z.object({ documents: z.array(DocumentSummarySchema) })

export const DocumentSectionSchema = z.object({
  chunkId: z.number().int(),
  section: z.string(),
  article: z.string().nullable(),
  page: z.number().int().nullable(),
  content: z.string(),
})

export const DocumentViewSchema = DocumentSummarySchema.extend({ sections: z.array(DocumentSectionSchema) })

export const ChunkViewSchema = z.object({
  chunkId: z.number().int(),
  docId: z.string(),
  title: z.string(),
  meta: z.record(z.string(), z.string()),
  section: z.string(),
  article: z.string().nullable(),
  page: z.number().int().nullable(),
  content: z.string(),
})

export type DocumentSummary = z.output<typeof DocumentSummarySchema>
export type DocumentSection = z.output<typeof DocumentSectionSchema>
export type DocumentView = z.output<typeof DocumentViewSchema>
export type ChunkView = z.output<typeof ChunkViewSchema>

type _EveryFieldNamed = NoneUnnamed<
  Unnamed<typeof DocumentSummarySchema, StoredDocument> | Unnamed<typeof DocumentSectionSchema, SectionPart>
>
