import multipart from '@fastify/multipart'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { IngestLimits } from '../../../ingest/limits.ts'
import { deleteUploadedDocument, ingestUpload, type UploadMeta } from '../../../ingest/upload.ts'
import type { Assistant } from '../../assistant.ts'
import type { Db } from '../../db/index.ts'
import type { Embedder } from '../../embedding/index.ts'
import {
  AppError,
  InvalidInputError,
  NotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '../../errors.ts'
import { listDocumentSections } from '../../retrieval/documents-repo.ts'
import { listStaffDocuments } from '../../retrieval/staff-documents-repo.ts'
import { ErrorResponse, staffChangeErrors, staffErrors } from '../contract/common.ts'
import {
  DocumentChunksSchema,
  DocumentDeletedSchema,
  StaffDocumentListSchema,
  UploadReportSchema,
} from '../contract/staff-documents.ts'
import { registerStaffScope, requireRole, type StaffAuth } from '../staff-auth.ts'
import type { App } from '../zod-schemas.ts'

const metaField = z.string().trim().max(200, { error: '元数据每项不超过 200 个字符' }).optional()
const UploadFields = z.object({
  docId: z.string().trim().max(100).optional(),
  title: metaField,
  doc_no: metaField,
  issuer: metaField,
  issued: metaField,
  effective: metaField,
  valid_period: metaField,
}) satisfies z.ZodType<{ docId?: string } & UploadMeta>
const DocParams = z.object({ docId: z.string().min(1).max(200) })

const tags = ['staff']

type UploadedFile = { fileName: string; bytes: Buffer; fields: Record<string, string> }

/** The one file and the text fields of a multipart upload; the file's size is capped while it streams. */
async function readUpload(request: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw new UnsupportedMediaTypeError('请以 multipart/form-data 上传，文件放在字段 file 中。')
  }
  const fields: Record<string, string> = {}
  let file: { fileName: string; bytes: Buffer } | null = null
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          await part.toBuffer()
          throw new InvalidInputError('一次只能上传一个文件，字段名须为 file。')
        }
        file = { fileName: part.filename, bytes: await part.toBuffer() }
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value
    }
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT') {
      throw new PayloadTooLargeError(
        `文件超过 ${Number((maxBytes / 1024 / 1024).toFixed(2))} MiB 的上限，请拆分或压缩后再上传。原有数据未改动。`,
      )
    }
    if (code === 'FST_FIELDS_LIMIT') throw new InvalidInputError('表单字段过多。')
    if (error instanceof AppError) throw error
    // Anything else here is the multipart parser failing on the body itself (a truncated or
    // malformed form): the client's to fix, and nothing has been stored.
    throw new InvalidInputError('上传的内容不是完整的 multipart/form-data 表单，请重新选择文件上传。', { cause: error })
  }
  if (!file || file.bytes.length === 0) throw new InvalidInputError('没有收到文件：请在字段 file 中附上要上传的文件。')
  return { ...file, fields }
}

/**
 * Documents in the staff console under /api/staff/documents: the list, upload (ingested inside
 * the server at once), chunk preview and delete. Uploads and deletes are a supervisor's.
 */
export async function registerStaffDocumentRoutes(
  app: App,
  deps: {
    db: Db
    auth: StaffAuth
    embedder: Embedder
    assistant: Assistant
    knowledgeDir: string
    limits: IngestLimits
  },
): Promise<void> {
  const { db } = deps
  await registerStaffScope(app, deps.auth, async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: deps.limits.maxFileBytes, files: 1, fields: 20, fieldSize: 1000, parts: 25 },
    })

    scope.get(
      '/documents',
      {
        schema: {
          tags,
          summary: '知识库文件：来源、片段数、入库时间',
          response: { 200: StaffDocumentListSchema, ...staffErrors },
        },
      },
      async () => ({
        documents: await listStaffDocuments(db),
      }),
    )

    scope.get(
      '/documents/:docId/chunks',
      {
        schema: {
          tags,
          summary: '一份文件切分出的片段：标题路径、条款定位、页码、全文',
          params: DocParams,
          response: { 200: DocumentChunksSchema, 404: ErrorResponse, ...staffErrors },
        },
      },
      async (request) => {
        const { docId } = request.params
        const chunks = await listDocumentSections(db, docId)
        if (chunks.length === 0) throw new NotFoundError(`没有找到文件“${docId}”，请刷新列表。`)
        return { docId, chunks }
      },
    )

    scope.post(
      '/documents',
      {
        schema: {
          tags,
          summary:
            '上传或替换文件（multipart：file，可选 docId/title/doc_no/issuer/issued/effective/valid_period；仅主管）',
          consumes: ['multipart/form-data'],
          // 409: the id belongs to a file of knowledge/; 413 too large; 415 not a supported file; 422 no usable text.
          response: {
            200: UploadReportSchema,
            201: UploadReportSchema,
            409: ErrorResponse,
            413: ErrorResponse,
            415: ErrorResponse,
            422: ErrorResponse,
            ...staffChangeErrors,
          },
        },
      },
      async (request, reply) => {
        const staff = requireRole(request, 'supervisor', '上传文件')
        const upload = await readUpload(request, deps.limits.maxFileBytes)
        const { docId, ...meta } = UploadFields.parse(upload.fields)
        const report = await ingestUpload(
          { db, embedder: deps.embedder, knowledgeDir: deps.knowledgeDir, limits: deps.limits },
          { fileName: upload.fileName, bytes: upload.bytes, docId: docId || undefined, meta, uploadedBy: staff.id },
        )
        if (report.status !== 'unchanged') await deps.assistant.refresh()
        request.log.info(
          { docId: report.docId, status: report.status, chunks: report.chunks, warnings: report.warnings.length },
          'document uploaded',
        )
        return reply.status(report.status === 'added' ? 201 : 200).send(report)
      },
    )

    scope.delete(
      '/documents/:docId',
      {
        schema: {
          tags,
          summary: '删除上传的文件及其片段（仅主管；目录中的文件请在目录中删除）',
          params: DocParams,
          response: { 200: DocumentDeletedSchema, 404: ErrorResponse, 409: ErrorResponse, ...staffChangeErrors },
        },
      },
      async (request) => {
        requireRole(request, 'supervisor', '删除文件')
        const { docId } = request.params
        await deleteUploadedDocument(db, docId)
        await deps.assistant.refresh()
        request.log.info({ docId }, 'document deleted')
        return { docId, deleted: true as const }
      },
    )
  })
}
