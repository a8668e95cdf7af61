import type { Db } from '../db/index.ts'
import { type StaffTextRow, toStaffText } from './replies-repo.ts'

/** A note staff leave for each other on a ticket; no requester view ever reads this table. */
export type TicketNote = { id: number; body: string; staff: { id: number; name: string }; createdAt: Date }

export async function insertNote(db: Db, note: { ticketId: number; staffId: number; body: string; now: Date }) {
  const [row] = await db.query<{ id: number }>(
    'insert into ticket_notes (ticket_id, staff_id, body, created_at) values ($1, $2, $3, $4) returning id',
    [note.ticketId, note.staffId, note.body, note.now.toISOString()],
  )
  return row!.id
}

export async function listNotes(db: Db, ticketId: number): Promise<TicketNote[]> {
  const rows = await db.query<StaffTextRow>(
    `select n.id, n.body, n.staff_id, s.name as staff_name, n.created_at
     from ticket_notes n join staff s on s.id = n.staff_id where n.ticket_id = $1 order by n.id`,
    [ticketId],
  )
  return rows.map(toStaffText)
}

export async function updateNoteBody(db: Db, id: number, body: string): Promise<void> {
  await db.query('update ticket_notes set body = $2 where id = $1', [id, body])
}
