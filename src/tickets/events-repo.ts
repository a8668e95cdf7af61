import type { Db } from '../db/index.ts'
import type { Actor, TicketEvent } from './model.ts'

type EventRow = {
  id: number
  actor_kind: 'staff' | 'requester' | 'system'
  actor_staff_id: number | null
  actor_name: string
  action: string
  before_state: Record<string, unknown> | null
  after_state: Record<string, unknown> | null
  note: string | null
  created_at: Date
}

const actorName = (actor: Actor): string =>
  actor.kind === 'staff' ? actor.staff.name : actor.kind === 'requester' ? '提交人' : actor.name

/** Appends one entry to a ticket's audit log; `before`/`after` hold only what changed. */
export async function recordTicketEvent(
  db: Db,
  event: {
    ticketId: number
    actor: Actor
    action: string
    before?: Record<string, unknown> | null
    after?: Record<string, unknown> | null
    note?: string | null
    now: Date
  },
): Promise<void> {
  await db.query(
    `insert into ticket_events (ticket_id, actor_kind, actor_staff_id, actor_name, action, before_state, after_state,
       note, created_at)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9)`,
    [
      event.ticketId,
      event.actor.kind,
      event.actor.kind === 'staff' ? event.actor.staff.id : null,
      actorName(event.actor),
      event.action,
      event.before ? JSON.stringify(event.before) : null,
      event.after ? JSON.stringify(event.after) : null,
      event.note ?? null,
      event.now.toISOString(),
    ],
  )
}

export async function listTicketEvents(db: Db, ticketId: number): Promise<TicketEvent[]> {
  const rows = await db.query<EventRow>(
    `select id, actor_kind, actor_staff_id, actor_name, action, before_state, after_state, note, created_at
     from ticket_events where ticket_id = $1 order by id`,
    [ticketId],
  )
  return rows.map((row) => ({
    id: row.id,
    actor: { kind: row.actor_kind, staffId: row.actor_staff_id, name: row.actor_name },
    action: row.action,
    before: row.before_state,
    after: row.after_state,
    note: row.note,
    createdAt: row.created_at,
  }))
}

/**
 * Retention: applies `scrub` to the free-text notes of a ticket's events (a status note may quote a
 * phone or an address). The only change ever made to the audit log; what happened, and when, stays.
 */
export async function scrubEventNotes(db: Db, ticketId: number, scrub: (text: string) => string): Promise<void> {
  const events = await db.query<{ id: number; note: string }>(
    'select id, note from ticket_events where ticket_id = $1 and note is not null',
    [ticketId],
  )
  for (const event of events) {
    const note = scrub(event.note)
    if (note !== event.note) await db.query('update ticket_events set note = $2 where id = $1', [event.id, note])
  }
}
