import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/index.ts'
import { listTicketEvents } from '../../src/tickets/events-repo.ts'
import type { StaffMember } from '../../src/tickets/model.ts'
import { openTicket } from '../../src/tickets/open-ticket.ts'
import { listReplies } from '../../src/tickets/replies-repo.ts'
import { addRequesterMessage } from '../../src/tickets/requester-actions.ts'
import { listRequesterMessages } from '../../src/tickets/requester-messages-repo.ts'
import { purgeClosedTickets } from '../../src/tickets/retention.ts'
import { changeTicketStatus, claimTicket, replyToTicket } from '../../src/tickets/ticket-actions.ts'
import { findTicketByNumber } from '../../src/tickets/tickets-repo.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { staffWithToken, ticketInput } from '../support/tickets.ts'

const at = (iso: string) => new Date(iso)

describe.each(testDatabases)('retention on $name', (database) => {
  let db: Db
  let agent: StaffMember

  async function closedTicket(closedAt: Date): Promise<string> {
    const { ticket } = await openTicket(
      db,
      ticketInput({
        category: 'metrology_onsite',
        address: '浦东新区世纪大道100号',
        description: '电子秤需要校准，备用电话13912345678，邮箱wang@example.com',
        notify: { email: 'wang@example.com', sms: true },
      }),
      {
        now: new Date(closedAt.getTime() - 86_400_000),
        idempotencyKey: `retention-${closedAt.getTime()}`,
        transcript: [{ role: 'user', text: '我叫王芳，电话13800138000' }],
      },
    )
    await addRequesterMessage(db, ticket.number, ticket.lookupToken, { body: '新号码 13700137000' }, closedAt)
    await claimTicket(db, agent, ticket.number, closedAt)
    await replyToTicket(db, agent, ticket.number, { body: '已致电 13800138000，约好周五上门' }, closedAt)
    await changeTicketStatus(db, agent, ticket.number, { status: 'resolved' }, closedAt)
    await changeTicketStatus(db, agent, ticket.number, { status: 'closed' }, closedAt)
    return ticket.number
  }

  beforeAll(async () => {
    db = await createMigratedDb(database)
    agent = (await staffWithToken(db, '张三', 'agent')).staff
  })
  afterAll(async () => {
    await db.close()
  })

  it('erases personal data of tickets closed longer ago than the period, and logs it', async () => {
    const old = await closedTicket(at('2026-01-10T02:00:00Z'))
    const recent = await closedTicket(at('2026-11-01T02:00:00Z'))
    const open = (await openTicket(db, ticketInput(), { now: at('2026-01-05T02:00:00Z') })).ticket.number

    const { purged } = await purgeClosedTickets(db, { days: 180, now: at('2026-11-25T02:00:00Z') })
    expect(purged).toEqual([old])

    const erased = await findTicketByNumber(db, old)
    expect(erased).toMatchObject({
      contactName: '（已清除）',
      phone: '138****8000',
      address: null,
      transcript: [],
      status: 'closed',
      category: 'metrology_onsite',
    })
    expect(erased?.personalDataPurgedAt?.toISOString()).toBe('2026-11-25T02:00:00.000Z')
    expect(erased?.description).toBe('电子秤需要校准，备用电话139****5678，邮箱w***@example.com')
    expect((await listReplies(db, erased!.id))[0]?.body).toBe('已致电 138****8000，约好周五上门')
    expect((await listTicketEvents(db, erased!.id)).at(-1)).toMatchObject({
      action: 'personal_data_purged',
      actor: { kind: 'system', staffId: null },
    })
    const keys = await db.query('select * from idempotency_keys where ticket_id = $1', [erased!.id])
    expect(keys).toEqual([])
    expect(erased?.notify).toEqual({})
    expect((await listRequesterMessages(db, erased!.id))[0]?.body).toBe('新号码 137****7000')
    const outbox = await db.query('select * from notification_outbox where ticket_id = $1', [erased!.id])
    expect(outbox).toEqual([])

    expect((await findTicketByNumber(db, recent))?.phone).toBe('13800138000')
    expect((await findTicketByNumber(db, open))?.contactName).toBe('王芳')
  })

  it('purges each ticket only once', async () => {
    const again = await purgeClosedTickets(db, { days: 180, now: at('2026-11-26T02:00:00Z') })
    expect(again.purged).toEqual([])
  })
})
