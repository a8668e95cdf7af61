import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/index.ts'
import { openTicket } from '../../src/tickets/open-ticket.ts'
import { createTestApp } from '../support/app.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { captureLog } from '../support/log-capture.ts'
import { staffWithToken, ticketInput } from '../support/tickets.ts'

describe.each(testDatabases)('small hardening on $name', (database) => {
  let db: Db
  let app: FastifyInstance
  const log = captureLog()
  let supervisor: { token: string }

  const chat = (message: string, sessionId?: string) =>
    app.inject({ method: 'POST', url: '/api/chat', payload: { message, ...(sessionId ? { sessionId } : {}) } })

  beforeAll(async () => {
    db = await createMigratedDb(database)
    ;({ app } = await createTestApp(db, {
      knowledge: 'test/fixtures/knowledge',
      logger: { level: 'info', stream: log.stream },
    }))
    supervisor = await staffWithToken(db, '李主管', 'supervisor')
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  it('runs the turns of one session one at a time: concurrent messages get 200 or a 409 in Chinese, never a 500', async () => {
    const first = (await chat('电子秤需要检定吗？')).json()
    const responses = await Promise.all(Array.from({ length: 20 }, () => chat('检定周期多长？', first.sessionId)))
    const statuses = responses.map((response) => response.statusCode)
    expect(statuses.filter((status) => status !== 200 && status !== 409)).toEqual([])
    for (const response of responses.filter((r) => r.statusCode === 409)) {
      expect(response.json().message).toBe('上一条消息还在处理中，请等回答出来后再发送下一条。')
    }
    const [row] = await db.query<{ n: number }>('select count(*)::int as n from chat_turns where session_id = $1', [
      first.sessionId,
    ])
    expect(row?.n).toBe(1 + statuses.filter((status) => status === 200).length)
    // And the session is free again afterwards.
    expect((await chat('谢谢', first.sessionId)).statusCode).toBe(200)
  })

  it('gives a repeated "确认" of one intake the same ticket, not a 409 about an Idempotency-Key', async () => {
    const input = ticketInput({ description: '同一次登记的重复确认' })
    const key = 'chat:session-x:1'
    const first = await openTicket(db, input, {
      idempotencyKey: key,
      transcript: [{ role: 'user', text: '确认', at: '2026-12-01T10:00:00.000Z' }],
    })
    const again = await openTicket(db, input, {
      idempotencyKey: key,
      transcript: [{ role: 'user', text: '确认', at: '2026-12-01T10:00:03.000Z' }],
    })
    expect(again).toEqual({ ticket: first.ticket, replayed: true })
  })

  it('answers 400, not 500, for ids beyond the database integer range', async () => {
    const turn = (await chat('电子秤需要检定吗？')).json()
    const feedback = await app.inject({
      method: 'POST',
      url: '/api/chat/feedback',
      payload: { sessionId: turn.sessionId, turnId: 2 ** 31, rating: 'up' },
    })
    expect(feedback.statusCode).toBe(400)
    expect(feedback.json().message).toContain('turnId')
    const opened = await openTicket(db, ticketInput())
    const reassign = await app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${opened.ticket.number}/reassign`,
      headers: { authorization: `Bearer ${supervisor.token}` },
      payload: { assigneeId: 2 ** 31 },
    })
    expect(reassign.statusCode).toBe(400)
    expect(reassign.json().message).toContain('工作人员编号')
  })

  it('masks a phone number after a percent-escape, or written in escapes, in the request log', async () => {
    await app.inject({ method: 'GET', url: '/api/tickets/%2013800138000' })
    await app.inject({ method: 'GET', url: '/api/tickets/QD%31%33%39%30%30%31%33%39%30%30%30' })
    const logged = log.lines.join('')
    expect(logged).toContain('138****8000')
    expect(logged).not.toMatch(/13800138000|13900139000/)
    expect(logged).not.toContain('%31%33%39%30')
  })

  it('shows the phone masked in the intake summary, and no sessionId to staff', async () => {
    let reply = (await chat('我要投诉，超市的电子秤缺斤少两，买的苹果少了二两')).json()
    const sessionId = reply.sessionId as string
    const answers: Record<string, string> = {
      merchant: '浦东新区张杨路100号的联华超市',
      purchase: '11月20日买的苹果',
      amount: '30元',
      wish: '退货退款',
      contactName: '王芳',
      phone: '13800138000',
      notify: '跳过',
    }
    for (let i = 0; i < 10 && reply.intake?.step !== 'confirm'; i++) {
      reply = (await chat(answers[reply.intake?.step as string] ?? '跳过', sessionId)).json()
    }
    expect(reply.intake?.step).toBe('confirm')
    expect(reply.answer).toContain('138****8000')
    expect(reply.answer).not.toContain('13800138000')
    const corrected = (await chat('电话改成13900139000', sessionId)).json()
    expect(corrected.answer).not.toContain('13900139000')
    const done = (await chat('确认', sessionId)).json()
    expect(done.ticket?.number).toBeDefined()

    await app.inject({
      method: 'POST',
      url: '/api/chat/feedback',
      payload: { sessionId, turnId: done.turnId, rating: 'down' },
    })
    const staff = { authorization: `Bearer ${supervisor.token}` }
    const feedback = await app.inject({ method: 'GET', url: '/api/staff/feedback', headers: staff })
    const detail = await app.inject({ method: 'GET', url: `/api/staff/tickets/${done.ticket.number}`, headers: staff })
    for (const response of [feedback, detail]) {
      expect(response.statusCode).toBe(200)
      expect(response.body).not.toContain(sessionId)
    }
    expect(detail.json().conversation).toMatch(/^[0-9a-f]{10}$/)
    expect(feedback.json().turns[0].conversation).toBe(detail.json().conversation)
  })
})
