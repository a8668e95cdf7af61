import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/index.ts'
import { createTestApp } from '../support/app.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { staffWithToken } from '../support/tickets.ts'

describe.each(testDatabases)('a complaint typed into /api/chat becomes a ticket staff answer, on $name', (database) => {
  let db: Db
  let app: FastifyInstance

  beforeAll(async () => {
    db = await createMigratedDb(database)
    ;({ app } = await createTestApp(db))
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  const conversation = () => {
    let sessionId: string | undefined
    return async (message: string) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/chat',
        payload: { message, sessionId, audience: 'citizen' },
      })
      expect(response.statusCode).toBe(200)
      const body = response.json()
      sessionId = body.sessionId
      return body
    }
  }

  it('guides first, collects and corrects the details, asks for consent, and files one ticket', async () => {
    const say = conversation()
    const first = await say('我在超市买的电热水壶一用就漏电，差点触电，我要投诉这家超市')
    expect(first.intent).toBe('complaint')
    expect(first.grounded).toBe(true)
    expect(first.citations[0]?.docId).toBe('complaints-and-reports')
    expect(first.intake?.step).toBe('contactName')

    expect((await say('王芳')).intake?.step).toBe('phone')
    const wrongPhone = await say('12345')
    expect(wrongPhone.intake?.step).toBe('phone')
    expect(wrongPhone.answer).toContain('号码好像不对')
    expect((await say('13812345678')).intake?.step).toBe('confirm')
    const corrected = await say('电话改成13987654321')
    expect(corrected.intake?.step).toBe('confirm')
    // Masked in what the chat says back: whoever holds the sessionId reads it.
    expect(corrected.answer).toContain('139****4321')
    expect(corrected.answer).not.toContain('13987654321')

    const done = await say('确认')
    expect(done.ticket?.number).toMatch(/^QD-\d{8}-\d{4}$/)
    expect(done.ticket?.lookupToken).toBeTruthy()
    expect(done.answer).toContain(done.ticket.number)
    const number = done.ticket.number as string

    const [ticket] = await db.query<{ phone: string; priority: string; category: string; transcript: unknown[] }>(
      'select phone, priority, category, transcript from tickets where number = $1',
      [number],
    )
    expect(ticket).toMatchObject({ phone: '13987654321', priority: 'high', category: 'complaint' })
    expect(ticket?.transcript.length).toBeGreaterThan(4)

    // A repeated "确认" must not file a second ticket.
    const again = await say('确认')
    expect(again.ticket).toBeUndefined()
    const [count] = await db.query<{ count: number }>('select count(*)::int as count from tickets')
    expect(count?.count).toBe(1)

    const { token } = await staffWithToken(db, '李四', 'agent')
    const auth = { authorization: `Bearer ${token}` }
    const claim = await app.inject({ method: 'POST', url: `/api/staff/tickets/${number}/claim`, headers: auth })
    expect(claim.statusCode).toBe(200)
    const reply = await app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${number}/replies`,
      headers: auth,
      payload: { body: '已联系超市，明天上门处理退换。' },
    })
    expect(reply.statusCode).toBe(201)

    const lookup = await app.inject({
      method: 'GET',
      url: `/api/tickets/${number}`,
      headers: { 'x-lookup-token': done.ticket.lookupToken },
    })
    expect(lookup.statusCode).toBe(200)
    expect(JSON.stringify(lookup.json())).toContain('已联系超市，明天上门处理退换。')
    expect(JSON.stringify(lookup.json())).not.toContain('13987654321')
    const wrong = await app.inject({
      method: 'GET',
      url: `/api/tickets/${number}`,
      headers: { 'x-lookup-token': 'WRONG123' },
    })
    expect(wrong.statusCode).toBe(404)
  })

  it('lets the requester cancel at any point, and files nothing', async () => {
    const [before] = await db.query<{ count: number }>('select count(*)::int as count from tickets')
    const say = conversation()
    expect((await say('转人工')).intake).toBeDefined()
    const cancelled = await say('算了，不用了')
    expect(cancelled.intake).toBeUndefined()
    expect(cancelled.ticket).toBeUndefined()
    const [after] = await db.query<{ count: number }>('select count(*)::int as count from tickets')
    expect(after?.count).toBe(before?.count)
  })
})
