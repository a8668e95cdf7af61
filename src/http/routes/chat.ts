import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import { z } from 'zod'
import { setTurnFeedback } from '../../conversation/sessions-repo.ts'
import { type ChatDeps, type ChatResponse, handleChatMessage } from '../../conversation/turn.ts'
import { NotFoundError } from '../../errors.ts'
import { AUDIENCES } from '../../routing/intents.ts'

// Control characters other than line breaks carry no meaning in a question and break logs and pages.
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

const ChatRequestSchema = z.object({
  message: z
    .string()
    .transform((text) => text.replace(CONTROL_CHARS, '').trim())
    .pipe(z.string().min(1, '请输入问题').max(2000, '问题请控制在 2000 字以内')),
  sessionId: z.string().max(100).optional(),
  audience: z.enum(AUDIENCES).optional(),
})

const FeedbackSchema = z.object({
  sessionId: z.string().min(1).max(100),
  turnId: z.number().int().positive(),
  rating: z.enum(['up', 'down']),
  comment: z.string().max(500).optional(),
})

/** Answer text in pieces of a sentence or a line, the way it is streamed to the page. */
export const answerDeltas = (answer: string): string[] =>
  answer.match(/[^。！？\n]*[。！？\n]|[^。！？\n]+$/g) ?? [answer]

/** One info line per turn: what was decided and how fast — never the message or the answer. */
function logTurn(log: FastifyBaseLogger, response: ChatResponse, started: number): void {
  const { intent, grounded, mode, refusalReason } = response
  const latencyMs = Math.round(performance.now() - started)
  log.info({ turn: { intent, grounded, mode, refusalReason: refusalReason ?? null, latencyMs } }, 'chat turn')
}

const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`

export function registerChatRoutes(app: FastifyInstance, deps: { chat: () => ChatDeps }): void {
  app.post(
    '/api/chat',
    {
      schema: { tags: ['chat'], summary: '提问：返回有出处的回答，或转人工/登记工单的下一步', body: ChatRequestSchema },
    },
    async (request): Promise<ChatResponse> => {
      const started = performance.now()
      const response = await handleChatMessage(deps.chat(), request.body as z.output<typeof ChatRequestSchema>)
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
      },
    },
    async (request, reply) => {
      // Compute before streaming: a failure is still an ordinary JSON error with its status.
      const started = performance.now()
      const response = await handleChatMessage(deps.chat(), request.body as z.output<typeof ChatRequestSchema>)
      logTurn(request.log, response, started)
      reply.hijack()
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-request-id': request.id,
      })
      reply.raw.write(
        sse('citations', { sessionId: response.sessionId, intent: response.intent, citations: response.citations }),
      )
      for (const text of answerDeltas(response.answer)) reply.raw.write(sse('delta', { text }))
      reply.raw.end(sse('done', response))
    },
  )

  app.post(
    '/api/chat/feedback',
    { schema: { tags: ['chat'], summary: '对某条回答点赞或点踩（👍/👎）', body: FeedbackSchema } },
    async (request) => {
      const body = request.body as z.output<typeof FeedbackSchema>
      const saved = await setTurnFeedback(
        deps.chat().db,
        body.sessionId,
        body.turnId,
        body.rating === 'up' ? 1 : -1,
        body.comment ?? null,
      )
      if (!saved) throw new NotFoundError('没有找到这条回答，可能会话已过期。')
      return { ok: true }
    },
  )
}
