import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/index.ts'
import { createTestApp } from '../support/app.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { staffWithToken } from '../support/tickets.ts'

const form = {
  category: 'complaint',
  description: '在楼下水果店买的苹果回家一称少了二两',
  contactName: '王芳',
  phone: '13800138000',
  audience: 'citizen',
  consent: true,
}

describe.each(testDatabases)('public ticket API on $name', (database) => {
  let db: Db
  let app: FastifyInstance
  const clock = { now: new Date('2026-11-25T02:00:00Z') }

  beforeAll(async () => {
    db = await createMigratedDb(database)
    ;({ app } = await createTestApp(db, { knowledge: false, now: () => clock.now }))
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/tickets', payload: body as object, headers })
  const countTickets = async () => (await db.query<{ n: number }>('select count(*)::int as n from tickets'))[0]!.n

  describe('POST /api/tickets', () => {
    it('opens a ticket and says, in Chinese, how to follow up', async () => {
      const response = await post(form)
      expect(response.statusCode).toBe(201)
      const body = response.json()
      expect(body.ticket).toMatchObject({ number: 'QD-20261125-0001', status: 'new', priority: 'normal' })
      expect(body.ticket.lookupToken).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
      expect(body.ticket.slaDueAt).toBe('2026-12-04T09:00:00.000Z')
      expect(body.message).toContain(body.ticket.number)
      expect(body.message).toContain(body.ticket.lookupToken)
      expect(body.message).toContain('只显示这一次')
    })

    it('adds emergency advice when a safety risk is described', async () => {
      const response = await post({ ...form, description: '电暖器插上就冒烟起火了，孩子差点烫伤' })
      expect(response.statusCode).toBe(201)
      expect(response.json().ticket.priority).toBe('high')
      expect(response.json().message).toContain('119')
    })

    it.each([
      [{ consent: false }, 'consent'],
      [{ consent: 'yes' }, 'consent'],
      [{ phone: '12345' }, 'phone'],
      [{ category: 'refund' }, 'category'],
      [{ description: '坏了' }, 'description'],
      [{ audience: 'enterprise' }, 'companyName'],
      [{ category: 'metrology_onsite' }, 'address'],
    ])('refuses %j with 400 naming %s', async (change, field) => {
      const before = await countTickets()
      const response = await post({ ...form, ...change })
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({ error: 'invalid_input', fields: expect.arrayContaining([field]) })
      expect(response.json().message).toMatch(/[\u4e00-\u9fa5]/)
      expect(await countTickets()).toBe(before)
    })

    it('refuses a form without consent at all', async () => {
      const { consent: _omitted, ...withoutConsent } = form
      const response = await post(withoutConsent)
      expect(response.statusCode).toBe(400)
      expect(response.json().fields).toContain('consent')
    })

    it('accepts an enterprise on-site request with company and address', async () => {
      const response = await post({
        ...form,
        category: 'metrology_onsite',
        audience: 'enterprise',
        companyName: '上海某某市场经营管理有限公司',
        address: '浦东新区世纪大道100号',
        phone: '021-12345678',
      })
      expect(response.statusCode).toBe(201)
    })
  })

  describe('Idempotency-Key', () => {
    it('a retry returns the same ticket with 200 and makes no second one', async () => {
      const before = await countTickets()
      const first = await post(form, { 'idempotency-key': 'http-key-1' })
      const retry = await post(form, { 'idempotency-key': 'http-key-1' })
      expect(first.statusCode).toBe(201)
      expect(retry.statusCode).toBe(200)
      expect(retry.json()).toEqual(first.json())
      expect(await countTickets()).toBe(before + 1)
    })

    it('concurrent requests with one key make one ticket', async () => {
      const before = await countTickets()
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => post(form, { 'idempotency-key': 'http-key-2' })),
      )
      expect(responses.map((response) => response.statusCode).sort()).toEqual([
        200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
      ])
      expect(new Set(responses.map((response) => response.json().ticket.number)).size).toBe(1)
      expect(await countTickets()).toBe(before + 1)
    })

    it('the same key with another body is a 409', async () => {
      await post(form, { 'idempotency-key': 'http-key-3' })
      const response = await post({ ...form, contactName: '李四' }, { 'idempotency-key': 'http-key-3' })
      expect(response.statusCode).toBe(409)
      expect(response.json().message).toContain('Idempotency-Key')
    })

    it('refuses an unusable key', async () => {
      const response = await post(form, { 'idempotency-key': 'x'.repeat(201) })
      expect(response.statusCode).toBe(400)
    })
  })

  describe('GET /api/tickets/:number', () => {
    it('shows status, deadlines, what was submitted (masked), history, staff replies and what is needed; no names', async () => {
      const { ticket } = (await post(form)).json()
      const { token } = await staffWithToken(db, '张三', 'agent')
      const auth = { authorization: `Bearer ${token}` }
      await app.inject({ method: 'POST', url: `/api/staff/tickets/${ticket.number}/claim`, headers: auth })
      await app.inject({
        method: 'POST',
        url: `/api/staff/tickets/${ticket.number}/replies`,
        headers: auth,
        payload: { body: '您好，请提供购物小票照片。', waitingUser: true },
      })

      const response = await app.inject({
        method: 'GET',
        url: `/api/tickets/${ticket.number}`,
        headers: { 'x-lookup-token': ticket.lookupToken },
      })
      expect(response.statusCode).toBe(200)
      const view = response.json().ticket
      expect(Object.keys(view).sort()).toEqual(
        [
          'category',
          'categoryLabel',
          'createdAt',
          'firstResponseDueAt',
          'history',
          'messages',
          'needed',
          'number',
          'replies',
          'slaDueAt',
          'status',
          'statusLabel',
          'submitted',
        ].sort(),
      )
      expect(view).toMatchObject({
        number: ticket.number,
        status: 'waiting_user',
        category: 'complaint',
        slaDueAt: ticket.slaDueAt,
        needed: '您好，请提供购物小票照片。',
      })
      expect(view.replies).toEqual([{ body: '您好，请提供购物小票照片。', createdAt: expect.any(String) }])
      expect(view.submitted).toContainEqual({ label: '联系人', value: '王*' })
      expect(view.history.map((entry: { text: string }) => entry.text)).toEqual([
        '您提交了工单',
        '工作人员已受理',
        '工作人员答复了您',
        '状态改为“等待您补充信息”',
      ])
      for (const secret of ['13800138000', '王芳', '张三']) expect(response.body).not.toContain(secret)

      const byQuery = await app.inject({
        method: 'GET',
        url: `/api/tickets/${ticket.number}?token=${ticket.lookupToken.toLowerCase()}`,
      })
      expect(byQuery.statusCode).toBe(200)
    })

    it('answers a wrong or missing token exactly like an unknown number', async () => {
      const { ticket } = (await post(form)).json()
      const unknown = await app.inject({
        method: 'GET',
        url: '/api/tickets/QD-20990101-0001',
        headers: { 'x-lookup-token': ticket.lookupToken },
      })
      const wrong = await app.inject({
        method: 'GET',
        url: `/api/tickets/${ticket.number}`,
        headers: { 'x-lookup-token': 'AAAAAAAA' },
      })
      const missing = await app.inject({ method: 'GET', url: `/api/tickets/${ticket.number}` })
      for (const response of [unknown, wrong, missing]) {
        expect(response.statusCode).toBe(404)
        expect(response.body).toBe(unknown.body)
      }
      expect(unknown.json().message).toContain('查询码')
    })
  })
})
