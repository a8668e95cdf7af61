import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/index.ts'
import { createTestApp } from '../support/app.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { staffWithToken } from '../support/tickets.ts'
import { ask } from '../support/uploads.ts'

describe.each(testDatabases)('conversation log, answer statistics and retrieval test on $name', (database) => {
  let db: Db
  let app: FastifyInstance
  let agent: { token: string }
  let refusedSession: string
  const get = (url: string) =>
    app.inject({ method: 'GET', url: `/api/staff${url}`, headers: { authorization: `Bearer ${agent.token}` } })
  const rate = (chat: { sessionId: string; turnId: number }, rating: 'up' | 'down', comment?: string) =>
    app.inject({ method: 'POST', url: '/api/chat/feedback', payload: { ...chat, rating, comment } })

  beforeAll(async () => {
    db = await createMigratedDb(database)
    ;({ app } = await createTestApp(db, { knowledge: 'test/fixtures/knowledge' }))
    agent = await staffWithToken(db, '张三', 'agent')
    const answered = await ask(app, '什么是强制检定？')
    await rate(answered, 'up')
    const refused = await ask(app, '我是13800138000，眼镜店的验光仪需要检定吗？')
    await rate(refused, 'down', '没回答，电话13900139000')
    refusedSession = refused.sessionId
    await ask(app, '眼镜店的验光仪需要检定吗')
    await ask(app, '你好')
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  it('needs a staff token', async () => {
    for (const url of ['/turns', '/turns.csv', '/answer-stats']) {
      expect((await app.inject({ method: 'GET', url: `/api/staff${url}` })).statusCode).toBe(401)
    }
    expect((await app.inject({ method: 'POST', url: '/api/staff/search', payload: { query: 'x' } })).statusCode).toBe(
      401,
    )
  })

  it('lists every turn newest first with its outcome, personal data masked', async () => {
    const body = (await get('/turns')).json()
    expect(body).toMatchObject({ total: 4, page: 1, pageSize: 50 })
    const [greeting, , refused, answered] = body.turns
    expect(greeting).toMatchObject({ intent: 'smalltalk', audience: 'citizen' })
    expect(refused).toMatchObject({
      message: '我是138****8000，眼镜店的验光仪需要检定吗？',
      grounded: false,
      rating: 'down',
      comment: '没回答，电话139****9000',
      citations: [],
    })
    expect(answered).toMatchObject({ grounded: true, rating: 'up', mode: 'extractive' })
    // The sessionId would let a reader go on in the requester's conversation: a one-way reference instead.
    expect(refused.conversation).toMatch(/^[0-9a-f]{10}$/)
    expect(JSON.stringify(body)).not.toContain(refusedSession)
    expect(answered.citations[0].docId).toBe('sample-guide')
    expect(typeof answered.latencyMs).toBe('number')
  })

  it('filters by outcome, rating, text, intent, cited document and date', async () => {
    const total = async (query: string) => (await get(`/turns?${query}`)).json().total
    expect(await total('grounded=false&intent=policy_question')).toBe(2)
    expect(await total('rating=down')).toBe(1)
    expect(await total('q=验光仪')).toBe(2)
    expect(await total('q=%25')).toBe(0)
    expect(await total('doc=sample-guide')).toBe(1)
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
    expect(await total(`from=${today}&to=${today}`)).toBe(4)
    expect(await total('to=2020-01-01')).toBe(0)
    const reasons = (await get('/turns?grounded=false&intent=policy_question'))
      .json()
      .turns.map((turn: { refusalReason: string }) => turn.refusalReason)
    expect(reasons).toHaveLength(2)
    for (const reason of new Set(reasons)) {
      expect(await total(`reason=${reason}`)).toBe(reasons.filter((r: string) => r === reason).length)
    }
    expect(await total('reason=partial')).toBe(0)
    const unknownReason = await get('/turns?reason=because')
    expect(unknownReason.statusCode).toBe(400)
    expect(unknownReason.json().message).toMatch(/未答原因/)
    const bad = await get('/turns?from=yesterday')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().message).toMatch(/YYYY-MM-DD/)
  })

  it('exports the filtered log as CSV for a spreadsheet, masked and formula-safe', async () => {
    await ask(app, '=HYPERLINK("http://example.com")')
    const response = await get('/turns.csv?q=HYPERLINK')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/text\/csv/)
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="turns-\d{4}-\d{2}-\d{2}\.csv"/)
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toMatch(/^时间,对象,问题,/)
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://example.com"")"`)
    expect((await get('/turns.csv')).body).not.toContain('13800138000')
  })

  it('counts questions per day, shares, ratings and the most frequent refused questions', async () => {
    const stats = (await get('/answer-stats?days=7')).json()
    expect(stats.totals).toMatchObject({ questions: 3, answered: 1, faq: 0, refused: 2, up: 1, down: 1 })
    expect(stats.shares).toEqual({ answered: 0.333, faq: 0, refused: 0.667 })
    expect(stats.perDay).toHaveLength(1)
    expect(stats.topRefused[0]).toMatchObject({ count: 1 })
    expect(stats.topRefused.map((row: { question: string }) => row.question)).toContain('眼镜店的验光仪需要检定吗')
    expect(JSON.stringify(stats)).not.toContain('13800138000')
  })

  it('shows what a question finds, with scores and why, without logging a turn', async () => {
    const before = (await get('/turns')).json().total
    const response = await app.inject({
      method: 'POST',
      url: '/api/staff/search',
      headers: { authorization: `Bearer ${agent.token}` },
      payload: { query: '什么是强制检定？', limit: 3 },
    })
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.passages).toHaveLength(3)
    expect(body.passages[0]).toMatchObject({ position: 1, docId: 'sample-guide' })
    for (const key of ['score', 'coverage', 'fusionScore', 'lexicalRank', 'vectorRank', 'section', 'locator']) {
      expect(body.passages[0]).toHaveProperty(key)
    }
    expect(body.passages[0].score).toBeGreaterThanOrEqual(body.passages[1].score)
    expect(body.outcome).toMatchObject({ grounded: true, mode: 'extractive' })
    const refused = (
      await app.inject({
        method: 'POST',
        url: '/api/staff/search',
        headers: { authorization: `Bearer ${agent.token}` },
        payload: { query: '眼镜店的验光仪需要检定吗' },
      })
    ).json()
    expect(refused.outcome.grounded).toBe(false)
    expect(refused.outcome.answer).toMatch(/资料没有涉及/)
    expect((await get('/turns')).json().total).toBe(before)
  })
})
