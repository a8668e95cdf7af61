import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, onRequestHookHandler } from 'fastify'
import type { Config } from '../config.ts'
import type { Db } from '../db/index.ts'
import { databaseRateLimitStore } from './rate-limit-store.ts'

type Limited = { name: string; max: number; timeWindow: number; message: (seconds: number) => string }

const MINUTE = 60_000
const HOUR = 60 * MINUTE

const waitText = (seconds: number): string =>
  seconds >= 90 ? `约 ${Math.ceil(seconds / 60)} 分钟` : `${Math.max(1, seconds)} 秒`

export type RateLimitConfig = Pick<
  Config,
  | 'CHAT_RATE_LIMIT_PER_MINUTE'
  | 'TICKET_RATE_LIMIT_PER_HOUR'
  | 'LOOKUP_RATE_LIMIT_PER_MINUTE'
  | 'MESSAGE_RATE_LIMIT_PER_HOUR'
  | 'FEEDBACK_RATE_LIMIT_PER_MINUTE'
  | 'LOGIN_RATE_LIMIT_PER_HOUR'
  | 'RATE_LIMIT_ALLOWLIST'
  | 'TRUST_PROXY'
>

/** Each limit by the routes it covers; routes that share a name share one budget. */
function limitsOf(config: RateLimitConfig): Array<Limited & { routes: string[] }> {
  return [
    {
      name: 'chat',
      routes: ['POST /api/chat', 'POST /api/chat/stream'],
      max: config.CHAT_RATE_LIMIT_PER_MINUTE,
      timeWindow: MINUTE,
      message: (seconds) => `提问太频繁了，请 ${waitText(seconds)}后再试。如需人工帮助，可拨打 12345 市民服务热线。`,
    },
    {
      name: 'ticket',
      routes: ['POST /api/tickets'],
      max: config.TICKET_RATE_LIMIT_PER_HOUR,
      timeWindow: HOUR,
      message: (seconds) => `提交工单太频繁了，请 ${waitText(seconds)}后再试；已提交的工单可凭编号和查询码查看进度。`,
    },
    {
      // Guessing lookup tokens is what this slows down.
      name: 'lookup',
      routes: ['GET /api/tickets/:number'],
      max: config.LOOKUP_RATE_LIMIT_PER_MINUTE,
      timeWindow: MINUTE,
      message: (seconds) => `查询太频繁了，请 ${waitText(seconds)}后再试。`,
    },
    {
      name: 'message',
      routes: ['POST /api/tickets/:number/messages'],
      max: config.MESSAGE_RATE_LIMIT_PER_HOUR,
      timeWindow: HOUR,
      message: (seconds) => `补充信息太频繁了，请 ${waitText(seconds)}后再试；已提交的内容工作人员都能看到。`,
    },
    {
      name: 'feedback',
      routes: ['POST /api/chat/feedback'],
      max: config.FEEDBACK_RATE_LIMIT_PER_MINUTE,
      timeWindow: MINUTE,
      message: (seconds) => `评价太频繁了，请 ${waitText(seconds)}后再试。`,
    },
    {
      // Password guessing, on top of the per-account lock-out.
      name: 'login',
      routes: ['POST /api/staff/login'],
      max: config.LOGIN_RATE_LIMIT_PER_HOUR,
      timeWindow: HOUR,
      message: (seconds) => `登录尝试太频繁了，请 ${waitText(seconds)}后再试；忘记密码请联系主管。`,
    },
  ]
}

const LOOPBACK = ['127.0.0.1', '::1', '::ffff:127.0.0.1']

/**
 * Per-client limits on the routes that cost the most (a chat turn runs retrieval and perhaps an
 * LLM), that reach staff (a ticket, a message) or that can be used to guess (lookup, login): 429
 * with Retry-After and a message in Chinese. The counters are in the database, so several instances
 * enforce one budget. No address is exempt unless listed in RATE_LIMIT_ALLOWLIST: behind a proxy on
 * the same host without TRUST_PROXY every visitor is "127.0.0.1", and an exempt loopback would switch
 * the limits off for all of them; counted as one client, they are limited together instead (fail safe).
 */
export async function registerRateLimits(app: FastifyInstance, config: RateLimitConfig, db: Db): Promise<void> {
  const allowed = new Set(config.RATE_LIMIT_ALLOWLIST)
  await app.register(rateLimit, {
    global: false,
    store: databaseRateLimitStore(db),
    allowList: (request) => allowed.has(request.ip),
  })

  if (!config.TRUST_PROXY && LOOPBACK.some((address) => allowed.has(address))) {
    app.log.warn(
      'RATE_LIMIT_ALLOWLIST exempts loopback and TRUST_PROXY is unset: behind a reverse proxy on this host, no visitor would be limited. Set TRUST_PROXY to the proxy address.',
    )
  }
  let warnedForwarded = false
  app.addHook('onRequest', async (request) => {
    if (warnedForwarded || config.TRUST_PROXY || request.headers['x-forwarded-for'] === undefined) return
    warnedForwarded = true
    request.log.warn(
      'requests come with X-Forwarded-For but TRUST_PROXY is unset: every client behind the proxy shares one rate-limit budget. Set TRUST_PROXY to the proxy address.',
    )
  })

  const routes = new Map<string, onRequestHookHandler>()
  for (const limit of limitsOf(config)) {
    if (limit.max <= 0) continue
    const hook = app.rateLimit({
      max: limit.max,
      timeWindow: limit.timeWindow,
      keyGenerator: (request) => `${limit.name}:${request.ip}`,
      errorResponseBuilder: (_request, context) =>
        Object.assign(new Error(limit.message(Math.ceil(context.ttl / 1000))), { statusCode: context.statusCode }),
    })
    for (const route of limit.routes) routes.set(route, hook)
  }

  // Attached as routes are declared, so the route files need not know about limits.
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      const hook = routes.get(`${method} ${route.url}`)
      if (hook) route.onRequest = [...[route.onRequest ?? []].flat(), hook]
    }
  })
}
