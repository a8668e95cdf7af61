import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../db/index.ts'
import type { StaffMember } from '../tickets/model.ts'

/**
 * Browser sign-ins. The cookie holds 32 random bytes; the table holds their sha256, the account,
 * and the CSRF token the pages send back in a header (see src/http/staff-auth.ts). Rows live in
 * the database, so every app instance on it knows every sign-in.
 */
export type SessionPolicy = { idleMs: number; maxMs: number }

export type StaffSession = { staff: StaffMember; csrfToken: string; expiresAt: Date }

// last_seen_at is written at most this often: one write per request would be a write per click.
const TOUCH_EVERY_MS = 60_000

const hashOf = (cookie: string): string => createHash('sha256').update(cookie).digest('hex')

export async function createSession(
  db: Db,
  staffId: number,
  policy: SessionPolicy,
  now: Date,
): Promise<{ cookie: string; csrfToken: string; expiresAt: Date }> {
  const cookie = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(24).toString('base64url')
  const expiresAt = new Date(now.getTime() + policy.maxMs)
  await db.query(
    `insert into staff_sessions (id_hash, staff_id, csrf_token, created_at, last_seen_at, expires_at)
     values ($1, $2, $3, $4, $4, $5)`,
    [hashOf(cookie), staffId, csrfToken, now.toISOString(), expiresAt.toISOString()],
  )
  return { cookie, csrfToken, expiresAt }
}

/** The live session of this cookie (not idle too long, not past its end, account enabled), or null. */
export async function findSession(
  db: Db,
  cookie: string,
  policy: SessionPolicy,
  now: Date,
): Promise<StaffSession | null> {
  const [row] = await db.query<StaffMember & { csrf_token: string; expires_at: Date; last_seen_at: Date }>(
    `select s.id, s.name, s.role, x.csrf_token, x.expires_at, x.last_seen_at
       from staff_sessions x join staff s on s.id = x.staff_id
      where x.id_hash = $1 and s.disabled_at is null and x.expires_at > $2 and x.last_seen_at > $3`,
    [hashOf(cookie), now.toISOString(), new Date(now.getTime() - policy.idleMs).toISOString()],
  )
  if (!row) return null
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db.query('update staff_sessions set last_seen_at = $2 where id_hash = $1', [
      hashOf(cookie),
      now.toISOString(),
    ])
  }
  return { staff: { id: row.id, name: row.name, role: row.role }, csrfToken: row.csrf_token, expiresAt: row.expires_at }
}

export async function deleteSession(db: Db, cookie: string): Promise<void> {
  await db.query('delete from staff_sessions where id_hash = $1', [hashOf(cookie)])
}

/** Signs an account out everywhere: on disable and on a password reset. */
export async function deleteSessionsOf(db: Db, staffId: number): Promise<void> {
  await db.query('delete from staff_sessions where staff_id = $1', [staffId])
}

/** Drops sessions that can no longer be used, so the table holds only live ones. */
export async function purgeDeadSessions(db: Db, policy: SessionPolicy, now: Date): Promise<void> {
  await db.query('delete from staff_sessions where expires_at <= $1 or last_seen_at <= $2', [
    now.toISOString(),
    new Date(now.getTime() - policy.idleMs).toISOString(),
  ])
}
