import { z } from 'zod'
import type { Db } from '../../db/index.ts'
import type { Readiness } from '../app.ts'
import type { App } from '../zod-schemas.ts'

const HealthOk = z.object({ status: z.literal('ok'), documents: z.number().int() })
const HealthUnavailable = z.object({ status: z.enum(['starting', 'unavailable']), message: z.string() })

export function registerHealthRoutes(app: App, deps: { db: Db; readiness: Readiness }): void {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['system'],
        summary: '就绪检查：知识库可用时 200，否则 503',
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
        return { status: 'ok' as const, documents: row?.documents ?? 0 }
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const, message: '数据库暂时不可用' })
      }
    },
  )
}
