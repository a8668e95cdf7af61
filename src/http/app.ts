import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { Config } from '../config.ts'
import type { Db } from '../db/index.ts'
import type { Embedder } from '../embedding/index.ts'
import { UnavailableError } from '../errors.ts'
import { registerErrorHandler } from './error-handler.ts'
import { registerHealthRoutes } from './routes/health.ts'
import { useZodSchemas, zodToOpenApi } from './zod-schemas.ts'

/** Whether the store can answer yet; main flips it after migrations and the first ingest. */
export type Readiness = { ready: boolean; reason?: string }

export type AppDeps = {
  config: Config
  db: Db
  embedder: Embedder
  readiness?: Readiness
  logger?: FastifyServerOptions['logger']
}

/** Builds the HTTP app from its dependencies; only src/main.ts listens. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const readiness = deps.readiness ?? { ready: true }
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 64 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
  })
  useZodSchemas(app)
  registerErrorHandler(app)

  await app.register(swagger, {
    openapi: {
      info: { title: 'quality-desk API', description: '浦东新区质量基础设施“一站式”服务智能助手', version: '0.1.0' },
    },
    transform: zodToOpenApi,
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })

  app.addHook('onRequest', async (request) => {
    if (!readiness.ready && request.url.startsWith('/api/')) {
      throw new UnavailableError(readiness.reason ?? '知识库正在准备中，请稍后再试。')
    }
  })

  registerHealthRoutes(app, { db: deps.db, readiness })
  return app
}
