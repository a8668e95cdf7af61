import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyServerOptions } from 'fastify'
import type { IngestProgress } from '../../ingest/background.ts'
import { ingestLimitsOf } from '../../ingest/limits.ts'
import type { Assistant } from '../assistant.ts'
import type { Config } from '../config.ts'
import type { Db } from '../db/index.ts'
import { UnavailableError } from '../errors.ts'
import { workCalendarOf } from '../tickets/sla.ts'
import { limitConnectionsPerClient } from './connection-limits.ts'
import { registerCors } from './cors.ts'
import { registerErrorHandler, sendFrameworkError } from './error-handler.ts'
import { withSafeLogging } from './log-safety.ts'
import { registerRateLimits } from './rate-limits.ts'
import { registerChatRoutes } from './routes/chat.ts'
import { registerDocumentRoutes } from './routes/documents.ts'
import { registerHealthRoutes } from './routes/health.ts'
import { registerStaffRoutes } from './routes/staff.ts'
import { registerStaffAccountRoutes } from './routes/staff-accounts.ts'
import { registerStaffDeskRoutes } from './routes/staff-desk.ts'
import { registerStaffDocumentRoutes } from './routes/staff-documents.ts'
import { registerStaffFaqRoutes } from './routes/staff-faqs.ts'
import { registerStaffFeedbackRoutes } from './routes/staff-feedback.ts'
import { registerStaffSearchRoutes } from './routes/staff-search.ts'
import { registerStaffSessionRoutes } from './routes/staff-session.ts'
import { registerStaffTurnRoutes } from './routes/staff-turns.ts'
import { registerTicketRoutes } from './routes/tickets.ts'
import { registerWebRoutes } from './routes/web.ts'
import { registerSecurityHeaders } from './security-headers.ts'
import { staffAuthOf, staffSignInPolicy } from './staff-policy.ts'
import { useStrictInput } from './strict-input.ts'
import { type App, useZodSchemas, type ZodTypeProvider, zodToOpenApi } from './zod-schemas.ts'

// Routes that answer from the knowledge store and so must see the latest uploads and corrections. A chat
// turn syncs itself (handleChatMessage): on PostgreSQL its session read brings the version along.
const KNOWLEDGE_READERS = /^\/api\/staff\/search(\?|$)/

/**
 * Whether the store can answer yet: main flips `ready` after migrations; with `ingest` set, chat
 * also waits for the start-up ingest (tickets and lookups do not need the documents).
 */
export type Readiness = { ready: boolean; reason?: string; ingest?: IngestProgress }

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
export async function buildApp(deps: AppDeps): Promise<App> {
  const readiness = deps.readiness ?? { ready: true }
  const app = Fastify({
    logger: withSafeLogging(deps.logger ?? false),
    bodyLimit: 64 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    trustProxy: deps.config.TRUST_PROXY ?? false,
    // Node's defaults leave a slow or stalled client connected for good (requestTimeout 0 in Fastify).
    requestTimeout: deps.config.REQUEST_TIMEOUT_MS,
    connectionTimeout: deps.config.CONNECTION_IDLE_TIMEOUT_MS,
    keepAliveTimeout: deps.config.KEEP_ALIVE_TIMEOUT_MS,
    // Node checks request timeouts this often (30 s by default, which would let them run that much over).
    http: {
      headersTimeout: deps.config.REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: Math.min(1_000, deps.config.REQUEST_TIMEOUT_MS),
    },
    frameworkErrors: sendFrameworkError,
  }).withTypeProvider<ZodTypeProvider>()
  limitConnectionsPerClient(app.server, deps.config, (address) =>
    app.log.warn(
      { address, max: deps.config.MAX_CONNECTIONS_PER_CLIENT },
      'connection refused: too many from one client',
    ),
  )
  useZodSchemas(app)
  registerErrorHandler(app)
  useStrictInput(app)
  await registerCors(app, deps.config.CORS_ORIGINS)
  await registerRateLimits(app, deps.config, deps.db)
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
    const ingest = readiness.ingest
    if (ingest && (ingest.state === 'waiting' || ingest.state === 'running') && request.url.startsWith('/api/chat')) {
      throw new UnavailableError(
        `知识库正在导入（${ingest.processed}/${ingest.files || '?'} 个文件），请稍后再提问；提交工单和查询进度不受影响。`,
      )
    }
  })

  // Uploads and corrections made on any instance: reload this one's caches before it answers.
  app.addHook('preHandler', async (request) => {
    if (readiness.ready && KNOWLEDGE_READERS.test(request.url)) await deps.assistant.syncKnowledge()
  })

  registerHealthRoutes(app, { db: deps.db, readiness })
  registerChatRoutes(app, { chat: () => deps.assistant })
  registerDocumentRoutes(app, { db: deps.db })
  registerTicketRoutes(app, { db: deps.db, now: deps.now, calendar: workCalendarOf(deps.config) })
  const staffAuth = staffAuthOf(deps.config, deps.db, deps.now)
  await registerStaffSessionRoutes(app, { auth: staffAuth, signIn: staffSignInPolicy(deps.config) })
  await registerStaffAccountRoutes(app, { auth: staffAuth })
  await registerStaffRoutes(app, { db: deps.db, auth: staffAuth, now: deps.now })
  await registerStaffFeedbackRoutes(app, { db: deps.db, auth: staffAuth })
  await registerStaffDeskRoutes(app, { db: deps.db, auth: staffAuth, now: deps.now })
  await registerStaffDocumentRoutes(app, {
    db: deps.db,
    auth: staffAuth,
    embedder: deps.assistant.embedder,
    assistant: deps.assistant,
    knowledgeDir: deps.config.KNOWLEDGE_DIR,
    limits: ingestLimitsOf(deps.config),
  })
  await registerStaffTurnRoutes(app, { db: deps.db, auth: staffAuth })
  await registerStaffFaqRoutes(app, { db: deps.db, auth: staffAuth, assistant: deps.assistant })
  await registerStaffSearchRoutes(app, { auth: staffAuth, assistant: deps.assistant })
  await registerWebRoutes(app, { dir: deps.webDir })
  return app
}
