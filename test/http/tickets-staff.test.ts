import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/index.ts'
import { updateAccount } from '../../src/staff/accounts-repo.ts'
import { openTicket } from '../../src/tickets/open-ticket.ts'
import { createTestApp } from '../support/app.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { staffWithToken, ticketInput } from '../support/tickets.ts'

const wednesday10 = new Date('2026-11-25T02:00:00Z')

describe.each(testDatabases)('staff API on $name', (database) => {
  let db: Db
  let app: FastifyInstance
  const clock = { now: wednesday10 }
  let agent: Awaited<ReturnType<typeof staffWithToken>>
  let otherAgent: Awaited<ReturnType<typeof staffWithToken>>
  let supervisor: Awaited<ReturnType<typeof staffWithToken>>

  const as = (who: { token: string }) => ({ authorization: `Bearer ${who.token}` })
  const open = async (overrides = {}) =>
    (
      await openTicket(db, ticketInput({ description: '买的电子秤不准，商家电话13912345678也不接', ...overrides }), {
        now: clock.now,
        transcript: [{ role: 'user', text: '我叫王芳，电话13800138000，秤不准' }],
        sources: [{ docId: 'metrology-verification', section: '七、商户自查' }],
      })
    ).ticket.number

  beforeAll(async () => {
    db = await createMigratedDb(database)
    ;({ app } = await createTestApp(db, { knowledge: false, now: () => clock.now }))
    agent = await staffWithToken(db, '张三', 'agent')
    otherAgent = await staffWithToken(db, '李四', 'agent')
    supervisor = await staffWithToken(db, '赵主管', 'supervisor')
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  describe('authentication', () => {
    it('401 without a token, with a malformed one, an unknown one and one of a disabled account', async () => {
      const revoked = await staffWithToken(db, '离职人员', 'agent')
      await updateAccount(db, revoked.staff.id, { disabledAt: new Date() })
      const cases = [
        {},
        { authorization: 'Basic abc' },
        { authorization: `Bearer ${agent.token}x` },
        { authorization: `Bearer qd_999999_${'a'.repeat(43)}` },
        as(revoked),
      ]
      for (const headers of cases) {
        const response = await app.inject({ method: 'GET', url: '/api/staff/tickets', headers })
        expect(response.statusCode).toBe(401)
        expect(response.headers['www-authenticate']).toBe('Bearer')
        expect(response.json().error).toBe('unauthorized')
        expect(response.json().message).toContain('令牌')
      }
    })

    it('401 comes before validation: an anonymous caller learns nothing about the body', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/staff/tickets/X/status',
        payload: { status: 'nope' },
      })
      expect(response.statusCode).toBe(401)
    })

    it('GET /api/staff/me names the caller and role', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/staff/me', headers: as(supervisor) })
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual({
        id: supervisor.staff.id,
        name: '赵主管',
        role: 'supervisor',
        username: expect.any(String),
        csrfToken: null,
      })
    })
  })

  describe('queue and detail', () => {
    it('lists with personal data masked, and shows it in full only in the detail', async () => {
      const number = await open()
      const list = await app.inject({ method: 'GET', url: '/api/staff/tickets', headers: as(agent) })
      expect(list.statusCode).toBe(200)
      const item = list.json().tickets.find((ticket: { number: string }) => ticket.number === number)
      expect(item).toMatchObject({ contactName: '王*', phone: '138****8000', status: 'new', overdue: false })
      expect(item.preview).toContain('139****5678')
      expect(list.body).not.toMatch(/1[3-9]\d{9}/)
      expect(list.body).not.toContain('transcript')

      const detail = await app.inject({ method: 'GET', url: `/api/staff/tickets/${number}`, headers: as(agent) })
      expect(detail.statusCode).toBe(200)
      expect(detail.json()).toMatchObject({
        number,
        contactName: '王芳',
        phone: '13800138000',
        transcript: [{ role: 'user', text: '我叫王芳，电话13800138000，秤不准' }],
        sources: [{ docId: 'metrology-verification' }],
        replies: [],
        events: [{ action: 'created', actor: { kind: 'requester' } }],
      })
      expect(detail.body).not.toContain('lookup')
    })

    it('filters by status, category, priority and overdue, using the injected clock', async () => {
      const urgent = await open({ description: '燃气泄漏报警，家里有老人' })
      const query = (q: string) => app.inject({ method: 'GET', url: `/api/staff/tickets?${q}`, headers: as(agent) })
      const high = (await query('priority=high')).json()
      expect(high.tickets.map((t: { number: string }) => t.number)).toEqual([urgent])
      expect((await query('overdue=true')).json().total).toBe(0)

      clock.now = new Date(wednesday10.getTime() + 5 * 3_600_000) // five hours later
      const overdue = (await query('overdue=true')).json()
      expect(overdue.tickets.map((t: { number: string; overdue: boolean }) => [t.number, t.overdue])).toEqual([
        [urgent, true],
      ])
      const all = (await query('status=all&limit=1')).json()
      expect(all.tickets[0].number).toBe(urgent) // high priority first
      expect(all.total).toBeGreaterThanOrEqual(2)
      expect((await query('status=resolved,closed')).json().total).toBe(0)
      expect((await query('category=ccc_exemption_help')).json().total).toBe(0)
      clock.now = wednesday10
    })

    it('400 for a bad filter, 404 for an unknown ticket', async () => {
      const bad = await app.inject({ method: 'GET', url: '/api/staff/tickets?status=done', headers: as(agent) })
      expect(bad.statusCode).toBe(400)
      expect(bad.json().fields).toContain('status.0')
      const missing = await app.inject({
        method: 'GET',
        url: '/api/staff/tickets/QD-20990101-0001',
        headers: as(agent),
      })
      expect(missing.statusCode).toBe(404)
      expect(missing.json().message).toContain('QD-20990101-0001')
    })
  })

  it('of 20 simultaneous claims exactly one gets 200, the rest 409', async () => {
    const number = await open()
    const claimers = await Promise.all(Array.from({ length: 20 }, (_, i) => staffWithToken(db, `坐席${i}`, 'agent')))
    const responses = await Promise.all(
      claimers.map((claimer) =>
        app.inject({ method: 'POST', url: `/api/staff/tickets/${number}/claim`, headers: as(claimer) }),
      ),
    )
    const codes = responses.map((response) => response.statusCode)
    expect(codes.filter((code) => code === 200)).toHaveLength(1)
    expect(codes.filter((code) => code === 409)).toHaveLength(19)
    const winner = responses.find((response) => response.statusCode === 200)!.json()
    expect(winner.status).toBe('claimed')
    for (const loser of responses.filter((response) => response.statusCode === 409)) {
      expect(loser.json().message).toContain(`已由${winner.assignee.name}认领`)
    }
    const detail = await app.inject({ method: 'GET', url: `/api/staff/tickets/${number}`, headers: as(supervisor) })
    expect(detail.json().events.filter((event: { action: string }) => event.action === 'claimed')).toHaveLength(1)
  })

  it('reply, status changes and their checks', async () => {
    const number = await open()
    const url = `/api/staff/tickets/${number}`
    expect((await app.inject({ method: 'POST', url: `${url}/claim`, headers: as(agent) })).statusCode).toBe(200)
    const numbersOf = async (query: string) =>
      (await app.inject({ method: 'GET', url: `/api/staff/tickets?${query}`, headers: as(agent) }))
        .json()
        .tickets.map((ticket: { number: string }) => ticket.number)
    expect(await numbersOf('assignee=me')).toContain(number)
    expect(await numbersOf(`assignee=${otherAgent.staff.id}`)).not.toContain(number)
    expect(await numbersOf('assignee=none')).not.toContain(number)

    const reply = await app.inject({
      method: 'POST',
      url: `${url}/replies`,
      headers: as(agent),
      payload: { body: '请补充购买凭证', waitingUser: true },
    })
    expect(reply.statusCode).toBe(201)
    expect(reply.json().ticket).toMatchObject({ status: 'waiting_user', replies: [{ body: '请补充购买凭证' }] })

    const emptyReply = await app.inject({
      method: 'POST',
      url: `${url}/replies`,
      headers: as(agent),
      payload: { body: ' ' },
    })
    expect(emptyReply.statusCode).toBe(400)

    const invalid = await app.inject({
      method: 'POST',
      url: `${url}/status`,
      headers: as(agent),
      payload: { status: 'closed' },
    })
    expect(invalid.statusCode).toBe(409)
    expect(invalid.json()).toMatchObject({ error: 'conflict' })
    expect(invalid.json().message).toContain('不能直接改为')

    const notMine = await app.inject({
      method: 'POST',
      url: `${url}/status`,
      headers: as(otherAgent),
      payload: { status: 'resolved' },
    })
    expect(notMine.statusCode).toBe(403)

    const resolved = await app.inject({
      method: 'POST',
      url: `${url}/status`,
      headers: as(agent),
      payload: { status: 'resolved', note: '已处理' },
    })
    expect(resolved.statusCode).toBe(200)
    expect(resolved.json().events.at(-1)).toMatchObject({
      action: 'status_changed',
      before: { status: 'waiting_user' },
      after: { status: 'resolved' },
      note: '已处理',
      actor: { name: '张三' },
    })

    const unknownStatus = await app.inject({
      method: 'POST',
      url: `${url}/status`,
      headers: as(agent),
      payload: { status: 'done' },
    })
    expect(unknownStatus.statusCode).toBe(400)
  })

  it('reassign: 403 for an agent, 200 for a supervisor', async () => {
    const number = await open()
    const url = `/api/staff/tickets/${number}/reassign`
    const byAgent = await app.inject({
      method: 'POST',
      url,
      headers: as(agent),
      payload: { assigneeId: otherAgent.staff.id },
    })
    expect(byAgent.statusCode).toBe(403)
    expect(byAgent.json().message).toContain('主管')
    const bySupervisor = await app.inject({
      method: 'POST',
      url,
      headers: as(supervisor),
      payload: { assigneeId: otherAgent.staff.id },
    })
    expect(bySupervisor.statusCode).toBe(200)
    expect(bySupervisor.json()).toMatchObject({
      status: 'claimed',
      assignee: { id: otherAgent.staff.id, name: '李四' },
    })
  })

  it('statistics', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/staff/stats?days=30', headers: as(agent) })
    expect(response.statusCode).toBe(200)
    const stats = response.json()
    expect(stats.openTotal).toBe(
      Object.values(stats.openByCategory as Record<string, number>).reduce((a, b) => a + b, 0),
    )
    expect(stats.openByCategory.complaint).toBeGreaterThan(0)
    expect(stats).toMatchObject({ overdue: 0, windowDays: 30 })
    expect(stats.medianFirstResponseMinutes).toBe(0) // the one reply above came at the same clock time
  })
})
