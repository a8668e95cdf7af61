import type { Config } from '../config.ts'
import type { Db } from '../db/index.ts'
import type { SignInPolicy } from '../staff/sign-in.ts'
import type { StaffAuth } from './staff-auth.ts'

const MINUTE = 60_000

/** The sign-in rules of the configuration, in the units the staff modules take. */
export const staffSignInPolicy = (config: Config): SignInPolicy => ({
  idleMs: config.STAFF_SESSION_IDLE_MINUTES * MINUTE,
  maxMs: config.STAFF_SESSION_MAX_HOURS * 60 * MINUTE,
  maxFailures: config.STAFF_LOGIN_MAX_FAILURES,
  maxFailuresPerAddress: config.STAFF_LOGIN_MAX_FAILURES_PER_IP,
  lockMs: config.STAFF_LOGIN_LOCK_MINUTES * MINUTE,
})

/** What every guarded staff route file gets; `now` is the app's clock (tests pass a movable one). */
export const staffAuthOf = (config: Config, db: Db, now: () => Date = () => new Date()): StaffAuth => ({
  db,
  sessions: staffSignInPolicy(config),
  cookieSecurity: config.STAFF_COOKIE_SECURE,
  now,
})
