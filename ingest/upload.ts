import { extname } from 'node:path'
import type { Db } from '../src/db/index.ts'
import { type Embedder, ensureEmbeddingSpace } from '../src/embedding/index.ts'
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  UnprocessableError,
  UnsupportedMediaTypeError,
} from '../src/errors.ts'
import type { IngestLimits } from './limits.ts'
import { documentIdOf, loadDocument, SUPPORTED_EXTENSIONS } from './loaders/index.ts'
import { contentHashOf, cutDocument, embedChunks, readGlossaryVersion } from './pipeline.ts'
import { listStoredDocuments, removeDocuments, replaceDocument } from './store.ts'
import { uploadWarnings } from './upload-warnings.ts'

/** Metadata a person may give with an upload; it overrides the file's own front matter. */
export type UploadMeta = Partial<
  Record<'title' | 'doc_no' | 'issuer' | 'issued' | 'effective' | 'valid_period', string>
>

export type UploadRequest = {
  fileName: string
  bytes: Buffer
  /** Replace this document; by default the id is the file's base name. */
  docId?: string
  meta: UploadMeta
  uploadedBy: number
}

export type ChunkPreview = {
  ordinal: number
  section: string
  locator: string | null
  page: number | null
  chars: number
  text: string
}

export type UploadReport = {
  docId: string
  status: 'added' | 'updated' | 'unchanged'
  chunks: number
  warnings: string[]
  preview: ChunkPreview[]
}

// Ids travel in URLs and citations: letters (Chinese included), digits, '-', '_' and '.'.
const DOC_ID = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,99}$/u
const MEDIA_TYPES: Record<string, string> = {
  '.md': 'text/markdown',
  '.txt': 'text/plain',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

/** A loader's reason (English, for the CLI) said to the officer who uploaded the file. */
function unreadable(error: unknown): UnprocessableError {
  const reason = error instanceof Error ? error.message : String(error)
  if (/no text layer/.test(reason)) {
    return new UnprocessableError('PDF 没有文字层（可能是扫描件），请先做文字识别（OCR）再上传。原有数据未改动。')
  }
  if (/encoded data was not valid|utf-8/i.test(reason)) {
    return new UnprocessableError('文本文件须为 UTF-8 编码，请另存为 UTF-8 后重新上传。原有数据未改动。')
  }
  if (/no text could be read|empty|holds no text/.test(reason)) {
    return new UnprocessableError('文件中没有可读取的文字，请检查文件内容后重新上传。原有数据未改动。')
  }
  return new UnprocessableError(
    `文件无法读取（${reason}），请确认文件没有损坏、内容与扩展名一致后重新上传。原有数据未改动。`,
  )
}

/**
 * Ingests one uploaded file inside the server: read, cut, embed and store it in one transaction
 * together with its bytes (so every instance on the database has it), then report what a person
 * should check. A file that cannot be read changes nothing.
 */
export async function ingestUpload(
  deps: { db: Db; embedder: Embedder; knowledgeDir: string; limits?: IngestLimits },
  request: UploadRequest,
): Promise<UploadReport> {
  const extension = extname(request.fileName).toLowerCase()
  if (!(extension in SUPPORTED_EXTENSIONS)) {
    throw new UnsupportedMediaTypeError(
      `不支持“${extension || '无扩展名'}”文件，请上传 .md、.txt、.pdf 或 .docx 文件。`,
    )
  }
  const docId = request.docId ?? documentIdOf(request.fileName)
  if (!DOC_ID.test(docId)) {
    throw new InvalidInputError(
      `文件编号“${docId}”不可用：只能含文字、数字、“-”“_”“.”，且不超过 100 个字符；请改文件名或填写 docId。`,
    )
  }
  const existing = (await listStoredDocuments(deps.db)).find((doc) => doc.id === docId)
  if (existing?.origin === 'folder') {
    throw new ConflictError(
      `“${docId}”是知识库目录（knowledge/）中的文件，不能在控制台替换；请换一个文件名上传，或修改目录中的文件后运行入库。`,
    )
  }

  const meta = Object.fromEntries(Object.entries(request.meta).filter(([, value]) => value)) as Record<string, string>
  let cut: ReturnType<typeof cutDocument>
  let loaded: Awaited<ReturnType<typeof loadDocument>>
  try {
    loaded = await loadDocument(`${docId}${extension}`, request.bytes, deps.limits)
    cut = cutDocument({ ...loaded, title: meta.title ?? loaded.title, meta: { ...loaded.meta, ...meta } })
  } catch (error) {
    throw unreadable(error)
  }
  const { doc, chunks } = cut
  const warnings = uploadWarnings(loaded, doc, chunks)
  const preview = chunks.map((chunk) => ({
    ordinal: chunk.ordinal,
    section: chunk.section,
    locator: chunk.locator,
    page: chunk.page,
    chars: chunk.content.length,
    text: chunk.content.slice(0, 120),
  }))

  const reembedded = await ensureEmbeddingSpace(deps.db, deps.embedder)
  const hash = contentHashOf(await readGlossaryVersion(deps.knowledgeDir), request.bytes, JSON.stringify(meta))
  if (existing?.contentHash === hash && !reembedded) {
    return { docId, status: 'unchanged', chunks: chunks.length, warnings, preview }
  }
  await replaceDocument(deps.db, doc, hash, await embedChunks(doc, chunks, deps.embedder), {
    fileName: request.fileName,
    mediaType: MEDIA_TYPES[extension] as string,
    bytes: request.bytes,
    uploadedBy: request.uploadedBy,
  })
  return { docId, status: existing ? 'updated' : 'added', chunks: chunks.length, warnings, preview }
}

/** Removes an uploaded document with its chunks and file; folder documents are the folder's to remove. */
export async function deleteUploadedDocument(db: Db, docId: string): Promise<void> {
  const existing = (await listStoredDocuments(db)).find((doc) => doc.id === docId)
  if (!existing) throw new NotFoundError(`没有找到文件“${docId}”，可能已被删除；请刷新列表。`)
  if (existing.origin === 'folder') {
    throw new ConflictError(`“${docId}”是知识库目录（knowledge/）中的文件，请从目录中删除后运行入库。`)
  }
  await removeDocuments(db, [docId])
}
