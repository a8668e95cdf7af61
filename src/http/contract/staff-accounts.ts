import { z } from 'zod'
import { USERNAME, USERNAME_RULE } from '../../staff/accounts.ts'
import type { StaffAccount } from '../../staff/accounts-repo.ts'
import type { StaffAuditEntry } from '../../staff/audit-repo.ts'
import { PASSWORD_MAX, PASSWORD_MIN } from '../../staff/passwords.ts'
import type { StaffToken } from '../../staff/tokens.ts'
import { STAFF_ROLES } from '../../tickets/model.ts'
import type { RetentionOutcome } from '../../tickets/retention.ts'
import { isoDateTime } from './common.ts'
import type { NoneUnnamed, Unnamed } from './unnamed-fields.ts'

const Role = z.enum(STAFF_ROLES, { error: `角色须为 ${STAFF_ROLES.join('、')} 之一` })
const Password = z
  .string()
  .min(PASSWORD_MIN, { error: `密码至少 ${PASSWORD_MIN} 个字符` })
  .max(PASSWORD_MAX, { error: `密码请控制在 ${PASSWORD_MAX} 个字符以内` })
export const NewAccount = z.object({
  username: z.string().trim().regex(USERNAME, { error: USERNAME_RULE }),
  name: z.string().trim().min(1, { error: '请填写姓名' }).max(40),
  role: Role,
  password: Password,
})
export const RoleBody = z.object({ role: Role })
export const PasswordBody = z.object({ password: Password })
export const NewToken = z.object({
  staffId: z.number().int().positive({ error: '请选择令牌所属的账号' }),
  label: z.string().trim().min(1, { error: '请写明令牌的用途，例如“12345 热线对接”' }).max(60),
})

/** An account as admins see it: never its password hash, only whether it has one. */
export const AccountSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  hasPassword: z.boolean(),
  createdAt: isoDateTime,
  disabledAt: isoDateTime.nullable(),
  lastLoginAt: isoDateTime.nullable(),
})
export const AccountListSchema = z.object({ accounts: z.array(AccountSchema) })

/** An integration token without its secret. */
export const TokenSchema = z.object({
  id: z.number().int(),
  staffId: z.number().int(),
  label: z.string(),
  createdBy: z.number().int().nullable(),
  createdAt: isoDateTime,
  revokedAt: isoDateTime.nullable(),
})
export const TokenListSchema = z.object({ tokens: z.array(TokenSchema) })
/** A new token: the secret is shown this once and stored nowhere. */
export const IssuedTokenSchema = TokenSchema.extend({ secret: z.string() })

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  actor: z.object({ staffId: z.number().int().nullable(), name: z.string() }),
  targetStaffId: z.number().int().nullable(),
  action: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  createdAt: isoDateTime,
})
export const AuditPageSchema = z.object({ entries: z.array(AuditEntrySchema) })

/** What a retention run did, and the same in sentences for the console. */
export const RetentionResultSchema = z.object({
  days: z.number().int(),
  purgedTickets: z.array(z.string()),
  maskedTurns: z.number().int(),
  summary: z.array(z.string()),
})

export type NewAccountBody = z.input<typeof NewAccount>
export type AccountRow = z.output<typeof AccountSchema>
export type TokenRow = z.output<typeof TokenSchema>
export type IssuedToken = z.output<typeof IssuedTokenSchema>
export type AuditRow = z.output<typeof AuditEntrySchema>
export type RetentionResult = z.output<typeof RetentionResultSchema>

type _EveryFieldNamed = NoneUnnamed<
  | Unnamed<typeof AccountSchema, StaffAccount>
  | Unnamed<typeof TokenSchema, StaffToken>
  | Unnamed<typeof AuditEntrySchema, StaffAuditEntry>
  | Unnamed<typeof RetentionResultSchema, RetentionOutcome>
>
