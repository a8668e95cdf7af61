import { z } from 'zod'
import { changeRole, createAccount, issueToken, resetPassword, revokeToken, setDisabled } from '../../staff/accounts.ts'
import { listAccounts } from '../../staff/accounts-repo.ts'
import { listStaffAudit, recordStaffAudit } from '../../staff/audit-repo.ts'
import { listStaffTokens } from '../../staff/tokens.ts'
import { describeRetention, runRetention } from '../../tickets/retention.ts'
import { ErrorResponse, staffChangeErrors } from '../contract/common.ts'
import {
  AccountListSchema,
  AccountSchema,
  AuditPageSchema,
  IssuedTokenSchema,
  NewAccount,
  NewToken,
  PasswordBody,
  RetentionResultSchema,
  RoleBody,
  TokenListSchema,
  TokenSchema,
} from '../contract/staff-accounts.ts'
import { currentStaff, registerStaffScope, requireRole, type StaffAuth } from '../staff-auth.ts'
import type { App } from '../zod-schemas.ts'

const IdParams = z.object({ id: z.coerce.number().int().positive({ error: '编号须为正整数' }) })
const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
})
const RetentionBody = z.object({ days: z.number().int().min(30, { error: '保留期至少 30 天' }).max(3650) })

const tags = ['staff-admin']
/** An account as it now is; 404 for no such account, 409 when the change would change nothing or lock admins out. */
const changedAccount = { 200: AccountSchema, 404: ErrorResponse, 409: ErrorResponse, ...staffChangeErrors }

/** Account administration, integration tokens, the audit log and retention: admins only. */
export async function registerStaffAccountRoutes(app: App, deps: { auth: StaffAuth }): Promise<void> {
  const { auth } = deps
  const { db } = auth
  await registerStaffScope(app, auth, async (scope) => {
    // Every route here is an admin's: checked once for all of them, after the guard has signed the caller in.
    scope.addHook('preValidation', async (request) => {
      requireRole(request, 'admin')
    })

    scope.get(
      '/accounts',
      { schema: { tags, summary: '账号列表（管理员）', response: { 200: AccountListSchema, ...staffChangeErrors } } },
      async () => ({
        accounts: await listAccounts(db),
      }),
    )

    scope.post(
      '/accounts',
      {
        schema: {
          tags,
          summary: '新建账号（管理员）',
          body: NewAccount,
          response: { 201: AccountSchema, 409: ErrorResponse, ...staffChangeErrors },
        },
      },
      async (request, reply) => {
        const admin = currentStaff(request)
        const body = request.body
        const account = await createAccount(db, { kind: 'staff', staff: admin }, body, auth.now())
        return reply.status(201).send(account)
      },
    )

    scope.post(
      '/accounts/:id/role',
      { schema: { tags, summary: '更改角色（管理员）', params: IdParams, body: RoleBody, response: changedAccount } },
      async (request) => {
        const { id } = request.params
        const { role } = request.body
        return changeRole(db, currentStaff(request), id, role, auth.now())
      },
    )

    scope.post(
      '/accounts/:id/password',
      {
        schema: {
          tags,
          summary: '重置密码（管理员；该账号的所有登录随之结束）',
          params: IdParams,
          body: PasswordBody,
          response: changedAccount,
        },
      },
      async (request) => {
        const { id } = request.params
        const { password } = request.body
        const admin = currentStaff(request)
        return resetPassword(db, { kind: 'staff', staff: admin }, id, password, auth.now())
      },
    )

    for (const [action, disabled] of [
      ['disable', true],
      ['enable', false],
    ] as const) {
      scope.post(
        `/accounts/:id/${action}`,
        {
          schema: {
            tags,
            summary: disabled ? '停用账号（管理员；其登录和令牌随之失效）' : '重新启用账号（管理员）',
            params: IdParams,
            response: changedAccount,
          },
        },
        async (request) => {
          const { id } = request.params
          return setDisabled(db, currentStaff(request), id, disabled, auth.now())
        },
      )
    }

    scope.get(
      '/tokens',
      {
        schema: {
          tags,
          summary: '集成令牌列表（管理员；不含令牌本身）',
          response: { 200: TokenListSchema, ...staffChangeErrors },
        },
      },
      async () => ({
        tokens: await listStaffTokens(db),
      }),
    )

    scope.post(
      '/tokens',
      {
        schema: {
          tags,
          summary: '为账号创建集成令牌（管理员；令牌只返回这一次）',
          body: NewToken,
          response: { 201: IssuedTokenSchema, 404: ErrorResponse, 409: ErrorResponse, ...staffChangeErrors },
        },
      },
      async (request, reply) => {
        const body = request.body
        const { token, secret } = await issueToken(db, currentStaff(request), body, auth.now())
        return reply.status(201).send({ ...token, secret })
      },
    )

    scope.post(
      '/tokens/:id/revoke',
      {
        schema: {
          tags,
          summary: '吊销集成令牌（管理员）',
          params: IdParams,
          response: { 200: TokenSchema, 404: ErrorResponse, ...staffChangeErrors },
        },
      },
      async (request) => {
        const { id } = request.params
        return revokeToken(db, currentStaff(request), id, auth.now())
      },
    )

    scope.get(
      '/audit',
      {
        schema: {
          tags,
          summary: '账号审计记录，最新的在前（管理员）',
          querystring: AuditQuery,
          response: { 200: AuditPageSchema, ...staffChangeErrors },
        },
      },
      async (request) => ({ entries: await listStaffAudit(db, request.query) }),
    )

    scope.post(
      '/retention',
      {
        schema: {
          tags,
          summary: '数据保留清理：清除关闭超过 N 天的工单个人信息，遮蔽久未活动的对话（管理员）',
          body: RetentionBody,
          response: { 200: RetentionResultSchema, ...staffChangeErrors },
        },
      },
      async (request) => {
        const admin = currentStaff(request)
        const { days } = request.body
        const now = auth.now()
        const outcome = await runRetention(db, days, now)
        await recordStaffAudit(db, {
          actor: { kind: 'staff', staff: admin },
          targetStaffId: null,
          action: 'retention_run',
          after: { days, purgedTickets: outcome.purgedTickets.length, maskedTurns: outcome.maskedTurns },
          now,
        })
        request.log.info({ days, purged: outcome.purgedTickets.length }, 'retention run from the console')
        return { ...outcome, summary: describeRetention(outcome) }
      },
    )
  })
}
