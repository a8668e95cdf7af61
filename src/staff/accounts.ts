import type { Db } from '../db/index.ts'
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts'
import { ROLE_LABELS, type StaffMember, type StaffRole } from '../tickets/model.ts'
import {
  countActiveAdmins,
  findAccount,
  insertAccount,
  type StaffAccount,
  updateAccount,
  usernameTaken,
} from './accounts-repo.ts'
import { type AuditActor, recordStaffAudit } from './audit-repo.ts'
import { checkNewPassword, hashPassword } from './passwords.ts'
import { deleteSessionsOf } from './sessions.ts'
import { insertStaffToken, revokeStaffToken, type StaffToken } from './tokens.ts'

/**
 * What an admin does to accounts. Each change runs in one transaction with its audit entry, and
 * none may leave the console without an enabled admin who can sign in.
 */

export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/i
export const USERNAME_RULE = '用户名为 2–32 位字母、数字、点、下划线或连字符，以字母或数字开头'

const LAST_ADMIN = '这是最后一个可登录的管理员账号，不能停用或降级；请先为另一位同事设置管理员角色。'

const byAdmin = (admin: StaffMember): AuditActor => ({ kind: 'staff', staff: admin })

async function requireAccount(db: Db, id: number): Promise<StaffAccount> {
  const account = await findAccount(db, id)
  if (!account) throw new NotFoundError(`没有编号为 ${id} 的账号，请刷新列表后重试。`)
  return account
}

/** Whether taking `account` out of the admins (disable, demote) would leave none. */
async function assertNotLastAdmin(db: Db, account: StaffAccount): Promise<void> {
  const counts = account.role === 'admin' && !account.disabledAt && account.hasPassword
  if (counts && (await countActiveAdmins(db)) <= 1) throw new ConflictError(LAST_ADMIN)
}

export async function createAccount(
  db: Db,
  actor: AuditActor,
  input: { username: string; name: string; role: StaffRole; password: string },
  now: Date,
): Promise<StaffAccount> {
  if (!USERNAME.test(input.username)) throw new InvalidInputError(`${USERNAME_RULE}。`)
  checkNewPassword(input.password)
  const passwordHash = await hashPassword(input.password)
  return db.transaction(async (tx) => {
    if (await usernameTaken(tx, input.username)) {
      throw new ConflictError(`用户名 ${input.username} 已被使用，请换一个。`)
    }
    const account = await insertAccount(tx, { ...input, passwordHash, now })
    await recordStaffAudit(tx, {
      actor,
      targetStaffId: account.id,
      action: 'account_created',
      after: { username: account.username, name: account.name, role: account.role },
      now,
    })
    return account
  })
}

export async function changeRole(
  db: Db,
  admin: StaffMember,
  id: number,
  role: StaffRole,
  now: Date,
): Promise<StaffAccount> {
  return db.transaction(async (tx) => {
    const account = await requireAccount(tx, id)
    if (account.role === role) throw new ConflictError(`该账号已是${ROLE_LABELS[role]}。`)
    if (role !== 'admin') await assertNotLastAdmin(tx, account)
    const changed = (await updateAccount(tx, id, { role }))!
    await recordStaffAudit(tx, {
      actor: byAdmin(admin),
      targetStaffId: id,
      action: 'role_changed',
      before: { role: account.role },
      after: { role },
      now,
    })
    return changed
  })
}

/** Disabling also ends the account's sessions; its tokens stop working with it. */
export async function setDisabled(
  db: Db,
  admin: StaffMember,
  id: number,
  disabled: boolean,
  now: Date,
): Promise<StaffAccount> {
  return db.transaction(async (tx) => {
    const account = await requireAccount(tx, id)
    if (Boolean(account.disabledAt) === disabled) {
      throw new ConflictError(disabled ? '该账号已停用。' : '该账号已是启用状态。')
    }
    if (disabled) {
      await assertNotLastAdmin(tx, account)
      await deleteSessionsOf(tx, id)
    }
    const changed = (await updateAccount(tx, id, { disabledAt: disabled ? now : null }))!
    await recordStaffAudit(tx, {
      actor: byAdmin(admin),
      targetStaffId: id,
      action: disabled ? 'account_disabled' : 'account_enabled',
      now,
    })
    return changed
  })
}

/** A new password signs the account out everywhere: whoever knew the old one is out too. */
export async function resetPassword(
  db: Db,
  actor: AuditActor,
  id: number,
  password: string,
  now: Date,
): Promise<StaffAccount> {
  checkNewPassword(password)
  const passwordHash = await hashPassword(password)
  return db.transaction(async (tx) => {
    await requireAccount(tx, id)
    await deleteSessionsOf(tx, id)
    const changed = (await updateAccount(tx, id, { passwordHash }))!
    await recordStaffAudit(tx, { actor, targetStaffId: id, action: 'password_reset', now })
    return changed
  })
}

export async function issueToken(
  db: Db,
  admin: StaffMember,
  input: { staffId: number; label: string },
  now: Date,
): Promise<{ token: StaffToken; secret: string }> {
  return db.transaction(async (tx) => {
    const account = await requireAccount(tx, input.staffId)
    if (account.disabledAt) throw new ConflictError('该账号已停用，不能为它创建令牌。')
    const issued = await insertStaffToken(tx, { ...input, createdBy: admin.id, now })
    await recordStaffAudit(tx, {
      actor: byAdmin(admin),
      targetStaffId: input.staffId,
      action: 'token_created',
      after: { tokenId: issued.token.id, label: input.label },
      now,
    })
    return issued
  })
}

export async function revokeToken(db: Db, admin: StaffMember, tokenId: number, now: Date): Promise<StaffToken> {
  return db.transaction(async (tx) => {
    const token = await revokeStaffToken(tx, tokenId, now)
    if (!token) throw new NotFoundError(`没有编号为 ${tokenId} 的有效令牌（可能已吊销）。`)
    await recordStaffAudit(tx, {
      actor: byAdmin(admin),
      targetStaffId: token.staffId,
      action: 'token_revoked',
      after: { tokenId, label: token.label },
      now,
    })
    return token
  })
}
