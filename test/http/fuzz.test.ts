import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPgliteDb, type Db } from '../../src/db/index.ts'
import { createTestApp } from '../support/app.ts'
import { staffWithToken, ticketInput } from '../support/tickets.ts'

type JsonSchema = { type?: string; enum?: unknown[]; properties?: Record<string, JsonSchema> }
type OpenApiOperation = {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> }
  parameters?: Array<{ in: string; name: string }>
}
type Operation = { method: 'GET' | 'POST'; path: string; body?: JsonSchema; query: string[]; params: string[] }
type Case = { name: string; request: InjectOptions; expect: '4xx' | 'not 5xx' }

// Cases a valid body is mutated from, one per POST route: the test fails when a route is added without one.
const VALID_BODIES: Record<string, unknown> = {
  '/api/chat': { message: '你好' },
  '/api/chat/stream': { message: '你好' },
  '/api/chat/feedback': { sessionId: 'no-such-session', turnId: 1, rating: 'up' },
  '/api/tickets': ticketInput(),
  '/api/staff/tickets/{number}/replies': { body: '已收到，我们会尽快处理。' },
  '/api/staff/tickets/{number}/status': { status: 'in_progress' },
  '/api/staff/tickets/{number}/reassign': { assigneeId: 1 },
  '/api/staff/login': { username: 'nobody', password: 'not-a-password' },
  '/api/staff/accounts': { username: 'fuzz', name: '测试', role: 'agent', password: 'long-enough-pw' },
  '/api/staff/accounts/{id}/role': { role: 'supervisor' },
  '/api/staff/accounts/{id}/password': { password: 'long-enough-pw' },
  '/api/staff/tokens': { staffId: 1, label: '测试' },
  '/api/staff/retention': { days: 180 },
  '/api/tickets/{number}/messages': { body: '补充一张购物小票的照片说明。', evidence: '小票编号 123' },
  '/api/staff/tickets/{number}/notes': { body: '已电话联系，等待回电。' },
  '/api/staff/canned-replies': { title: '已受理', body: '您的诉求已受理，我们会尽快联系您。' },
  '/api/staff/faqs': { question: '电子秤多久检定一次？', answer: '强制检定的电子秤每年检定一次。' },
  '/api/staff/search': { query: '电子秤检定周期' },
}

const MALFORMED_JSON = [
  '{',
  '{"message": ',
  '{"message": "你好",}',
  "{'message': '你好'}",
  '[1, 2',
  'nul',
  '{"a":1}{"b":2}',
  '{"__proto__": {"admin": true}}',
  '{"constructor": {"prototype": {"x": 1}}}',
]
const NOT_OBJECTS = ['123', '"你好"', '[]', 'null', 'true']
const WRONG_TYPES: Record<string, unknown[]> = {
  string: [123, true, null, [], {}, ['你好'], { $gt: '' }],
  integer: ['1', 'abc', 1.5, true, null, [], {}],
  number: ['1', 'abc', true, null, [], {}],
  boolean: ['true', 1, 0, null, [], {}],
}
const NASTY_STRINGS = [
  "'; drop table tickets; --",
  "1' or '1'='1",
  '<script>alert(document.cookie)</script>',
  '"><img src=x onerror=alert(1)>',
  '\u0001\u0002\u0007\u001b[31m\u007f',
  '\u0000',
  '\u202e\u200b\ufeff',
  '\ud800',
  '../../../../etc/passwd',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell-style probe, meant literally
  '${jndi:ldap://127.0.0.1/x}',
  '{{7*7}}',
  '你'.repeat(3000),
  'x'.repeat(10_000),
]
const BAD_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
]
const INVALID_UTF8 = Buffer.concat([
  Buffer.from('{"message": "'),
  Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
  Buffer.from('"}'),
])
const OVERSIZED = JSON.stringify({ message: '问'.repeat(30_000) }) // > 64 KiB as UTF-8

const PATH_VALUES = [
  "1' or '1'='1",
  '<script>x</script>',
  '%00',
  '%E0%A4%A',
  '%ZZ',
  '..%2F..%2Fetc%2Fpasswd',
  'x'.repeat(5_000),
  '-1',
  '1e309',
  '０１',
]
const QUERY_STRINGS = [
  'limit=abc',
  'limit=1&limit=2',
  'limit=-5',
  'offset=1e309',
  'status=%00',
  'days=%ZZ',
  '__proto__[admin]=1',
  `token=${'x'.repeat(5_000)}`,
  'rating[]=up',
]

/** The API as the OpenAPI document lists it (the web pages are hidden from it). */
function listOperations(app: FastifyInstance): Operation[] {
  const spec = app.swagger() as { paths: Record<string, Record<string, OpenApiOperation>> }
  return Object.entries(spec.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, op]) => ({
      method: method.toUpperCase() as Operation['method'],
      path,
      body: op.requestBody?.content?.['application/json']?.schema,
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      params: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
    })),
  )
}

function casesFor(op: Operation, url: string): Case[] {
  const json = (
    name: string,
    payload: string | Buffer,
    expected: Case['expect'] = '4xx',
    type = 'application/json',
  ): Case => ({
    name,
    request: { method: op.method, url, payload, headers: { 'content-type': type } },
    expect: expected,
  })
  if (op.method === 'GET') {
    return [
      ...PATH_VALUES.flatMap((value) =>
        op.params.map((param) => ({
          name: `${param}=${value.slice(0, 20)}`,
          request: { method: 'GET' as const, url: url.replace(encodeURIComponent(SAMPLE_PARAMS[param] ?? ''), value) },
          expect: 'not 5xx' as const,
        })),
      ),
      ...QUERY_STRINGS.map((query) => ({
        name: `?${query.slice(0, 30)}`,
        request: { method: 'GET' as const, url: `${url}?${query}` },
        expect: 'not 5xx' as const,
      })),
    ]
  }
  const valid = VALID_BODIES[op.path] ?? {}
  const properties = Object.entries(op.body?.properties ?? {})
  return [
    ...MALFORMED_JSON.map((text) => json(`malformed ${text}`, text)),
    // A route that takes no body ignores a well-formed one.
    ...NOT_OBJECTS.map((text) => json(`body ${text}`, text, op.body ? '4xx' : 'not 5xx')),
    json('empty body', ''),
    json('invalid UTF-8', INVALID_UTF8),
    json('oversized', OVERSIZED),
    ...BAD_CONTENT_TYPES.map((type) => json(`content-type ${type}`, 'message=你好', '4xx', type)),
    ...properties.flatMap(([key, schema]) => [
      ...(WRONG_TYPES[schema.type ?? ''] ?? []).map((value) =>
        json(`${key}: ${JSON.stringify(value)}`, JSON.stringify({ ...(valid as object), [key]: value })),
      ),
      ...(schema.enum
        ? [json(`${key}: not in enum`, JSON.stringify({ ...(valid as object), [key]: 'zz_not_a_value' }))]
        : []),
      ...(schema.type === 'string'
        ? NASTY_STRINGS.map((value) =>
            json(
              `${key}: ${JSON.stringify(value.slice(0, 20))}`,
              JSON.stringify({ ...(valid as object), [key]: value }),
              'not 5xx',
            ),
          )
        : []),
    ]),
  ]
}

const SAMPLE_PARAMS: Record<string, string> = { docId: 'samr-order-75', id: '1', number: '' }

/** Whatever the status, an error is JSON `{ error, message }` a client can show. */
function problem(test: Case, response: LightMyRequestResponse): string | null {
  const where = `${test.request.method} ${String(test.request.url).slice(0, 60)} [${test.name}] → ${response.statusCode}`
  if (response.statusCode >= 500) return `${where}: ${response.body.slice(0, 120)}`
  if (test.expect === '4xx' && response.statusCode < 400) return `${where}: expected a 4xx`
  if (response.statusCode < 400) return null
  if (!String(response.headers['content-type']).startsWith('application/json')) return `${where}: not JSON`
  const body = response.json()
  if (typeof body.error !== 'string' || typeof body.message !== 'string')
    return `${where}: ${response.body.slice(0, 120)}`
  return null
}

describe('bad input to every endpoint', () => {
  let db: Db
  let app: FastifyInstance
  let auth: Record<string, string>

  beforeAll(async () => {
    db = await createPgliteDb()
    ;({ app } = await createTestApp(db, { knowledge: 'test/fixtures/knowledge' }))
    await app.ready()
    // An admin reaches every staff route's validation.
    auth = { authorization: `Bearer ${(await staffWithToken(db, '张三', 'admin')).token}` }
    const opened = await app.inject({ method: 'POST', url: '/api/tickets', payload: ticketInput() })
    SAMPLE_PARAMS.number = opened.json().ticket.number
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  it('knows a valid body for every POST route', () => {
    const posts = listOperations(app).filter((op) => op.method === 'POST' && op.body)
    expect(posts.length).toBeGreaterThan(5)
    expect(posts.map((op) => op.path).filter((path) => !(path in VALID_BODIES))).toEqual([])
  })

  it('answers every malformed request with a 4xx { error, message }, never a 5xx', { timeout: 240_000 }, async () => {
    const problems: string[] = []
    let sent = 0
    for (const op of listOperations(app)) {
      const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(SAMPLE_PARAMS[name] ?? 'x'))
      for (const test of casesFor(op, url)) {
        // Staff routes are fuzzed behind a valid token: without one they stop at 401 (tested in staff-auth).
        const headers = { ...(op.path.startsWith('/api/staff') ? auth : {}), ...test.request.headers }
        const response = await app.inject({ ...test.request, headers })
        sent++
        const found = problem(test, response)
        if (found) problems.push(found)
      }
    }
    expect(sent).toBeGreaterThan(500)
    expect(problems).toEqual([])
  })

  it.each([
    ['GET', '/api/nope'],
    ['GET', '/api/chat'],
    ['PUT', '/api/chat'],
    ['DELETE', '/api/tickets/QD-1'],
    ['PATCH', '/api/staff/me'],
    ['GET', '/.env'],
    ['GET', '/api/../../etc/passwd'],
    ['GET', '/%2e%2e/%2e%2e/etc/passwd'],
    ['GET', '/api/aaaa…(10 000 characters)'],
    ['GET', '/api/documents/%'],
  ] as const)('unknown or broken route: %s %s is a 4xx { error, message }', async (method, label) => {
    const url = label.includes('…') ? `/api/${'a'.repeat(10_000)}` : label
    const response = await app.inject({ method, url })
    expect(response.statusCode).toBeGreaterThanOrEqual(400)
    expect(response.statusCode).toBeLessThan(500)
    expect(response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) })
  })

  it('keeps answering afterwards', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
    const chat = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'CCC免办怎么申请？' } })
    expect(chat.statusCode).toBe(200)
    const [tickets] = await db.query<{ n: number }>('select count(*)::int as n from tickets')
    expect(tickets?.n).toBeGreaterThan(0)
  })
})
