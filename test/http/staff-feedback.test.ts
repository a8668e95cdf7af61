import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/index.ts'
import { createTestApp } from '../support/app.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { staffWithToken } from '../support/tickets.ts'

describe.each(testDatabases)('GET /api/staff/feedback on $name', (database) => {
  let db: Db
  let app: FastifyInstance
  let agent: { token: string }

  const rate = async (message: string, rating: 'up' | 'down', comment?: string) => {
    const chat = (await app.inject({ method: 'POST', url: '/api/chat', payload: { message } })).json()
    const response = await app.inject({
      method: 'POST',
      url: '/api/chat/feedback',
      payload: { sessionId: chat.sessionId, turnId: chat.turnId, rating, ...(comment ? { comment } : {}) },
    })
    expect(response.statusCode).toBe(200)
    return chat.turnId as number
  }
  const list = (query = '', token = agent.token) =>
    app.inject({ method: 'GET', url: `/api/staff/feedback${query}`, headers: { authorization: `Bearer ${token}` } })

  beforeAll(async () => {
    db = await createMigratedDb(database)
    ;({ app } = await createTestApp(db, { knowledge: 'test/fixtures/knowledge' }))
    agent = await staffWithToken(db, '张三', 'agent')
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  it('needs a staff token', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/staff/feedback' })
    expect(response.statusCode).toBe(401)
    expect(response.headers['www-authenticate']).toBe('Bearer')
  })

  it('lists 👎 answers newest first, with the question, answer, citations and comment, phone numbers masked', async () => {
    const first = await rate('电子秤多久检一次？', 'down', '我是13800138000，想问上门')
    await rate('投诉和举报有什么区别？', 'up')
    const second = await rate('CCC免办需要哪些材料？', 'down')
    const response = await list()
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.total).toBe(2)
    expect(body.turns.map((turn: { turnId: number }) => turn.turnId)).toEqual([second, first])
    const older = body.turns[1]
    expect(older).toMatchObject({ rating: 'down', message: '电子秤多久检一次？', comment: '我是138****8000，想问上门' })
    expect(typeof older.answer).toBe('string')
    expect(Array.isArray(older.citations)).toBe(true)
    expect(body.turns[0].comment).toBeNull()
  })

  it('filters by rating and pages', async () => {
    expect((await list('?rating=up')).json().total).toBe(1)
    const page = (await list('?limit=1&offset=1')).json()
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 1 })
    expect(page.turns).toHaveLength(1)
    const bad = await list('?rating=meh')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().message).toContain('rating')
  })
})
