import type { Db } from '../db/index.ts'

/** A reply text supervisors prepare once, for every agent to start from. */
export type CannedReply = { id: number; title: string; body: string; createdBy: string; createdAt: Date }

export async function listCannedReplies(db: Db): Promise<CannedReply[]> {
  const rows = await db.query<{ id: number; title: string; body: string; staff_name: string; created_at: Date }>(
    `select c.id, c.title, c.body, s.name as staff_name, c.created_at
     from canned_replies c join staff s on s.id = c.created_by
     where c.removed_at is null order by c.title, c.id`,
  )
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    body: row.body,
    createdBy: row.staff_name,
    createdAt: row.created_at,
  }))
}

export async function insertCannedReply(
  db: Db,
  reply: { title: string; body: string; staffId: number; now: Date },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    'insert into canned_replies (title, body, created_by, created_at) values ($1, $2, $3, $4) returning id',
    [reply.title, reply.body, reply.staffId, reply.now.toISOString()],
  )
  return row!.id
}

/** False when there is no such reply, or it was removed already. */
export async function removeCannedReply(db: Db, id: number, now: Date): Promise<boolean> {
  const rows = await db.query(
    'update canned_replies set removed_at = $2 where id = $1 and removed_at is null returning id',
    [id, now.toISOString()],
  )
  return rows.length === 1
}
