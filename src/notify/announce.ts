import type { Db } from '../db/index.ts'
import { formatDeadline } from '../tickets/sla.ts'
import { enqueueNotification } from './outbox-repo.ts'

type Announced = { id: number; number: string; notify: { email?: string; sms?: boolean }; phone: string }

const SUBJECTS = { reply: '工作人员答复了您的工单', status: '您的工单状态有更新' } as const

/**
 * Queues a message to the requester on every channel they opted in to during intake, in the
 * caller's transaction: the change and its announcement commit together or not at all.
 */
export async function announceToRequester(
  db: Db,
  ticket: Announced,
  kind: 'reply' | 'status',
  text: string,
  now: Date,
): Promise<void> {
  const subject = `${SUBJECTS[kind]}（${ticket.number}）`
  const body = `${text}\n\n凭工单编号 ${ticket.number} 和查询码可在“查询办理进度”页面查看详情并补充信息。`
  if (ticket.notify.email) {
    await enqueueNotification(
      db,
      { ticketId: ticket.id, kind, channel: 'email', recipient: ticket.notify.email, subject, body },
      now,
    )
  }
  if (ticket.notify.sms) {
    await enqueueNotification(
      db,
      { ticketId: ticket.id, kind, channel: 'webhook', recipient: ticket.phone, subject, body },
      now,
    )
  }
}

/**
 * Tickets whose next deadline falls within `withinMs` get one reminder to staff (through the
 * webhook, e.g. a WeCom group). The reminder row's primary key makes a second scan, on this or
 * another instance, a no-op.
 */
export async function queueDeadlineReminders(db: Db, now: Date, withinMs: number): Promise<number> {
  const due = await db.query<{ id: number; number: string; due_at: Date }>(
    `select t.id, t.number,
       case when t.first_response_at is null then t.first_response_due_at else t.sla_due_at end as due_at
     from tickets t
     where t.status in ('new', 'claimed')
       and case when t.first_response_at is null then t.first_response_due_at else t.sla_due_at end <= $1::timestamptz
       and case when t.first_response_at is null then t.first_response_due_at else t.sla_due_at end > $2::timestamptz
     order by t.id limit 100`,
    [new Date(now.getTime() + withinMs).toISOString(), now.toISOString()],
  )
  let queued = 0
  for (const ticket of due) {
    await db.transaction(async (tx) => {
      const taken = await tx.query(
        `insert into deadline_reminders (ticket_id, due_at, created_at) values ($1, $2, $3)
         on conflict do nothing returning ticket_id`,
        [ticket.id, new Date(ticket.due_at).toISOString(), now.toISOString()],
      )
      if (taken.length === 0) return
      await enqueueNotification(
        tx,
        {
          ticketId: ticket.id,
          kind: 'reminder',
          channel: 'webhook',
          recipient: null,
          subject: `工单 ${ticket.number} 即将到期`,
          body: `工单 ${ticket.number} 的时限是 ${formatDeadline(new Date(ticket.due_at))}，请及时处理。`,
        },
        now,
      )
      queued += 1
    })
  }
  return queued
}
