import type { Db } from '../db/index.ts'
import { AppError, ForbiddenError, UnauthorizedError } from '../errors.ts'
import type { StaffMember } from '../tickets/model.ts'
import { findCredentials, updateAccount } from './accounts-repo.ts'
import { recordStaffAudit } from './audit-repo.ts'
import { accountKey, addressKey, clearFailures, lockedUntil, recordFailure } from './login-throttle.ts'
import { verifyPassword } from './passwords.ts'
import { createSession, purgeDeadSessions, type SessionPolicy } from './sessions.ts'

export type SignInPolicy = SessionPolicy & {
  maxFailures: number
  maxFailuresPerAddress: number
  /** How long failures count, and how long a lock lasts. */
  lockMs: number
}

/** One message for any wrong pair: it must not tell whether the name exists. */
export const WRONG_PAIR = '用户名或密码错误，请核对后重试。'

/** Too many failures: 429 with the minutes to wait. */
export class SignInLockedError extends AppError {
  override name = 'SignInLockedError'
  override status = 429
  override code = 'sign_in_locked'
  constructor(
    readonly until: Date,
    now: Date,
  ) {
    const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000))
    super(`登录失败次数过多，已暂时锁定，请 ${minutes} 分钟后再试；如忘记密码，请联系管理员重置。`)
  }
}

export type SignedIn = { staff: StaffMember & { username: string }; cookie: string; csrfToken: string; expiresAt: Date }

/**
 * Checks a username and password and opens a session. Locked keys are refused before the
 * password is looked at; every wrong pair counts against the name and the address.
 */
export async function signIn(
  db: Db,
  policy: SignInPolicy,
  attempt: { username: string; password: string; ip: string },
  now: Date,
): Promise<SignedIn> {
  const keys = [accountKey(attempt.username), addressKey(attempt.ip)]
  const locked = await lockedUntil(db, keys, now)
  if (locked) throw new SignInLockedError(locked, now)

  const found = await findCredentials(db, attempt.username.trim())
  const matches = await verifyPassword(attempt.password, found?.passwordHash ?? null)
  if (!found || !matches) {
    const newlyLocked = await recordFailure(
      db,
      [
        { key: keys[0]!, max: policy.maxFailures },
        { key: keys[1]!, max: policy.maxFailuresPerAddress },
      ],
      { windowMs: policy.lockMs },
      now,
    )
    if (found && newlyLocked.includes(keys[0]!)) {
      await recordStaffAudit(db, {
        actor: { kind: 'system', name: '登录保护' },
        targetStaffId: found.account.id,
        action: 'sign_in_locked',
        after: { minutes: Math.round(policy.lockMs / 60_000) },
        now,
      })
    }
    if (newlyLocked.length > 0) throw new SignInLockedError(new Date(now.getTime() + policy.lockMs), now)
    throw new UnauthorizedError(WRONG_PAIR)
  }
  // Only someone who knows the password learns that the account is disabled.
  if (found.account.disabledAt) throw new ForbiddenError('该账号已停用，请联系管理员。')

  await clearFailures(db, keys[0]!)
  await purgeDeadSessions(db, policy, now)
  await updateAccount(db, found.account.id, { lastLoginAt: now })
  const session = await createSession(db, found.account.id, policy, now)
  const { id, name, role, username } = found.account
  return { staff: { id, name, role, username }, ...session }
}
