import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import type { Db } from '../../src/db/index.ts'
import { queueDeadlineReminders } from '../../src/notify/announce.ts'
import { type DeliveryOptions, deliverDueNotifications } from '../../src/notify/outbox.ts'
import { createNotifiers } from '../../src/notify/worker.ts'
import { openTicket } from '../../src/tickets/open-ticket.ts'
import { createTestApp } from '../support/app.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { startHttpReceiver } from '../support/http-receiver.ts'
import { decodeMailBody, startSmtpSink } from '../support/smtp-sink.ts'
import { staffWithToken, ticketInput } from '../support/tickets.ts'

const OPTIONS: DeliveryOptions = { maxAttempts: 3, retryBaseMs: 60_000, leaseMs: 30_000, batch: 20 }

describe.each(testDatabases)('notifications: outbox, SMTP and webhook on $name', (database) => {
  let db: Db
  let app: FastifyInstance
  let auth: { authorization: string }
  let sink: Awaited<ReturnType<typeof startSmtpSink>>
  let receiver: Awaited<ReturnType<typeof startHttpReceiver>>
  const warnings: string[] = []
  const log = { warn: (_: object, message: string) => warnings.push(message), info: () => {} }
  const now = new Date('2026-11-25T02:00:00Z')

  beforeAll(async () => {
    db = await createMigratedDb(database)
    ;({ app } = await createTestApp(db, { knowledge: false, now: () => now }))
    auth = { authorization: `Bearer ${(await staffWithToken(db, '李四', 'agent')).token}` }
    sink = await startSmtpSink()
    receiver = await startHttpReceiver()
  })
  afterAll(async () => {
    await app.close()
    await db.close()
    await sink.close()
    await receiver.close()
  })
  beforeEach(async () => {
    sink.mails.length = 0
    receiver.received.length = 0
    sink.failNext(0)
    receiver.failNext(0)
    warnings.length = 0
    // Each test starts from an empty outbox.
    await db.query('update notification_outbox set failed_at = $1 where sent_at is null and failed_at is null', [
      now.toISOString(),
    ])
  })

  const notifiers = () =>
    createNotifiers(
      loadConfig({ NOTIFY_SMTP_URL: sink.url, NOTIFY_WEBHOOK_URL: receiver.url, NOTIFY_TIMEOUT_MS: '5000' }),
    )
  const deliver = (at: Date, options: Partial<DeliveryOptions> = {}) =>
    deliverDueNotifications(db, notifiers(), at, { ...OPTIONS, ...options }, log)
  const later = (ms: number) => new Date(now.getTime() + ms)

  const openWithNotify = async (
    notify: { email?: string; sms?: boolean } = { email: 'wang@example.com', sms: true },
  ) => {
    const { ticket } = await openTicket(db, ticketInput({ notify }), { now })
    await app.inject({ method: 'POST', url: `/api/staff/tickets/${ticket.number}/claim`, headers: auth })
    return ticket
  }
  const reply = (number: string, body: string) =>
    app.inject({ method: 'POST', url: `/api/staff/tickets/${number}/replies`, headers: auth, payload: { body } })

  it('a staff reply sends one e-mail to the SMTP sink and one webhook call', async () => {
    const ticket = await openWithNotify()
    expect((await reply(ticket.number, '已联系商家，三日内退款。')).statusCode).toBe(201)
    expect(await deliver(now)).toEqual({ sent: 2, failed: 0 })

    expect(sink.mails).toHaveLength(1)
    expect(sink.mails[0]?.to).toEqual(['<wang@example.com>'])
    const text = decodeMailBody(sink.mails[0]!.data)
    expect(text).toContain('已联系商家，三日内退款。')
    expect(text).toContain(ticket.number)

    expect(receiver.received).toHaveLength(1)
    expect(receiver.received[0]?.body).toMatchObject({
      kind: 'reply',
      ticketNumber: ticket.number,
      phone: '13800138000',
      text: expect.stringContaining('已联系商家，三日内退款。'),
    })
    expect(receiver.received[0]?.headers['idempotency-key']).toMatch(/^qd-notification-\d+$/)
    // Nothing is sent twice.
    expect(await deliver(later(3_600_000))).toEqual({ sent: 0, failed: 0 })
  })

  it('retries a failed send later, with a growing pause, while the reply itself went through at once', async () => {
    const ticket = await openWithNotify()
    sink.failNext(1)
    receiver.failNext(2)
    expect((await reply(ticket.number, '请耐心等待')).statusCode).toBe(201)

    expect(await deliver(now)).toEqual({ sent: 0, failed: 2 })
    expect(warnings).toEqual(['notification failed, will retry', 'notification failed, will retry'])
    expect(await deliver(later(30_000))).toEqual({ sent: 0, failed: 0 })
    expect(await deliver(later(60_000))).toEqual({ sent: 1, failed: 1 })
    expect(sink.mails).toHaveLength(1)
    // The second failure waits twice as long.
    expect(await deliver(later(60_000 + 119_000))).toEqual({ sent: 0, failed: 0 })
    expect(await deliver(later(60_000 + 120_000))).toEqual({ sent: 1, failed: 0 })
    expect(receiver.received).toHaveLength(1)
  })

  it('gives up after the last attempt and says so in the log', async () => {
    const ticket = await openWithNotify({ sms: true })
    receiver.failNext(10)
    await reply(ticket.number, '请补充材料')
    await deliver(now, { maxAttempts: 2 })
    await deliver(later(60_000), { maxAttempts: 2 })
    expect(warnings.at(-1)).toBe('notification given up')
    const [row] = await db.query<{ attempts: number; failed_at: Date | null; last_error: string }>(
      `select attempts, failed_at, last_error from notification_outbox o join tickets t on t.id = o.ticket_id
       where t.number = $1`,
      [ticket.number],
    )
    expect(row).toMatchObject({ attempts: 2, last_error: 'webhook answered 503' })
    expect(row?.failed_at).not.toBeNull()
    expect(await deliver(later(86_400_000), { maxAttempts: 2 })).toEqual({ sent: 0, failed: 0 })
  })

  it('keeps a notification queued while the mail server is down, without holding up the ticket', async () => {
    const ticket = await openWithNotify({ email: 'wang@example.com' })
    expect((await reply(ticket.number, '已受理')).statusCode).toBe(201)
    const down = createNotifiers(loadConfig({ NOTIFY_SMTP_URL: 'smtp://127.0.0.1:9', NOTIFY_TIMEOUT_MS: '2000' }))
    expect(await deliverDueNotifications(db, down, now, OPTIONS, log)).toEqual({ sent: 0, failed: 1 })
    expect(await deliver(later(60_000))).toEqual({ sent: 1, failed: 0 })
    expect(sink.mails).toHaveLength(1)
  })

  it('sends nothing to a requester who did not opt in, and one message per channel on a status change', async () => {
    const quiet = await openWithNotify({})
    await reply(quiet.number, '已受理')
    expect(await deliver(now)).toEqual({ sent: 0, failed: 0 })

    const ticket = await openWithNotify({ email: 'wang@example.com' })
    const resolved = await app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${ticket.number}/status`,
      headers: auth,
      payload: { status: 'resolved' },
    })
    expect(resolved.statusCode).toBe(200)
    expect(await deliver(now)).toEqual({ sent: 1, failed: 0 })
    expect(decodeMailBody(sink.mails[0]!.data)).toContain('已办结')
  })

  it('two instances delivering at once send each notification once', async () => {
    const ticket = await openWithNotify({ sms: true })
    await reply(ticket.number, '并发测试')
    const results = await Promise.all([deliver(now), deliver(now)])
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(1)
    expect(receiver.received).toHaveLength(1)
  })

  it('queues one deadline reminder to staff per ticket and deadline, however often it scans', async () => {
    const { ticket } = await openTicket(db, ticketInput(), { now })
    const [row] = await db.query<{ first_response_due_at: Date }>(
      'select first_response_due_at from tickets where number = $1',
      [ticket.number],
    )
    const soon = new Date(new Date(row!.first_response_due_at).getTime() - 3_600_000)
    expect(await queueDeadlineReminders(db, soon, 4 * 3_600_000)).toBeGreaterThanOrEqual(1)
    expect(await queueDeadlineReminders(db, soon, 4 * 3_600_000)).toBe(0)
    await deliver(soon)
    const reminders = receiver.received.filter((call) => call.body.ticketNumber === ticket.number)
    expect(reminders).toHaveLength(1)
    expect(reminders[0]?.body).toMatchObject({ kind: 'reminder', phone: null })
  })
})
