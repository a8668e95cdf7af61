import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { Assistant } from '../assistant.ts'
import type { Config } from '../config.ts'
import type { Db } from '../db/index.ts'
import { UnavailableError } from '../errors.ts'
import { registerCors } from './cors.ts'
import { registerErrorHandler, sendFrameworkError } from './error-handler.ts'
import { withSafeLogging } from './log-safety.ts'
import { registerRateLimits } from './rate-limits.ts'
import { registerChatRoutes } from './routes/chat.ts'
import { registerDocumentRoutes } from './routes/documents.ts'
import { registerHealthRoutes } from './routes/health.ts'
import { registerStaffRoutes } from './routes/staff.ts'
import { registerStaffDocumentRoutes } from './routes/staff-documents.ts'
import { registerStaffFaqRoutes } from './routes/staff-faqs.ts'
import { registerStaffFeedbackRoutes } from './routes/staff-feedback.ts'
import { registerStaffSearchRoutes } from './routes/staff-search.ts'
import { registerStaffTurnRoutes } from './routes/staff-turns.ts'
import { registerTicketRoutes } from './routes/tickets.ts'
import { registerWebRoutes } from './routes/web.ts'
import { registerSecurityHeaders } from './security-headers.ts'
import { useStrictInput } from './strict-input.ts'
import { useZodSchemas, zodToOpenApi } from './zod-schemas.ts'

// Routes that answer from the knowledge store and so must see the latest uploads and corrections.
const KNOWLEDGE_READERS = /^\/api\/(chat(\/stream)?|staff\/search)(\?|$)/

/** Whether the store can answer yet; main flips it after migrations and the first ingest. */
export type Readiness = { ready: boolean; reason?: string }

export type AppDeps = {
  config: Config
  db: Db
  /** Answers chat turns; see src/assistant.ts. */
  assistant: Assistant
  readiness?: Readiness
  logger?: FastifyServerOptions['logger']
  /** The clock for ticket deadlines and overdue checks; tests pass a fixed one. */
  now?: () => Date
  /** The built web pages (npm run build); src/web/dist by default. */
  webDir?: string
}

/** Builds the HTTP app from its dependencies; only src/main.ts listens. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const readiness = deps.readiness ?? { ready: true }
  const app = Fastify({
    logger: withSafeLogging(deps.logger ?? false),
    bodyLimit: 64 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    trustProxy: deps.config.TRUST_PROXY ?? false,
    frameworkErrors: sendFrameworkError,
  })
  useZodSchemas(app)
  registerErrorHandler(app)
  useStrictInput(app)
  await registerCors(app, deps.config.CORS_ORIGINS)
  await registerRateLimits(app, deps.config)
  await registerSecurityHeaders(app)

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

  // Uploads and corrections made on any instance: reload this one's caches before it answers.
  app.addHook('preHandler', async (request) => {
    if (readiness.ready && KNOWLEDGE_READERS.test(request.url)) await deps.assistant.syncKnowledge()
  })

  registerHealthRoutes(app, { db: deps.db, readiness })
  registerChatRoutes(app, { chat: () => deps.assistant })
  registerDocumentRoutes(app, { db: deps.db })
  registerTicketRoutes(app, { db: deps.db, now: deps.now })
  await registerStaffRoutes(app, { db: deps.db, now: deps.now })
  await registerStaffFeedbackRoutes(app, { db: deps.db })
  await registerStaffDocumentRoutes(app, {
    db: deps.db,
    embedder: deps.assistant.embedder,
    assistant: deps.assistant,
    knowledgeDir: deps.config.KNOWLEDGE_DIR,
    maxUploadBytes: Math.round(deps.config.UPLOAD_MAX_MB * 1024 * 1024),
  })
  await registerStaffTurnRoutes(app, { db: deps.db })
  await registerStaffFaqRoutes(app, { db: deps.db, assistant: deps.assistant })
  await registerStaffSearchRoutes(app, { assistant: deps.assistant })
  await registerWebRoutes(app, { dir: deps.webDir })
  return app
}
