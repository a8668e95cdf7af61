import type { Db } from '../db/index.ts'
import { createAccount, resetPassword } from './accounts.ts'
import { findCredentials, listAccounts, updateAccount } from './accounts-repo.ts'
import { recordStaffAudit } from './audit-repo.ts'

export const FIRST_ADMIN = 'admin'
// Any fixed number other than the migrations' lock.
const FIRST_ADMIN_LOCK = 4_242_002
const SYSTEM = { kind: 'system', name: '首个管理员' } as const

export type FirstAdminOutcome = { kind: 'exists' } | { kind: 'created'; id: number } | { kind: 'needs-password' }

/**
 * On a store where no admin can sign in, makes `admin` one with `password`. An existing account
 * named `admin` (made by the old token CLI, or disabled) is taken over: whoever holds the shell and
 * the environment already owns the store. Nothing happens when an admin can sign in, so restarting
 * with the variable still set changes nothing.
 */
export async function ensureFirstAdmin(db: Db, password: string | undefined, now: Date): Promise<FirstAdminOutcome> {
  // Several instances may start together on one PostgreSQL: one decides, the others then see its admin.
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK])
    return ensureFirstAdminLocked(tx, password, now)
  })
}

async function ensureFirstAdminLocked(db: Db, password: string | undefined, now: Date): Promise<FirstAdminOutcome> {
  const accounts = await listAccounts(db)
  if (accounts.some((account) => account.role === 'admin' && !account.disabledAt && account.hasPassword)) {
    return { kind: 'exists' }
  }
  if (!password) return { kind: 'needs-password' }
  const existing = await findCredentials(db, FIRST_ADMIN)
  if (existing) {
    const { id, role, disabledAt } = existing.account
    await resetPassword(db, SYSTEM, id, password, now)
    await updateAccount(db, id, { role: 'admin', disabledAt: null })
    const before = { role, disabled: Boolean(disabledAt) }
    await recordStaffAudit(db, { actor: SYSTEM, targetStaffId: id, action: 'first_admin_restored', before, now })
    return { kind: 'created', id }
  }
  const account = await createAccount(
    db,
    SYSTEM,
    { username: FIRST_ADMIN, name: '管理员', role: 'admin', password },
    now,
  )
  return { kind: 'created', id: account.id }
}

/** What to tell the person who started the server or ran the command. */
export function describeFirstAdmin(outcome: FirstAdminOutcome, consoleUrl: string): string | null {
  switch (outcome.kind) {
    case 'exists':
      return null
    case 'created':
      return `已创建首个管理员账号 ${FIRST_ADMIN}（密码为 ADMIN_INITIAL_PASSWORD），请在 ${consoleUrl} 登录，并为每位同事建立自己的账号。`
    case 'needs-password':
      return `还没有可登录的管理员账号。请设置 ADMIN_INITIAL_PASSWORD（至少 12 个字符）后重启服务器，或先停止服务器再运行 ADMIN_INITIAL_PASSWORD=… npm run staff -- create-admin；然后在 ${consoleUrl} 以 ${FIRST_ADMIN} 登录。`
  }
}
