import type { Db } from '../db/index.ts'
import type { TicketReply } from './model.ts'

/** A row of text a staff member wrote (a reply or a note), as both tables are read. */
export type StaffTextRow = { id: number; body: string; staff_id: number; staff_name: string; created_at: Date }

export const toStaffText = (row: StaffTextRow) => ({
  id: row.id,
  body: row.body,
  staff: { id: row.staff_id, name: row.staff_name },
  createdAt: row.created_at,
})

export async function insertReply(
  db: Db,
  reply: { ticketId: number; staffId: number; body: string; now: Date },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    'insert into ticket_replies (ticket_id, staff_id, body, created_at) values ($1, $2, $3, $4) returning id',
    [reply.ticketId, reply.staffId, reply.body, reply.now.toISOString()],
  )
  return row!.id
}

export async function listReplies(db: Db, ticketId: number): Promise<TicketReply[]> {
  const rows = await db.query<StaffTextRow>(
    `select r.id, r.body, r.staff_id, s.name as staff_name, r.created_at
     from ticket_replies r join staff s on s.id = r.staff_id
     where r.ticket_id = $1 order by r.id`,
    [ticketId],
  )
  return rows.map(toStaffText)
}

export async function updateReplyBody(db: Db, id: number, body: string): Promise<void> {
  await db.query('update ticket_replies set body = $2 where id = $1', [id, body])
}
