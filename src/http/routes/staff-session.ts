import { findAccount } from '../../staff/accounts-repo.ts'
import { deleteSession, findSession } from '../../staff/sessions.ts'
import { SignInLockedError, type SignInPolicy, signIn } from '../../staff/sign-in.ts'
import { commonErrors, ErrorResponse, NoContent } from '../contract/common.ts'
import { LoginBody, LoginResponse, SignedInStaff } from '../contract/staff-session.ts'
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../session-cookie.ts'
import { assertCsrfToken, currentStaff, registerStaffScope, type StaffAuth } from '../staff-auth.ts'
import type { App } from '../zod-schemas.ts'

const tags = ['staff']

/**
 * Signing in and out of the staff console, and who is signed in. Login and logout stand outside
 * the guard; /me is behind it and hands the page its CSRF token, so every tab of one browser
 * shares the sign-in without storing anything itself.
 */
export async function registerStaffSessionRoutes(
  app: App,
  deps: { auth: StaffAuth; signIn: SignInPolicy },
): Promise<void> {
  const { auth } = deps
  const { db } = auth

  app.post(
    '/api/staff/login',
    {
      schema: {
        tags,
        summary: '用户名和密码登录：设置会话 Cookie，返回账号和 CSRF 令牌',
        body: LoginBody,
        response: { 200: LoginResponse, 401: ErrorResponse, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body
      const now = auth.now()
      try {
        const signed = await signIn(db, deps.signIn, { username, password, ip: request.ip }, now)
        setSessionCookie(reply, request, auth.cookieSecurity, signed.cookie, signed.expiresAt, now)
        request.log.info({ staffId: signed.staff.id }, 'staff signed in')
        return { ...signed.staff, csrfToken: signed.csrfToken, expiresAt: signed.expiresAt }
      } catch (error) {
        if (error instanceof SignInLockedError) {
          request.log.warn('staff sign-in refused: locked')
          reply.header('retry-after', Math.ceil((error.until.getTime() - now.getTime()) / 1000))
        } else request.log.info('staff sign-in refused: wrong pair or disabled')
        throw error
      }
    },
  )

  app.post(
    '/api/staff/logout',
    {
      schema: {
        tags,
        summary: '退出登录：结束会话（需 X-CSRF-Token）并清除 Cookie',
        response: { 204: NoContent, 403: ErrorResponse, ...commonErrors },
      },
    },
    async (request, reply) => {
      const cookie = readSessionCookie(request)
      const session = cookie ? await findSession(db, cookie, auth.sessions, auth.now()) : null
      // Another site must not sign a staff member out either.
      if (session) assertCsrfToken(request, session.csrfToken)
      if (cookie) await deleteSession(db, cookie)
      clearSessionCookie(reply, request, auth.cookieSecurity)
      return reply.status(204).send()
    },
  )

  await registerStaffScope(app, auth, async (scope) => {
    scope.get(
      '/me',
      {
        schema: {
          tags,
          summary: '当前工作人员（浏览器登录时附 CSRF 令牌）',
          response: { 200: SignedInStaff, 401: ErrorResponse, ...commonErrors },
        },
      },
      async (request) => {
        const staff = currentStaff(request)
        const account = await findAccount(db, staff.id)
        return { ...staff, username: account?.username ?? null, csrfToken: request.staffCsrfToken }
      },
    )
  })
}
