import type { FastifyInstance, InjectOptions } from 'fastify'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { createPgliteDb, type Db } from '../../src/db/index.ts'
import { createTestApp } from '../support/app.ts'
import { ticketInput } from '../support/tickets.ts'

const VISITOR = '203.0.113.7'
const OTHER = '198.51.100.23'

describe('per-client rate limits', () => {
  let db: Db
  let app: FastifyInstance | undefined
  beforeAll(async () => {
    db = await createPgliteDb()
  })
  afterEach(async () => {
    await app?.close()
    app = undefined
  })
  afterAll(() => db.close())

  // A fresh app with fresh counters (they live in the database, shared by every app on it).
  const start = async (env: Record<string, string>) => {
    await app?.close()
    ;({ app } = await createTestApp(db, { knowledge: false, env }))
    await db.query('delete from rate_limit_counters')
    return app
  }
  const chat = (from: string, url = '/api/chat', headers: InjectOptions['headers'] = {}) =>
    (app as FastifyInstance).inject({ method: 'POST', url, payload: { message: '你好' }, remoteAddress: from, headers })

  it('are on by default: 30 chat turns a minute, 10 tickets an hour', () => {
    const config = loadConfig({})
    expect(config.CHAT_RATE_LIMIT_PER_MINUTE).toBe(30)
    expect(config.TICKET_RATE_LIMIT_PER_HOUR).toBe(10)
  })

  it('answer 429 with Retry-After and a Chinese message; both chat routes share one budget', async () => {
    await start({ CHAT_RATE_LIMIT_PER_MINUTE: '3' })
    for (let i = 0; i < 2; i++) expect((await chat(VISITOR)).statusCode).toBe(200)
    expect((await chat(VISITOR, '/api/chat/stream')).statusCode).toBe(200)
    for (const url of ['/api/chat', '/api/chat/stream']) {
      const limited = await chat(VISITOR, url)
      expect(limited.statusCode).toBe(429)
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60)
      expect(limited.json()).toEqual({
        error: 'rate_limited',
        message: expect.stringMatching(/^提问太频繁了，请 \d+ 秒后再试/),
      })
    }
    // Someone else is not held back, and other routes are not limited.
    expect((await chat(OTHER)).statusCode).toBe(200)
    const documents = await app!.inject({ method: 'GET', url: '/api/documents', remoteAddress: VISITOR })
    expect(documents.statusCode).toBe(200)
  })

  it('limit tickets per hour', async () => {
    await start({ TICKET_RATE_LIMIT_PER_HOUR: '2' })
    const count = async () => (await db.query<{ n: number }>('select count(*)::int as n from tickets'))[0]?.n ?? 0
    const before = await count()
    const open = () =>
      app!.inject({ method: 'POST', url: '/api/tickets', payload: ticketInput(), remoteAddress: VISITOR })
    expect((await open()).statusCode).toBe(201)
    expect((await open()).statusCode).toBe(201)
    const limited = await open()
    expect(limited.statusCode).toBe(429)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(60)
    expect(limited.json().message).toMatch(/^提交工单太频繁了，请 约 \d+ 分钟后再试/)
    expect((await count()) - before).toBe(2)
  })

  it('limit loopback too unless it is listed in RATE_LIMIT_ALLOWLIST (a proxy on this host must not switch them off)', async () => {
    await start({ CHAT_RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_ALLOWLIST: '' })
    expect((await chat('127.0.0.1')).statusCode).toBe(200)
    expect((await chat('127.0.0.1')).statusCode).toBe(429)
    await start({ CHAT_RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_ALLOWLIST: '::1' })
    for (let i = 0; i < 3; i++) expect((await chat('::1')).statusCode).toBe(200)
  })

  it('limit lookups, feedback and (once the routes exist) requester messages and staff login', async () => {
    await start({ LOOKUP_RATE_LIMIT_PER_MINUTE: '2', FEEDBACK_RATE_LIMIT_PER_MINUTE: '1' })
    const lookup = () =>
      app!.inject({ method: 'GET', url: '/api/tickets/QD-20261201-0001?token=ABCDEFGH', remoteAddress: VISITOR })
    expect((await lookup()).statusCode).toBe(404)
    expect((await lookup()).statusCode).toBe(404)
    const limited = await lookup()
    expect(limited.statusCode).toBe(429)
    expect(limited.json().message).toMatch(/^查询太频繁了/)
    const feedback = () =>
      app!.inject({
        method: 'POST',
        url: '/api/chat/feedback',
        payload: { sessionId: 'x', turnId: 1, rating: 'up' },
        remoteAddress: OTHER,
      })
    expect((await feedback()).statusCode).toBe(404)
    expect((await feedback()).statusCode).toBe(429)
  })

  it('can be switched off with 0 (the bench raises or disables them)', async () => {
    await start({ CHAT_RATE_LIMIT_PER_MINUTE: '0' })
    for (let i = 0; i < 5; i++) expect((await chat(VISITOR)).statusCode).toBe(200)
  })

  it('count the client behind a trusted proxy, and ignore X-Forwarded-For from anyone else', async () => {
    await start({ CHAT_RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY: '10.0.0.1' })
    const viaProxy = (client: string) => chat('10.0.0.1', '/api/chat', { 'x-forwarded-for': client })
    expect((await viaProxy(VISITOR)).statusCode).toBe(200)
    expect((await viaProxy(VISITOR)).statusCode).toBe(429)
    expect((await viaProxy(OTHER)).statusCode).toBe(200)
    // A client that sends its own X-Forwarded-For (here: a loopback address to dodge the limit) is still itself.
    expect((await chat('192.0.2.50', '/api/chat', { 'x-forwarded-for': '127.0.0.1' })).statusCode).toBe(200)
    expect((await chat('192.0.2.50', '/api/chat', { 'x-forwarded-for': '127.0.0.2' })).statusCode).toBe(429)
  })

  it('refuse TRUST_PROXY=true, which would let anyone choose their address', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/)
  })
})
