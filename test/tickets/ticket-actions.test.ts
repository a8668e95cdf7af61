import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/index.ts'
import { ConflictError, ForbiddenError, InvalidInputError } from '../../src/errors.ts'
import { listTicketEvents } from '../../src/tickets/events-repo.ts'
import type { StaffMember } from '../../src/tickets/model.ts'
import { openTicket } from '../../src/tickets/open-ticket.ts'
import { listReplies } from '../../src/tickets/replies-repo.ts'
import { ticketStatistics } from '../../src/tickets/stats.ts'
import { changeTicketStatus, claimTicket, reassignTicket, replyToTicket } from '../../src/tickets/ticket-actions.ts'
import { listTickets } from '../../src/tickets/tickets-repo.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { staffWithToken, ticketInput } from '../support/tickets.ts'

const opened = new Date('2026-11-25T02:00:00Z') // Wednesday 10:00 Shanghai
const later = (minutes: number) => new Date(opened.getTime() + minutes * 60_000)

describe.each(testDatabases)('ticket actions on $name', (database) => {
  let db: Db
  let agent: StaffMember
  let otherAgent: StaffMember
  let supervisor: StaffMember
  const open = async (overrides = {}) => (await openTicket(db, ticketInput(overrides), { now: opened })).ticket.number

  beforeAll(async () => {
    db = await createMigratedDb(database)
    agent = (await staffWithToken(db, '张三', 'agent')).staff
    otherAgent = (await staffWithToken(db, '李四', 'agent')).staff
    supervisor = (await staffWithToken(db, '赵主管', 'supervisor')).staff
  })
  afterAll(async () => {
    await db.close()
  })

  it('of 20 simultaneous claims exactly one wins', async () => {
    const number = await open()
    const claimers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => staffWithToken(db, `坐席${i}`, 'agent').then((s) => s.staff)),
    )
    const results = await Promise.allSettled(claimers.map((staff) => claimTicket(db, staff, number, later(1))))
    const won = results.filter((result) => result.status === 'fulfilled')
    const lost = results.filter((result) => result.status === 'rejected')
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(19)
    for (const result of lost) expect((result as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError)
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof claimTicket>>>).value
    expect(winner.status).toBe('claimed')
    const events = await listTicketEvents(db, winner.id)
    expect(events.filter((event) => event.action === 'claimed')).toHaveLength(1)
    expect(events.at(-1)?.actor).toMatchObject({ kind: 'staff', staffId: winner.assignee?.id })
  })

  it('walks the whole life of a ticket, logging before and after of every change', async () => {
    const number = await open()
    await claimTicket(db, agent, number, later(10))
    const { ticket: afterReply } = await replyToTicket(
      db,
      agent,
      number,
      { body: '您好，请提供购物小票照片。', waitingUser: true },
      later(20),
    )
    expect(afterReply.status).toBe('waiting_user')
    expect(afterReply.firstResponseAt?.toISOString()).toBe(later(20).toISOString())
    await changeTicketStatus(db, agent, number, { status: 'claimed' }, later(30))
    await replyToTicket(db, agent, number, { body: '已联系商家补足分量。' }, later(40))
    const resolved = await changeTicketStatus(db, agent, number, { status: 'resolved', note: '商家已补足' }, later(50))
    expect(resolved.resolvedAt?.toISOString()).toBe(later(50).toISOString())
    const closed = await changeTicketStatus(db, agent, number, { status: 'closed' }, later(60))
    expect(closed.closedAt?.toISOString()).toBe(later(60).toISOString())
    const reopened = await changeTicketStatus(
      db,
      agent,
      number,
      { status: 'claimed', note: '提交人再次来电' },
      later(70),
    )
    expect(reopened).toMatchObject({ status: 'claimed', closedAt: null, resolvedAt: null, assignee: { id: agent.id } })
    // The first reply still counts as the first response.
    expect(reopened.firstResponseAt?.toISOString()).toBe(later(20).toISOString())

    const events = await listTicketEvents(db, reopened.id)
    expect(events.map((event) => event.action)).toEqual([
      'created',
      'claimed',
      'replied',
      'status_changed',
      'status_changed',
      'replied',
      'status_changed',
      'status_changed',
      'reopened',
    ])
    expect(events[6]).toMatchObject({
      actor: { kind: 'staff', staffId: agent.id, name: '张三' },
      before: { status: 'claimed' },
      after: { status: 'resolved' },
      note: '商家已补足',
    })
    expect(events[8]).toMatchObject({ before: { status: 'closed' }, after: { status: 'claimed' } })
    expect((await listReplies(db, reopened.id)).map((reply) => reply.body)).toHaveLength(2)
  })

  it('refuses invalid transitions with 409 and changes nothing', async () => {
    const number = await open()
    await expect(changeTicketStatus(db, supervisor, number, { status: 'resolved' }, later(1))).rejects.toThrow(
      ConflictError,
    )
    await claimTicket(db, agent, number, later(2))
    await expect(changeTicketStatus(db, agent, number, { status: 'closed' }, later(3))).rejects.toThrow(/不能直接改为/)
    await expect(claimTicket(db, otherAgent, number, later(4))).rejects.toThrow(/已由张三认领/)
    const { tickets } = await listTickets(db, { statuses: ['claimed'], limit: 200, offset: 0 }, later(5))
    expect(tickets.find((ticket) => ticket.number === number)?.status).toBe('claimed')
  })

  it('lets only the handler or a supervisor act on a ticket', async () => {
    const number = await open()
    await expect(replyToTicket(db, agent, number, { body: '你好' }, later(1))).rejects.toThrow(/先认领/)
    await claimTicket(db, agent, number, later(2))
    await expect(replyToTicket(db, otherAgent, number, { body: '你好' }, later(3))).rejects.toThrow(ForbiddenError)
    await expect(changeTicketStatus(db, otherAgent, number, { status: 'resolved' }, later(3))).rejects.toThrow(
      /只有负责人或主管/,
    )
    const byBoss = await changeTicketStatus(db, supervisor, number, { status: 'resolved' }, later(4))
    expect(byBoss.status).toBe('resolved')
    await expect(replyToTicket(db, agent, number, { body: '补充' }, later(5))).rejects.toThrow(/重新打开/)
  })

  it('releasing a ticket puts it back in the queue without a handler', async () => {
    const number = await open()
    await claimTicket(db, agent, number, later(1))
    const released = await changeTicketStatus(db, agent, number, { status: 'new' }, later(2))
    expect(released).toMatchObject({ status: 'new', assignee: null })
    expect((await claimTicket(db, otherAgent, number, later(3))).assignee?.id).toBe(otherAgent.id)
  })

  it('reassigning is for supervisors only', async () => {
    const number = await open()
    await claimTicket(db, agent, number, later(1))
    await expect(reassignTicket(db, agent, number, { assigneeId: otherAgent.id }, later(2))).rejects.toThrow(
      ForbiddenError,
    )
    await expect(reassignTicket(db, supervisor, number, { assigneeId: 99_999 }, later(2))).rejects.toThrow(
      InvalidInputError,
    )
    const moved = await reassignTicket(
      db,
      supervisor,
      number,
      { assigneeId: otherAgent.id, note: '熟悉计量' },
      later(3),
    )
    expect(moved).toMatchObject({ status: 'claimed', assignee: { id: otherAgent.id, name: '李四' } })
    const events = await listTicketEvents(db, moved.id)
    expect(events.at(-1)).toMatchObject({
      action: 'reassigned',
      actor: { staffId: supervisor.id },
      before: { assigneeId: agent.id },
      after: { assigneeId: otherAgent.id },
    })
    // A new ticket given to someone becomes theirs.
    const fresh = await open()
    expect(await reassignTicket(db, supervisor, fresh, { assigneeId: agent.id }, later(4))).toMatchObject({
      status: 'claimed',
      assignee: { id: agent.id },
    })
  })
})

describe.each(testDatabases)('queue and statistics on $name', (database) => {
  let db: Db
  let agent: StaffMember
  beforeAll(async () => {
    db = await createMigratedDb(database)
    agent = (await staffWithToken(db, '张三', 'agent')).staff
  })
  afterAll(async () => {
    await db.close()
  })

  it('sorts high priority first, then by the nearest deadline, and finds the overdue', async () => {
    const wednesday = new Date('2026-11-25T02:00:00Z')
    const normalComplaint = (await openTicket(db, ticketInput(), { now: wednesday })).ticket.number
    const onsite = (
      await openTicket(db, ticketInput({ category: 'metrology_onsite', address: '浦东新区世纪大道100号' }), {
        now: new Date('2026-11-25T01:00:00Z'),
      })
    ).ticket.number
    const diagnosis = (
      await openTicket(
        db,
        ticketInput({ category: 'quality_diagnosis', audience: 'enterprise', companyName: '某公司' }),
        {
          now: wednesday,
        },
      )
    ).ticket.number
    const urgent = (
      await openTicket(db, ticketInput({ description: '电热水器漏电，孩子被电了一下' }), { now: wednesday })
    ).ticket.number

    // Thursday 12:00 Shanghai: the urgent one (4 h) is overdue; first responses (Thu 17:00) are not yet.
    const thursdayNoon = new Date('2026-11-26T04:00:00Z')
    const queue = await listTickets(
      db,
      { statuses: ['new', 'claimed', 'waiting_user'], limit: 50, offset: 0 },
      thursdayNoon,
    )
    expect(queue.total).toBe(4)
    // On-site and complaint both owe a first reply by Thursday 17:00 (the older one first), diagnosis by Friday.
    expect(queue.tickets.map((ticket) => ticket.number)).toEqual([urgent, onsite, normalComplaint, diagnosis])
    const overdue = await listTickets(db, { overdue: true, limit: 50, offset: 0 }, thursdayNoon)
    expect(overdue.tickets.map((ticket) => ticket.number)).toEqual([urgent])
    const notOverdue = await listTickets(db, { overdue: false, limit: 50, offset: 0 }, thursdayNoon)
    expect(notOverdue.total).toBe(3)

    const byCategory = await listTickets(db, { category: 'metrology_onsite', limit: 50, offset: 0 }, thursdayNoon)
    expect(byCategory.tickets.map((ticket) => ticket.number)).toEqual([onsite])
    const page = await listTickets(db, { limit: 2, offset: 2 }, thursdayNoon)
    expect(page).toMatchObject({ total: 4 })
    expect(page.tickets.map((ticket) => ticket.number)).toEqual([normalComplaint, diagnosis])

    await claimTicket(db, agent, urgent, new Date('2026-11-25T02:30:00Z'))
    await replyToTicket(db, agent, urgent, { body: '已安排人员联系您' }, new Date('2026-11-25T03:00:00Z')) // 60 min
    await claimTicket(db, agent, onsite, new Date('2026-11-25T03:00:00Z'))
    await replyToTicket(db, agent, onsite, { body: '明天上午上门' }, new Date('2026-11-25T04:00:00Z')) // 180 min
    const mine = await listTickets(db, { assigneeId: agent.id, limit: 50, offset: 0 }, thursdayNoon)
    expect(mine.tickets.map((ticket) => ticket.number).sort()).toEqual([onsite, urgent].sort())
    const unassigned = await listTickets(db, { unassigned: true, limit: 50, offset: 0 }, thursdayNoon)
    expect(unassigned.total).toBe(2)

    // Friday 18:00 Shanghai: the two unanswered ones missed their first-response deadline (Thu 17:00).
    const stats = await ticketStatistics(db, new Date('2026-11-27T10:00:00Z'))
    expect(stats.openByCategory).toMatchObject({ complaint: 2, metrology_onsite: 1, quality_diagnosis: 1, other: 0 })
    expect(stats.openTotal).toBe(4)
    expect(stats.overdue).toBe(2)
    expect(stats.medianFirstResponseMinutes).toBe(120)
  })
})
