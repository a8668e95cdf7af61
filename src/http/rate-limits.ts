import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, onRequestHookHandler } from 'fastify'
import type { Config } from '../config.ts'

type Limited = { max: number; timeWindow: number; message: (seconds: number) => string }

const MINUTE = 60_000
const HOUR = 60 * MINUTE

const waitText = (seconds: number): string =>
  seconds >= 90 ? `约 ${Math.ceil(seconds / 60)} 分钟` : `${Math.max(1, seconds)} 秒`

/**
 * Per-client limits on the routes that cost the most (a chat turn runs retrieval and perhaps an
 * LLM) or that reach staff (a ticket): 429 with Retry-After and a message in Chinese. The two chat
 * routes share one budget, so switching to the stream does not double it. Counters live in this
 * process; several instances behind one proxy would each count on their own.
 */
export async function registerRateLimits(
  app: FastifyInstance,
  config: Pick<
    Config,
    | 'CHAT_RATE_LIMIT_PER_MINUTE'
    | 'TICKET_RATE_LIMIT_PER_HOUR'
    | 'REQUESTER_MESSAGE_RATE_LIMIT_PER_HOUR'
    | 'RATE_LIMIT_ALLOWLIST'
  >,
): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    // Addresses that are the host itself: the evals and the bench, or a proxy without TRUST_PROXY,
    // in which case every visitor would share one counter and one abuser could lock out everyone.
    allowList: config.RATE_LIMIT_ALLOWLIST,
  })

  const limiter = ({ max, timeWindow, message }: Limited): onRequestHookHandler =>
    app.rateLimit({
      max,
      timeWindow,
      errorResponseBuilder: (_request, context) =>
        Object.assign(new Error(message(Math.ceil(context.ttl / 1000))), { statusCode: context.statusCode }),
    })

  const routes = new Map<string, onRequestHookHandler>()
  if (config.CHAT_RATE_LIMIT_PER_MINUTE > 0) {
    const chat = limiter({
      max: config.CHAT_RATE_LIMIT_PER_MINUTE,
      timeWindow: MINUTE,
      message: (seconds) => `提问太频繁了，请 ${waitText(seconds)}后再试。如需人工帮助，可拨打 12345 市民服务热线。`,
    })
    routes.set('POST /api/chat', chat)
    routes.set('POST /api/chat/stream', chat)
  }
  if (config.TICKET_RATE_LIMIT_PER_HOUR > 0) {
    routes.set(
      'POST /api/tickets',
      limiter({
        max: config.TICKET_RATE_LIMIT_PER_HOUR,
        timeWindow: HOUR,
        message: (seconds) => `提交工单太频繁了，请 ${waitText(seconds)}后再试；已提交的工单可凭编号和查询码查看进度。`,
      }),
    )
  }

  if (config.REQUESTER_MESSAGE_RATE_LIMIT_PER_HOUR > 0) {
    routes.set(
      'POST /api/tickets/:number/messages',
      limiter({
        max: config.REQUESTER_MESSAGE_RATE_LIMIT_PER_HOUR,
        timeWindow: HOUR,
        message: (seconds) => `补充信息太频繁了，请 ${waitText(seconds)}后再试；已提交的内容工作人员都能看到。`,
      }),
    )
  }

  // Attached as routes are declared, so the route files need not know about limits.
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      const hook = routes.get(`${method} ${route.url}`)
      if (hook) route.onRequest = [...[route.onRequest ?? []].flat(), hook]
    }
  })
}
