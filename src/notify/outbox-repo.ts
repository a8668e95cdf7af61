import type { Db } from '../db/index.ts'
import type { Channel, Notification } from './notifier.ts'

/** A notification to write into the outbox, in the transaction of the change it announces. */
export type OutgoingNotification = Omit<Notification, 'id' | 'ticketNumber'> & {
  ticketId: number | null
  channel: Channel
}

export async function enqueueNotification(db: Db, row: OutgoingNotification, now: Date): Promise<void> {
  await db.query(
    `insert into notification_outbox (ticket_id, kind, channel, recipient, subject, body, next_attempt_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $7)`,
    [row.ticketId, row.kind, row.channel, row.recipient, row.subject, row.body, now.toISOString()],
  )
}

export type ClaimedNotification = Notification & { channel: Channel; attempts: number }

/**
 * Takes up to `limit` due rows and leases them until `leaseUntil`, so another instance skips them;
 * a lease left by a crashed instance simply runs out and the row is due again.
 */
export async function claimDueNotifications(
  db: Db,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedNotification[]> {
  const rows = await db.query<{
    id: number
    kind: Notification['kind']
    channel: Channel
    recipient: string | null
    subject: string
    body: string
    attempts: number
    number: string | null
  }>(
    `with due as (
       select id from notification_outbox
       where sent_at is null and failed_at is null and next_attempt_at <= $1
         and (locked_until is null or locked_until <= $1)
       order by next_attempt_at, id
       limit $3
       for update skip locked
     )
     update notification_outbox o set locked_until = $2
     from due where o.id = due.id
     returning o.id, o.kind, o.channel, o.recipient, o.subject, o.body, o.attempts,
       (select number from tickets t where t.id = o.ticket_id) as number`,
    [now.toISOString(), leaseUntil.toISOString(), limit],
  )
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    channel: row.channel,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    attempts: row.attempts,
    ticketNumber: row.number,
  }))
}

export async function markNotificationSent(db: Db, id: number, now: Date): Promise<void> {
  await db.query(
    'update notification_outbox set sent_at = $2, attempts = attempts + 1, locked_until = null where id = $1',
    [id, now.toISOString()],
  )
}

/** A failed try: due again at `retryAt`, or given up for good when `retryAt` is null. */
export async function markNotificationFailed(
  db: Db,
  id: number,
  failure: { error: string; retryAt: Date | null; now: Date },
): Promise<void> {
  await db.query(
    `update notification_outbox set attempts = attempts + 1, locked_until = null, last_error = $2,
       next_attempt_at = coalesce($3::timestamptz, next_attempt_at),
       failed_at = case when $3::timestamptz is null then $4::timestamptz else null end
     where id = $1`,
    [id, failure.error.slice(0, 500), failure.retryAt?.toISOString() ?? null, failure.now.toISOString()],
  )
}

/** Retention: the outbox holds addresses and message text, so a purged ticket's rows go. */
export async function deleteNotificationsOfTicket(db: Db, ticketId: number): Promise<void> {
  await db.query('delete from notification_outbox where ticket_id = $1', [ticketId])
}
