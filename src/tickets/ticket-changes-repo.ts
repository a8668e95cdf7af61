import type { Db } from '../db/index.ts'
import type { TicketDetails, TicketStatus } from './model.ts'

/**
 * Conditional updates: each names the state it expects (`where status = …`), so of two staff
 * acting at once the second finds nothing to update instead of overwriting the first.
 */

/** Claims a ticket that is still new and unassigned; false when someone else was quicker. */
export async function claimNewTicket(db: Db, id: number, staffId: number, now: Date): Promise<boolean> {
  const rows = await db.query(
    `update tickets set status = 'claimed', assignee_id = $2, updated_at = $3
     where id = $1 and status = 'new' and assignee_id is null
     returning id`,
    [id, staffId, now.toISOString()],
  )
  return rows.length === 1
}

/** Moves a ticket from `from` to `to`, stamping resolved/closed times and clearing them on reopen. */
export async function moveTicket(
  db: Db,
  change: { id: number; from: TicketStatus; to: TicketStatus; assigneeId: number | null; now: Date },
): Promise<boolean> {
  const rows = await db.query(
    `update tickets set
       status = $3::text,
       assignee_id = $4::integer,
       updated_at = $5::timestamptz,
       resolved_at = case when $3::text = 'resolved' then $5::timestamptz
                          when $3::text in ('new', 'claimed') then null else resolved_at end,
       closed_at = case when $3::text = 'closed' then $5::timestamptz
                        when $3::text in ('new', 'claimed') then null else closed_at end
     where id = $1 and status = $2::text
     returning id`,
    [change.id, change.from, change.to, change.assigneeId, change.now.toISOString()],
  )
  return rows.length === 1
}

/** Gives the ticket to another handler, provided nobody changed status or handler meanwhile. */
export async function setTicketAssignee(
  db: Db,
  change: {
    id: number
    expected: { status: TicketStatus; assigneeId: number | null }
    status: TicketStatus
    assigneeId: number
    now: Date
  },
): Promise<boolean> {
  const rows = await db.query(
    `update tickets set status = $4::text, assignee_id = $5::integer, updated_at = $6::timestamptz
     where id = $1 and status = $2::text and assignee_id is not distinct from $3::integer
     returning id`,
    [
      change.id,
      change.expected.status,
      change.expected.assigneeId,
      change.status,
      change.assigneeId,
      change.now.toISOString(),
    ],
  )
  return rows.length === 1
}

/** A reply went out: the first one stops the first-response clock, and the requester's last word is answered. */
export async function markReplied(db: Db, id: number, now: Date): Promise<void> {
  await db.query(
    `update tickets set updated_at = $2::timestamptz, first_response_at = coalesce(first_response_at, $2::timestamptz),
       requester_replied_at = null
     where id = $1`,
    [id, now.toISOString()],
  )
}

/** The requester wrote: the queue shows the ticket as "提交人已补充" until staff answer. */
export async function markRequesterReplied(db: Db, id: number, now: Date): Promise<void> {
  await db.query('update tickets set requester_replied_at = $2, updated_at = $2 where id = $1', [id, now.toISOString()])
}

/** Closed tickets past the retention period whose personal data is still there. */
export async function listTicketsToPurge(
  db: Db,
  closedBefore: Date,
): Promise<
  {
    id: number
    number: string
    description: string
    phone: string
    contactName: string
    companyName: string | null
    address: string | null
    details: TicketDetails
    sessionId: string | null
  }[]
> {
  return db.query(
    `select id, number, description, phone, contact_name as "contactName", company_name as "companyName", address,
            details, session_id as "sessionId" from tickets
     where status = 'closed' and closed_at < $1 and personal_data_purged_at is null
     order by id`,
    [closedBefore.toISOString()],
  )
}

/**
 * Replaces contact details (company and notification contact included) and the transcript; only a masked
 * description, phone and matter details remain.
 * False when the ticket was reopened (or purged) since it was listed.
 */
export async function erasePersonalData(
  db: Db,
  id: number,
  kept: { description: string; phone: string; details: TicketDetails; now: Date },
): Promise<boolean> {
  const rows = await db.query(
    `update tickets set contact_name = '（已清除）', phone = $2, address = null, company_name = null, transcript = '[]'::jsonb,
       notify_email = null, notify_sms = false, details = $5::jsonb,
       description = $3, personal_data_purged_at = $4, updated_at = $4
     where id = $1 and status = 'closed' and personal_data_purged_at is null
     returning id`,
    [id, kept.phone, kept.description, kept.now.toISOString(), JSON.stringify(kept.details)],
  )
  return rows.length === 1
}
