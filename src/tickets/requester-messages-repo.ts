import type { Db } from '../db/index.ts'

export type RequesterMessage = { id: number; body: string; evidence: string | null; createdAt: Date }

export async function insertRequesterMessage(
  db: Db,
  message: { ticketId: number; body: string; evidence: string | null; now: Date },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `insert into requester_messages (ticket_id, body, evidence, created_at) values ($1, $2, $3, $4) returning id`,
    [message.ticketId, message.body, message.evidence, message.now.toISOString()],
  )
  return row!.id
}

export async function listRequesterMessages(db: Db, ticketId: number): Promise<RequesterMessage[]> {
  const rows = await db.query<{ id: number; body: string; evidence: string | null; created_at: Date }>(
    'select id, body, evidence, created_at from requester_messages where ticket_id = $1 order by id',
    [ticketId],
  )
  return rows.map((row) => ({ id: row.id, body: row.body, evidence: row.evidence, createdAt: row.created_at }))
}

export async function updateRequesterMessage(
  db: Db,
  id: number,
  text: { body: string; evidence: string | null },
): Promise<void> {
  await db.query('update requester_messages set body = $2, evidence = $3 where id = $1', [id, text.body, text.evidence])
}
