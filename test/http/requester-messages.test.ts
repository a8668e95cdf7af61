import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/index.ts'
import { createTestApp } from '../support/app.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { staffWithToken, ticketInput } from '../support/tickets.ts'

const VISITOR = '203.0.113.9'

describe.each(testDatabases)('requester messages: POST /api/tickets/:number/messages on $name', (database) => {
  let db: Db
  let app: FastifyInstance
  let auth: { authorization: string }
  const clock = { now: new Date('2026-11-25T02:00:00Z') }

  beforeAll(async () => {
    db = await createMigratedDb(database)
    ;({ app } = await createTestApp(db, {
      knowledge: false,
      now: () => clock.now,
      env: { MESSAGE_RATE_LIMIT_PER_HOUR: '5', TICKET_RATE_LIMIT_PER_HOUR: '0' },
    }))
    auth = { authorization: `Bearer ${(await staffWithToken(db, '李四', 'agent')).token}` }
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  const open = async () => {
    const response = await app.inject({ method: 'POST', url: '/api/tickets', payload: ticketInput() })
    return response.json().ticket as { number: string; lookupToken: string }
  }
  // Each test from its own address, so the rate limit of one does not spill into another.
  let address = 0
  const nextAddress = () => `198.51.100.${++address}`
  const send = (number: string, token: string | undefined, payload: object, remoteAddress = nextAddress()) =>
    app.inject({
      method: 'POST',
      url: `/api/tickets/${number}/messages`,
      payload,
      remoteAddress,
      headers: token === undefined ? {} : { 'x-lookup-token': token },
    })
  const staff = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url: `/api/staff${url}`, headers: auth, ...(payload ? { payload } : {}) })

  it('adds a message with evidence: 201, the lookup lists it and staff see it in the thread', async () => {
    const ticket = await open()
    const response = await send(ticket.number, ticket.lookupToken, {
      body: '商家今天又推脱了，说找厂家',
      evidence: '有购物小票和聊天截图',
    })
    expect(response.statusCode).toBe(201)
    expect(response.json().messageId).toBeGreaterThan(0)

    const lookup = await app.inject({
      method: 'GET',
      url: `/api/tickets/${ticket.number}`,
      headers: { 'x-lookup-token': ticket.lookupToken },
    })
    const view = lookup.json().ticket
    expect(view.messages).toEqual([
      { body: '商家今天又推脱了，说找厂家', evidence: '有购物小票和聊天截图', createdAt: clock.now.toISOString() },
    ])
    expect(view.history.map((entry: { text: string }) => entry.text)).toEqual(['您提交了工单', '您补充了信息'])
    expect(view.submitted).toContainEqual({ label: '联系电话', value: '138****8000' })
    expect(JSON.stringify(view)).not.toContain('13800138000')

    const detail = (await staff('GET', `/tickets/${ticket.number}`)).json()
    expect(detail.thread).toEqual([
      expect.objectContaining({
        kind: 'requester',
        body: '商家今天又推脱了，说找厂家',
        evidence: '有购物小票和聊天截图',
      }),
    ])
    expect(detail.requesterRepliedAt).toBe(clock.now.toISOString())
  })

  it('a wrong token is the same 404 as an unknown number, and stores nothing', async () => {
    const ticket = await open()
    const wrong = await send(ticket.number, 'WRONG234', { body: '补充一下情况' })
    const unknown = await send('QD-20261125-9999', ticket.lookupToken, { body: '补充一下情况' })
    const missing = await send(ticket.number, undefined, { body: '补充一下情况' })
    for (const response of [wrong, unknown, missing]) {
      expect(response.statusCode).toBe(404)
      expect(response.json()).toEqual(wrong.json())
    }
    expect(wrong.json().message).toContain('查询码')
    const [row] = await db.query<{ n: number }>(
      `select count(*)::int as n from requester_messages m join tickets t on t.id = m.ticket_id where t.number = $1`,
      [ticket.number],
    )
    expect(row?.n).toBe(0)
  })

  it('refuses empty, oversized and unknown fields with a 400 that names the field', async () => {
    const ticket = await open()
    const empty = await send(ticket.number, ticket.lookupToken, { body: '  ' })
    expect(empty.statusCode).toBe(400)
    expect(empty.json().message).toContain('补充的内容')
    const long = await send(ticket.number, ticket.lookupToken, { body: '多'.repeat(2001) })
    expect(long.statusCode).toBe(400)
    expect(long.json().message).toContain('2000')
    const evidence = await send(ticket.number, ticket.lookupToken, { body: '补充', evidence: '证'.repeat(1001) })
    expect(evidence.statusCode).toBe(400)
    expect(evidence.json().message).toContain('1000')
    const huge = await app.inject({
      method: 'POST',
      url: `/api/tickets/${ticket.number}/messages`,
      headers: { 'x-lookup-token': ticket.lookupToken, 'content-type': 'application/json' },
      payload: JSON.stringify({ body: 'x'.repeat(70 * 1024) }),
      remoteAddress: nextAddress(),
    })
    expect(huge.statusCode).toBe(413)
  })

  it('hands a ticket waiting for the requester back to its handler, marked as answered by them', async () => {
    const ticket = await open()
    await staff('POST', `/tickets/${ticket.number}/claim`)
    await staff('POST', `/tickets/${ticket.number}/replies`, { body: '请补充购物小票照片', waitingUser: true })
    const waiting = await app.inject({
      method: 'GET',
      url: `/api/tickets/${ticket.number}`,
      headers: { 'x-lookup-token': ticket.lookupToken },
    })
    expect(waiting.json().ticket).toMatchObject({ status: 'waiting_user', needed: '请补充购物小票照片' })

    expect((await send(ticket.number, ticket.lookupToken, { body: '小票照片已拍好，金额 199 元' })).statusCode).toBe(
      201,
    )
    const queue = (await staff('GET', '/tickets?status=claimed')).json()
    const row = queue.tickets.find((item: { number: string }) => item.number === ticket.number)
    expect(row).toMatchObject({ status: 'claimed', requesterRepliedAt: clock.now.toISOString() })
    const detail = (await staff('GET', `/tickets/${ticket.number}`)).json()
    expect(detail.thread.map((entry: { kind: string }) => entry.kind)).toEqual(['reply', 'requester'])

    // A reply clears the marker.
    await staff('POST', `/tickets/${ticket.number}/replies`, { body: '收到，正在联系商家' })
    expect((await staff('GET', `/tickets/${ticket.number}`)).json().requesterRepliedAt).toBeNull()
  })

  it('refuses a message to a resolved ticket with a 409 that says what to do', async () => {
    const ticket = await open()
    await staff('POST', `/tickets/${ticket.number}/claim`)
    await staff('POST', `/tickets/${ticket.number}/status`, { status: 'resolved' })
    const response = await send(ticket.number, ticket.lookupToken, { body: '还有一个问题' })
    expect(response.statusCode).toBe(409)
    expect(response.json().message).toContain('重新登记')
  })

  it('limits messages per client and hour: 429 with Retry-After', async () => {
    const ticket = await open()
    for (let i = 0; i < 5; i++) {
      expect((await send(ticket.number, ticket.lookupToken, { body: `第 ${i + 1} 次补充` }, VISITOR)).statusCode).toBe(
        201,
      )
    }
    const limited = await send(ticket.number, ticket.lookupToken, { body: '第 6 次补充' }, VISITOR)
    expect(limited.statusCode).toBe(429)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(60)
    expect(limited.json().message).toMatch(/^补充信息太频繁了/)
  })
})
