import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createPgliteDb, type Db } from '../../src/db/index.ts'
import { registerErrorHandler } from '../../src/http/error-handler.ts'
import { useZodSchemas } from '../../src/http/zod-schemas.ts'
import { openTicket } from '../../src/tickets/open-ticket.ts'
import { createTestApp } from '../support/app.ts'
import { captureLog } from '../support/log-capture.ts'
import { staffWithToken, ticketInput } from '../support/tickets.ts'

type JsonSchema = {
  type?: string
  format?: string
  nullable?: boolean
  enum?: unknown[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: JsonSchema | boolean
  items?: JsonSchema
  anyOf?: JsonSchema[]
}
type Operation = { responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> }

const typeOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value

/** Where `value` departs from the documented schema, as `path: problem` lines (enough of JSON Schema for ours). */
function departures(value: unknown, schema: JsonSchema, path = '$'): string[] {
  if (Object.keys(schema).length === 0) return [] // {}: anything, as z.unknown() documents itself
  if (value === null) return schema.nullable || schema.enum?.includes(null) ? [] : [`${path}: null`]
  if (schema.anyOf) {
    return schema.anyOf.some((option) => departures(value, option, path).length === 0) ? [] : [`${path}: no anyOf`]
  }
  if (schema.enum && !schema.enum.includes(value)) return [`${path}: ${String(value)} not in enum`]
  const actual = typeOf(value)
  if (schema.type && schema.type !== actual && !(schema.type === 'number' && actual === 'integer')) {
    return [`${path}: ${actual}, documented ${schema.type}`]
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => departures(item, schema.items ?? {}, `${path}[${i}]`))
  if (actual !== 'object') return []
  const record = value as Record<string, unknown>
  const missing = (schema.required ?? []).filter((key) => !(key in record)).map((key) => `${path}.${key}: missing`)
  return [
    ...missing,
    ...Object.entries(record).flatMap(([key, item]) => {
      const property = schema.properties?.[key] ?? schema.additionalProperties
      if (property === undefined || property === false) return [`${path}.${key}: not documented`]
      return property === true ? [] : departures(item, property, `${path}.${key}`)
    }),
  ]
}

describe('the OpenAPI document at /docs/json', () => {
  let db: Db
  let app: FastifyInstance
  let operations: (readonly [string, Operation])[]
  let spec: { paths: Record<string, Record<string, Operation>> }

  beforeAll(async () => {
    db = await createPgliteDb()
    ;({ app } = await createTestApp(db, { knowledge: false }))
    spec = (await app.inject({ url: '/docs/json' })).json()
    operations = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => [`${method} ${path}`, op] as const))
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  it('documents a success body for every /api route: a schema per media type, or 204 without content', () => {
    expect(operations.length).toBeGreaterThan(40)
    const undocumented = operations.filter(([, op]) =>
      Object.entries(op.responses).every(
        ([status, response]) =>
          !status.startsWith('2') ||
          (status !== '204' && !Object.values(response.content ?? {}).some((media) => media.schema)),
      ),
    )
    expect(undocumented.map(([route]) => route)).toEqual([])
  })

  it('documents the errors every route can answer; staff routes 401, and 403 on every change (CSRF)', () => {
    for (const [route, op] of operations) {
      const statuses = Object.keys(op.responses)
      expect(statuses, route).toEqual(expect.arrayContaining(['400', '429', '503']))
      const [method] = route.split(' ')
      if (!route.includes(' /api/staff/') || route.endsWith('/login')) continue
      if (!route.endsWith('/logout')) expect(statuses, route).toContain('401')
      if (method !== 'get') expect(statuses, route).toContain('403')
    }
  })

  it('declares the CSV export and the event stream with their own media types, not JSON', () => {
    expect(Object.keys(spec.paths['/api/staff/turns.csv']?.get?.responses['200']?.content ?? {})).toEqual(['text/csv'])
    expect(Object.keys(spec.paths['/api/chat/stream']?.post?.responses['200']?.content ?? {})).toEqual([
      'text/event-stream',
    ])
  })

  it('matches a real staff ticket detail, field for field, to the documented 200 shape', async () => {
    const agent = await staffWithToken(db, '张三', 'agent')
    const { ticket } = await openTicket(db, ticketInput(), {
      now: new Date(),
      transcript: [{ role: 'user', text: '秤不准', at: new Date().toISOString() }],
      sources: [
        { n: 1, chunkId: 7, docId: 'metrology-verification', title: '计量', section: '七、商户自查', quote: '自查' },
      ],
    })
    const headers = { authorization: `Bearer ${agent.token}` }
    const url = `/api/staff/tickets/${ticket.number}`
    expect((await app.inject({ method: 'POST', url: `${url}/claim`, headers })).statusCode).toBe(200)
    const replied = await app.inject({ method: 'POST', url: `${url}/replies`, headers, payload: { body: '已受理' } })
    expect(replied.statusCode).toBe(201)
    await app.inject({ method: 'POST', url: `${url}/notes`, headers, payload: { body: '内部备注' } })

    const detail = (await app.inject({ url, headers })).json()
    expect(detail.sources[0]).toMatchObject({ chunkId: 7, n: 1 })
    expect(detail.thread.map((entry: { kind: string }) => entry.kind)).toEqual(['reply', 'note'])
    const documented = spec.paths['/api/staff/tickets/{number}']?.get?.responses['200']?.content?.['application/json']
    expect(documented?.schema?.required).toEqual(expect.arrayContaining(['number', 'thread', 'sources', 'events']))
    expect(documented?.schema?.properties?.createdAt).toMatchObject({ type: 'string', format: 'date-time' })
    expect(departures(detail, documented?.schema ?? {})).toEqual([])
    // The check itself can fail: a field the document does not name is reported.
    expect(departures({ ...detail, secret: 1 }, documented?.schema ?? {})).toEqual(['$.secret: not documented'])
  })
})

describe('a reply its response schema refuses', () => {
  it('is a logged 500, not a 400 that blames the request', async () => {
    const log = captureLog()
    const app = Fastify({ logger: { level: 'error', stream: log.stream } })
    useZodSchemas(app)
    registerErrorHandler(app)
    // A handler that drifted from its schema: the count went out as a string.
    app.get('/drifted', { schema: { response: { 200: z.object({ count: z.number() }) } } }, async () => ({
      count: '3' as unknown as number,
    }))
    const response = await app.inject({ url: '/drifted' })
    await app.close()
    expect(response.statusCode).toBe(500)
    expect(response.json()).toMatchObject({ error: 'internal_error' })
    expect(log.lines.join('')).toContain('reply does not match its response schema')
  })
})
