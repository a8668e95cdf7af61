import type { FastifyInstance } from 'fastify'
import type { Db } from '../../db/index.ts'
import type { Readiness } from '../app.ts'

export function registerHealthRoutes(app: FastifyInstance, deps: { db: Db; readiness: Readiness }): void {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['system'],
        summary: '就绪检查：数据库可用时 200（ingest 显示启动入库进度，chat 表示能否提问），否则 503',
      },
    },
    async (_request, reply) => {
      if (!deps.readiness.ready) {
        return reply.status(503).send({ status: 'starting', message: deps.readiness.reason ?? '知识库正在准备中' })
      }
      try {
        const [row] = await deps.db.query<{ documents: number }>('select count(*)::int as documents from documents')
        const documents = row?.documents ?? 0
        const ingest = deps.readiness.ingest
        if (!ingest) return { status: 'ok', documents }
        // Up for tickets either way; `chat` says whether questions are answered yet.
        const ingesting = ingest.state === 'waiting' || ingest.state === 'running'
        return { status: ingesting ? 'ingesting' : 'ok', documents, chat: !ingesting, ingest }
      } catch {
        return reply.status(503).send({ status: 'unavailable', message: '数据库暂时不可用' })
      }
    },
  )
}
