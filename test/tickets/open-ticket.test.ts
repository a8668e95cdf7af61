import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/index.ts'
import { ConflictError, InvalidInputError } from '../../src/errors.ts'
import { listTicketEvents } from '../../src/tickets/events-repo.ts'
import { verifyLookupToken } from '../../src/tickets/lookup-token.ts'
import { openTicket } from '../../src/tickets/open-ticket.ts'
import { findTicketByNumber } from '../../src/tickets/tickets-repo.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { ticketInput } from '../support/tickets.ts'

// Each test uses its own day, so ticket numbers are predictable.
const day = (n: number) => new Date(Date.UTC(2026, 10, n, 2, 0, 0)) // 10:00 Shanghai

describe.each(testDatabases)('openTicket on $name', (database) => {
  let db: Db
  beforeAll(async () => {
    db = await createMigratedDb(database)
  })
  afterAll(async () => {
    await db.close()
  })

  it('numbers tickets per Shanghai day from 0001', async () => {
    const first = await openTicket(db, ticketInput(), { now: day(2) })
    const second = await openTicket(db, ticketInput(), { now: day(2) })
    // 2026-11-02 23:00 UTC is already 11-03 in Shanghai: a new day, a new sequence.
    const nextDay = await openTicket(db, ticketInput(), { now: new Date('2026-11-02T23:00:00Z') })
    expect([first.ticket.number, second.ticket.number, nextDay.ticket.number]).toEqual([
      'QD-20261102-0001',
      'QD-20261102-0002',
      'QD-20261103-0001',
    ])
  })

  it('gives concurrent openings distinct consecutive numbers', async () => {
    const opened = await Promise.all(Array.from({ length: 20 }, () => openTicket(db, ticketInput(), { now: day(4) })))
    const numbers = opened.map((result) => result.ticket.number).sort()
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `QD-20261104-${String(i + 1).padStart(4, '0')}`))
  })

  it('stores the ticket with priority, deadlines, transcript and sources, and logs its creation', async () => {
    const { ticket, replayed } = await openTicket(
      db,
      ticketInput({ description: '网上买的充电宝用了两天就鼓包冒烟，商家不理我', sessionId: 's-1' }),
      {
        now: day(5),
        transcript: [
          { role: 'user', text: '充电宝冒烟了怎么办' },
          { role: 'assistant', text: '请拨打 12315 …' },
        ],
        sources: [{ docId: 'complaints-and-reports', title: '投诉举报', section: '二、通过哪些渠道' }],
      },
    )
    expect(replayed).toBe(false)
    expect(ticket).toMatchObject({ status: 'new', priority: 'high', category: 'complaint' })
    expect(ticket.firstResponseDueAt.toISOString()).toBe('2026-11-05T06:00:00.000Z') // four hours
    expect(ticket.lookupToken).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)

    const stored = await findTicketByNumber(db, ticket.number)
    expect(stored).toMatchObject({
      contactName: '王芳',
      phone: '13800138000',
      sessionId: 's-1',
      assignee: null,
      transcript: [{ role: 'user', text: '充电宝冒烟了怎么办' }, { role: 'assistant' }],
      sources: [{ docId: 'complaints-and-reports', section: '二、通过哪些渠道' }],
    })
    const [row] = await db.query<{ lookup_token_hash: string }>(
      'select lookup_token_hash from tickets where number = $1',
      [ticket.number],
    )
    expect(row!.lookup_token_hash).not.toContain(ticket.lookupToken)
    expect(verifyLookupToken(ticket.lookupToken, row!.lookup_token_hash)).toBe(true)

    const events = await listTicketEvents(db, stored!.id)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      action: 'created',
      actor: { kind: 'requester' },
      after: { status: 'new', priority: 'high', priorityReasons: expect.arrayContaining(['冒烟', '鼓包']) },
    })
    expect(JSON.stringify(events)).not.toContain('13800138000')
  })

  it('normalises the phone number', async () => {
    const { ticket } = await openTicket(db, ticketInput({ phone: '+86 138-0013-8000' }), { now: day(6) })
    expect((await findTicketByNumber(db, ticket.number))?.phone).toBe('13800138000')
  })

  it('refuses invalid input with a message that names the field', async () => {
    await expect(openTicket(db, ticketInput({ phone: '12345' }), { now: day(7) })).rejects.toThrow(InvalidInputError)
    await expect(
      openTicket(db, ticketInput({ category: 'metrology_onsite', address: undefined }), { now: day(7) }),
    ).rejects.toThrow(/address/)
    await expect(openTicket(db, ticketInput({ audience: 'enterprise' }), { now: day(7) })).rejects.toThrow(
      /companyName/,
    )
    const [row] = await db.query<{ n: number }>(
      "select count(*)::int as n from tickets where number like 'QD-20261107-%'",
    )
    expect(row!.n).toBe(0)
  })

  describe('Idempotency-Key', () => {
    it('a retry with the same key returns the same ticket, token included, and makes no second one', async () => {
      const first = await openTicket(db, ticketInput(), { now: day(10), idempotencyKey: 'key-a' })
      const retry = await openTicket(db, ticketInput({ phone: '138 0013 8000' }), {
        now: day(10),
        idempotencyKey: 'key-a',
      })
      expect(first.replayed).toBe(false)
      expect(retry.replayed).toBe(true)
      expect(retry.ticket).toEqual(first.ticket)
      const [row] = await db.query<{ n: number }>(
        "select count(*)::int as n from tickets where number like 'QD-20261110-%'",
      )
      expect(row!.n).toBe(1)
    })

    it('concurrent requests with the same key make exactly one ticket', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, () => openTicket(db, ticketInput(), { now: day(11), idempotencyKey: 'key-b' })),
      )
      expect(new Set(results.map((result) => result.ticket.number)).size).toBe(1)
      expect(new Set(results.map((result) => result.ticket.lookupToken)).size).toBe(1)
      expect(results.filter((result) => !result.replayed)).toHaveLength(1)
      const [row] = await db.query<{ n: number }>(
        "select count(*)::int as n from tickets where number like 'QD-20261111-%'",
      )
      expect(row!.n).toBe(1)
    })

    it('the same key with a different body is a conflict', async () => {
      await openTicket(db, ticketInput(), { now: day(12), idempotencyKey: 'key-c' })
      await expect(
        openTicket(db, ticketInput({ description: '完全不同的另一件事情，需要另外处理' }), {
          now: day(12),
          idempotencyKey: 'key-c',
        }),
      ).rejects.toThrow(ConflictError)
    })

    it('different keys make different tickets', async () => {
      const a = await openTicket(db, ticketInput(), { now: day(13), idempotencyKey: 'key-d' })
      const b = await openTicket(db, ticketInput(), { now: day(13), idempotencyKey: 'key-e' })
      expect(a.ticket.number).not.toBe(b.ticket.number)
    })

    it('keeps neither the key nor the token in the database', async () => {
      const { ticket } = await openTicket(db, ticketInput(), { now: day(14), idempotencyKey: 'visible-key-f' })
      const rows = await db.query('select * from idempotency_keys')
      expect(JSON.stringify(rows)).not.toContain('visible-key-f')
      expect(JSON.stringify(rows)).not.toContain(ticket.lookupToken)
    })
  })
})
