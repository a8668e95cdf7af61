import type { Db } from '../../db/index.ts'
import { NotFoundError } from '../../errors.ts'
import { getChunk, getDocument, listDocumentSections, listDocuments } from '../../retrieval/documents-repo.ts'
import { commonErrors, ErrorResponse } from '../contract/common.ts'
import {
  ChunkParams,
  ChunkViewSchema,
  DocParams,
  DocumentListResponse,
  DocumentViewSchema,
} from '../contract/documents.ts'
import type { App } from '../zod-schemas.ts'

const tags = ['documents']

/** The sources behind citations, so that a [n] can be opened and read in full. */
export function registerDocumentRoutes(app: App, deps: { db: Db }): void {
  app.get(
    '/api/documents',
    {
      schema: {
        tags,
        summary: '知识库文件列表（元数据、片段数）',
        response: { 200: DocumentListResponse, ...commonErrors },
      },
    },
    async () => ({ documents: await listDocuments(deps.db) }),
  )

  app.get(
    '/api/documents/:docId',
    {
      schema: {
        tags,
        summary: '一份文件及其全部章节',
        params: DocParams,
        response: { 200: DocumentViewSchema, 404: ErrorResponse, ...commonErrors },
      },
    },
    async (request) => {
      const { docId } = request.params
      const document = await getDocument(deps.db, docId)
      if (!document) throw new NotFoundError(`没有找到文件“${docId}”，请从 /api/documents 的列表中选择。`)
      return { ...document, sections: await listDocumentSections(deps.db, docId) }
    },
  )

  app.get(
    '/api/chunks/:id',
    {
      schema: {
        tags,
        summary: '引用所指的片段全文',
        params: ChunkParams,
        response: { 200: ChunkViewSchema, 404: ErrorResponse, ...commonErrors },
      },
    },
    async (request) => {
      const { id } = request.params
      const chunk = await getChunk(deps.db, id)
      if (!chunk) throw new NotFoundError(`没有找到编号为 ${id} 的片段，知识库可能已更新，请重新提问。`)
      return {
        chunkId: chunk.id,
        docId: chunk.docId,
        title: chunk.title,
        meta: chunk.meta,
        section: chunk.section,
        article: chunk.locator,
        page: chunk.page,
        content: chunk.content,
      }
    },
  )
}
