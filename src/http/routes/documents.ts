import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Db } from '../../db/index.ts'
import { NotFoundError } from '../../errors.ts'
import { getChunk, getDocument, listDocumentSections, listDocuments } from '../../retrieval/documents-repo.ts'

const DocParams = z.object({ docId: z.string().min(1).max(200) })
const ChunkParams = z.object({ id: z.coerce.number().int().positive('片段编号应为正整数').max(2_147_483_647) })

/** The sources behind citations, so that a [n] can be opened and read in full. */
export function registerDocumentRoutes(app: FastifyInstance, deps: { db: Db }): void {
  app.get(
    '/api/documents',
    { schema: { tags: ['documents'], summary: '知识库文件列表（元数据、片段数）' } },
    async () => ({
      documents: await listDocuments(deps.db),
    }),
  )

  app.get(
    '/api/documents/:docId',
    { schema: { tags: ['documents'], summary: '一份文件及其全部章节', params: DocParams } },
    async (request) => {
      const { docId } = request.params as z.output<typeof DocParams>
      const document = await getDocument(deps.db, docId)
      if (!document) throw new NotFoundError(`没有找到文件“${docId}”，请从 /api/documents 的列表中选择。`)
      return { ...document, sections: await listDocumentSections(deps.db, docId) }
    },
  )

  app.get(
    '/api/chunks/:id',
    { schema: { tags: ['documents'], summary: '引用所指的片段全文', params: ChunkParams } },
    async (request) => {
      const { id } = request.params as z.output<typeof ChunkParams>
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
