import type { FastifyInstance } from 'fastify'
import { InvalidInputError } from '../errors.ts'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Whether any string in a parsed JSON value, key or value, holds a NUL character. */
function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000')
  if (Array.isArray(value)) return value.some(containsNul)
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item))
  }
  return false
}

const INVALID_UTF8 = '请求体不是合法的 UTF-8 文本，请检查字符编码。'
const NUL_IN_BODY = '请求内容中含有空字符（\\u0000），请删除后再试。'
const NUL_IN_URL = '地址中含有空字符（%00），请检查后再试。'

/**
 * Refuses at the door, with a 400, input that could only fail further in: bytes that are not UTF-8
 * (which would otherwise turn silently into U+FFFD) and NUL characters, which PostgreSQL cannot
 * store in text and would answer with a 500. JSON is the only body type the API takes; anything
 * else, text/plain included, is a 415.
 */
export function useStrictInput(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser(['application/json', 'text/plain'])
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string
    try {
      text = utf8.decode(body as Buffer)
    } catch {
      return done(new InvalidInputError(INVALID_UTF8), undefined)
    }
    void parseJson(request, text, (error, value) => {
      if (error) return done(error, undefined)
      if (containsNul(value)) return done(new InvalidInputError(NUL_IN_BODY), undefined)
      done(null, value)
    })
  })
  app.addHook('onRequest', async (request) => {
    if (/%00/i.test(request.url)) throw new InvalidInputError(NUL_IN_URL)
  })
}
