import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ZodError } from 'zod'
import { isConnectionError } from '../db/index.ts'
import { AppError, UnavailableError } from '../errors.ts'

const PARTS: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' }

function describeZodError(error: ZodError, context?: string): { message: string; fields: string[] } {
  const fields = error.issues.map((issue) => issue.path.join('.') || (context ?? 'body'))
  const details = error.issues.map((issue) => `${issue.path.join('.') || '内容'}：${issue.message}`)
  return { message: `${PARTS[context ?? 'body'] ?? '请求'}有误 — ${details.join('；')}`, fields }
}

// Fastify's own 4xx errors, said in words a person understands.
const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: '请求内容过大，请缩短后再试。',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持的内容类型，请以 application/json 发送。',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求长度与内容不符。',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求体为空，请发送 JSON 内容。',
  FST_ERR_CTP_INVALID_JSON_BODY: '请求体不是合法的 JSON。',
  FST_ERR_CTP_INVALID_CHARSET: '请求的字符编码不受支持，请使用 UTF-8。',
  FST_ERR_BAD_URL: '地址中含有无法识别的字符（百分号编码有误），请检查后再试。',
}

const DB_UNAVAILABLE = '数据库暂时不可用，请稍后重试'
const INTERNAL = '服务器内部错误，请稍后再试；如果一直出现，请联系工作人员。'

/**
 * One place that turns errors into responses: { error, message } with the right status. 4xx say
 * what to fix; 5xx are logged with their details and answered without them.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // The database went away (restart, network): the same request may succeed later, so 503, not 500.
    if (isConnectionError(error)) {
      request.log.error({ err: error }, 'database unavailable')
      const unavailable = new UnavailableError(DB_UNAVAILABLE, { cause: error })
      return reply.status(unavailable.status).send({ error: unavailable.code, message: unavailable.message })
    }
    // Fastify marks what failed while serializing: a reply its own response schema refuses is the
    // server's fault, so it is a logged 500, never a 400 that blames the request.
    if ('serialization' in error) {
      request.log.error({ err: error, route: request.routeOptions.url }, 'reply does not match its response schema')
      return reply.status(500).send({ error: 'internal_error', message: INTERNAL })
    }
    if (error instanceof ZodError) {
      const { message, fields } = describeZodError(error, (error as { validationContext?: string }).validationContext)
      return reply.status(400).send({ error: 'invalid_input', message, fields })
    }
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, error.message)
      return reply.status(error.status).send({ error: error.code, message: error.message })
    }
    const status = error.statusCode ?? 500
    if (status >= 400 && status < 500) {
      if (status === 429) return reply.status(429).send({ error: 'rate_limited', message: error.message })
      const message =
        FASTIFY_MESSAGES[error.code] ??
        (/^[\x00-\x7f]*$/.test(error.message) ? `请求有误：${error.message}` : error.message)
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        return reply.status(413).send({ error: 'payload_too_large', message })
      if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
        return reply.status(415).send({ error: 'unsupported_media_type', message })
      return reply.status(status).send({ error: 'bad_request', message })
    }
    request.log.error({ err: error }, 'unhandled error')
    return reply.status(500).send({ error: 'internal_error', message: INTERNAL })
  })

  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: 'not_found', message: `没有这个地址：${request.method} ${request.url.split('?')[0]}` }),
  )
}

/**
 * For Fastify's `frameworkErrors` option: what fails before routing (a malformed %-escape in the
 * path) never reaches the handler above, so it is answered here in the same { error, message } shape.
 */
export function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) {
    void reply.status(status).send({ error: 'bad_request', message: FASTIFY_MESSAGES[error.code] ?? '请求有误。' })
    return
  }
  request.log.error({ err: error }, 'framework error')
  void reply.status(500).send({ error: 'internal_error', message: INTERNAL })
}
