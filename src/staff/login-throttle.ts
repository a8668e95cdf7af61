import type { Db } from '../db/index.ts'

/**
 * Failed sign-ins counted per key ('account:<name>', 'ip:<address>') within a window; reaching
 * the limit locks the key until the window has passed again. Keys of names that do not exist are
 * counted too, so a lock-out does not tell which names are real. In the database, so every app
 * instance counts the same failures.
 */
export type ThrottlePolicy = { windowMs: number }

export type ThrottleKey = { key: string; max: number }

export const accountKey = (username: string): string => `account:${username.trim().toLowerCase()}`
export const addressKey = (ip: string): string => `ip:${ip}`

/** The latest end of a lock on any of the keys, or null when none is locked. */
export async function lockedUntil(db: Db, keys: string[], now: Date): Promise<Date | null> {
  const [row] = await db.query<{ until: Date | null }>(
    'select max(locked_until) as until from staff_login_throttle where key = any($1) and locked_until > $2',
    [keys, now.toISOString()],
  )
  return row?.until ?? null
}

/** Counts one failure on each key; returns the keys that it locked. */
export async function recordFailure(db: Db, keys: ThrottleKey[], policy: ThrottlePolicy, now: Date): Promise<string[]> {
  const windowStart = new Date(now.getTime() - policy.windowMs).toISOString()
  const lockEnd = new Date(now.getTime() + policy.windowMs).toISOString()
  // Old windows of keys nobody tries any more: without this the table would grow with every typo.
  await db.query(
    'delete from staff_login_throttle where window_started_at < $1 and (locked_until is null or locked_until < $2)',
    [windowStart, now.toISOString()],
  )
  const locked: string[] = []
  for (const { key, max } of keys) {
    const [row] = await db.query<{ failures: number }>(
      `insert into staff_login_throttle (key, failures, window_started_at) values ($1, 1, $2)
       on conflict (key) do update set failures = staff_login_throttle.failures + 1
       returning failures`,
      [key, now.toISOString()],
    )
    if ((row?.failures ?? 0) >= max) {
      // A fresh window after the lock: the next failures count from zero.
      await db.query(
        'update staff_login_throttle set failures = 0, window_started_at = $2, locked_until = $2 where key = $1',
        [key, lockEnd],
      )
      locked.push(key)
    }
  }
  return locked
}

/** A successful sign-in forgets the account's failures (the address's stay: one good password must not reset them). */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.query('delete from staff_login_throttle where key = $1', [key])
}
