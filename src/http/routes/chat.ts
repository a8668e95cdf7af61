import type { FastifyBaseLogger } from 'fastify'
import { setTurnFeedback } from '../../conversation/sessions-repo.ts'
import { type ChatDeps, type ChatResponse, handleChatMessage } from '../../conversation/turn.ts'
import { ClientGoneError, NotFoundError } from '../../errors.ts'
import { whileClientWaits } from '../client-gone.ts'
import { ChatRequestSchema, ChatResponseSchema, FeedbackResponse, FeedbackSchema } from '../contract/chat.ts'
import { commonErrors, ErrorResponse, textBody } from '../contract/common.ts'
import type { App } from '../zod-schemas.ts'

/** One info line per turn: what was decided and how fast — never the message or the answer. */
function logTurn(log: FastifyBaseLogger, response: ChatResponse, started: number): void {
  const { intent, grounded, mode, refusalReason } = response
  const latencyMs = Math.round(performance.now() - started)
  log.info({ turn: { intent, grounded, mode, refusalReason: refusalReason ?? null, latencyMs } }, 'chat turn')
}

const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`

export function registerChatRoutes(app: App, deps: { chat: () => ChatDeps }): void {
  app.post(
    '/api/chat',
    {
      schema: {
        tags: ['chat'],
        summary: '提问：返回有出处的回答，或转人工/登记工单的下一步',
        body: ChatRequestSchema,
        response: { 200: ChatResponseSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const started = performance.now()
      const response = await whileClientWaits(request, reply, (signal) =>
        handleChatMessage(deps.chat(), request.body, { signal, log: request.log }),
      )
      logTurn(request.log, response, started)
      return response
    },
  )

  app.post(
    '/api/chat/stream',
    {
      schema: {
        tags: ['chat'],
        summary: '提问（Server-Sent Events）：先 citations，再若干 delta，最后 done 携带完整回答',
        body: ChatRequestSchema,
        response: {
          200: textBody('text/event-stream', '事件流：citations、delta…、done（与 /api/chat 的回答相同）或 error'),
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const started = performance.now()
      // The stream opens with the first event: a failure before it is still an ordinary JSON error.
      let open = false
      const send = (event: string, data: unknown) => {
        if (!open) {
          reply.hijack()
          reply.raw.writeHead(200, {
            'content-type': 'text/event-stream; charset=utf-8',
            'cache-control': 'no-cache, no-transform',
            connection: 'keep-alive',
            'x-request-id': request.id,
          })
          open = true
        }
        if (!reply.raw.destroyed) reply.raw.write(sse(event, data))
      }
      try {
        // A client that goes away aborts the turn, and with it the model's upstream request.
        await whileClientWaits(request, reply, (signal) =>
          handleChatMessage(deps.chat(), request.body, {
            signal,
            log: request.log,
            onEvent: (event) => {
              if (event.type === 'citations') send('citations', { citations: event.citations })
              else if (event.type === 'delta') send('delta', { text: event.text })
              else {
                logTurn(request.log, event.response, started)
                send('done', event.response)
              }
            },
          }),
        )
      } catch (error) {
        if (!open) throw error
        if (!(error instanceof ClientGoneError)) {
          request.log.error({ err: error }, 'chat stream failed after it started')
          send('error', { error: 'internal_error', message: '回答生成出错了，请再发送一次。' })
        }
      }
      reply.raw.end()
    },
  )

  app.post(
    '/api/chat/feedback',
    {
      schema: {
        tags: ['chat'],
        summary: '对某条回答点赞或点踩（👍/👎）',
        body: FeedbackSchema,
        response: { 200: FeedbackResponse, 404: ErrorResponse, ...commonErrors },
      },
    },
    async (request) => {
      const { body } = request
      const saved = await setTurnFeedback(
        deps.chat().db,
        body.sessionId,
        body.turnId,
        body.rating === 'up' ? 1 : -1,
        body.comment ?? null,
      )
      if (!saved) throw new NotFoundError('没有找到这条回答，可能会话已过期。')
      return { ok: true as const }
    },
  )
}
