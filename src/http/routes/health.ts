import { z } from 'zod'
import type { Db } from '../../db/index.ts'
import type { Readiness } from '../app.ts'
import type { App } from '../zod-schemas.ts'

const HealthOk = z.object({
  status: z.enum(['ok', 'ingesting']),
  documents: z.number().int(),
  /** Whether questions are answered yet (false while the start-up ingest runs). */
  chat: z.boolean().optional(),
  ingest: z
    .object({
      state: z.enum(['waiting', 'running', 'done', 'failed']),
      files: z.number().int(),
      processed: z.number().int(),
      failed: z.number().int(),
      passes: z.number().int(),
    })
    .optional(),
})
const HealthUnavailable = z.object({ status: z.enum(['starting', 'unavailable']), message: z.string() })

export function registerHealthRoutes(app: App, deps: { db: Db; readiness: Readiness }): void {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['system'],
        summary: '就绪检查：数据库可用时 200（ingest 显示启动入库进度，chat 表示能否提问），否则 503',
        response: { 200: HealthOk, 503: HealthUnavailable },
      },
    },
    async (_request, reply) => {
      if (!deps.readiness.ready) {
        return reply
          .status(503)
          .send({ status: 'starting' as const, message: deps.readiness.reason ?? '知识库正在准备中' })
      }
      try {
        const [row] = await deps.db.query<{ documents: number }>('select count(*)::int as documents from documents')
        const documents = row?.documents ?? 0
        const ingest = deps.readiness.ingest
        if (!ingest) return { status: 'ok' as const, documents }
        // Up for tickets either way; `chat` says whether questions are answered yet.
        const ingesting = ingest.state === 'waiting' || ingest.state === 'running'
        return { status: ingesting ? ('ingesting' as const) : ('ok' as const), documents, chat: !ingesting, ingest }
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const, message: '数据库暂时不可用' })
      }
    },
  )
}
