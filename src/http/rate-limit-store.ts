import type { Db } from '../db/index.ts'

type Counted = { current: number; ttl: number }
type Callback = (error: Error | null, result?: Counted) => void

/**
 * Counts one hit of `key` in its current window, in the database: every instance on it shares one
 * budget per client. One upsert per limited request; a window that has run out starts again at 1.
 */
export async function countHit(db: Db, key: string, windowMs: number): Promise<Counted> {
  const [row] = await db.query<{ hits: number; ttl_ms: number }>(
    `insert into rate_limit_counters as c (key, window_started_at, hits) values ($1, now(), 1)
     on conflict (key) do update set
       hits = case when c.window_started_at + make_interval(secs => $2 / 1000.0) <= now() then 1 else c.hits + 1 end,
       window_started_at = case when c.window_started_at + make_interval(secs => $2 / 1000.0) <= now()
                                then now() else c.window_started_at end
     returning hits, greatest(0, extract(epoch from (window_started_at + make_interval(secs => $2 / 1000.0) - now())) * 1000)::int as ttl_ms`,
    [key, windowMs],
  )
  return { current: row?.hits ?? 1, ttl: row?.ttl_ms ?? windowMs }
}

// Old rows are removed now and then rather than by a job: about once per this many hits.
const SWEEP_EVERY = 500

/**
 * A store for @fastify/rate-limit (the class it instantiates) on the shared database. Keys carry
 * the limit's name (see rate-limits.ts), so one table holds every limit.
 */
export function databaseRateLimitStore(db: Db) {
  let hits = 0
  return class DatabaseRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number): void {
      hits += 1
      if (hits % SWEEP_EVERY === 0) {
        void db
          .query(`delete from rate_limit_counters where window_started_at < now() - interval '1 day'`)
          .catch(() => {})
      }
      countHit(db, key, timeWindow).then(
        (counted) => callback(null, counted),
        (error: Error) => callback(error),
      )
    }
    child(): DatabaseRateLimitStore {
      return new DatabaseRateLimitStore()
    }
  }
}
