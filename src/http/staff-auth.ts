import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Db } from '../db/index.ts'
import { ForbiddenError, UnauthorizedError } from '../errors.ts'
import { findSession, type SessionPolicy } from '../staff/sessions.ts'
import { authenticateToken } from '../staff/tokens.ts'
import { ROLE_LABELS, roleAtLeast, type StaffMember, type StaffRole } from '../tickets/model.ts'
import { type CookieSecurity, clearSessionCookie, readSessionCookie } from './session-cookie.ts'
import type { App } from './zod-schemas.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by useStaffAuth on every route of the scope it guards. */
    staff: StaffMember | null
    /** The CSRF token of the signed-in browser; null when a bearer token signed the request. */
    staffCsrfToken: string | null
  }
}

/** What the guard needs; built once in buildApp and handed to every staff route file. */
export type StaffAuth = { db: Db; sessions: SessionPolicy; cookieSecurity: CookieSecurity; now: () => Date }

const BEARER = /^Bearer\s+(\S+)\s*$/i
const MISSING = '请先登录工作台（/staff）；集成调用请在请求头中提供 Authorization: Bearer <令牌>。'
const INVALID = '令牌无效或已被吊销，请向管理员申请新的令牌。'
const EXPIRED = '登录已过期或已在别处退出，请重新登录。'
const CSRF = '缺少或错误的 X-CSRF-Token 请求头，请刷新页面后重试。'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** A cookie-signed change without the page's CSRF token: 403 with its own code. */
export class CsrfError extends ForbiddenError {
  override name = 'CsrfError'
  override code = 'csrf_token_invalid'
}

/** A change made with the sign-in cookie must carry the session's CSRF token in X-CSRF-Token. */
export function assertCsrfToken(request: FastifyRequest, expected: string): void {
  if (SAFE_METHODS.has(request.method)) return
  const given = request.headers['x-csrf-token']
  const a = Buffer.from(expected)
  const b = Buffer.from(typeof given === 'string' ? given : '')
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new CsrfError(CSRF)
}

/**
 * Guards every route of `scope`: a bearer token (integrations) or the sign-in cookie (the console).
 * It runs on `onRequest`, before the body is parsed or validated, so an anonymous caller learns
 * nothing about the routes' inputs. A cookie is sent by the browser on its own, so a change made
 * with it must also carry the X-CSRF-Token header that only our pages can read (synchronizer token);
 * a bearer token is never sent by itself and needs none.
 */
/**
 * Routes under /api/staff behind the staff guard, in a scope of their own: each route file declares
 * its routes and nothing else.
 */
export async function registerStaffScope(
  app: App,
  auth: StaffAuth,
  routes: (scope: App) => void | Promise<void>,
): Promise<void> {
  await app.register(
    async (scope: App) => {
      useStaffAuth(scope, auth)
      await routes(scope)
    },
    { prefix: '/api/staff' },
  )
}

export function useStaffAuth(scope: FastifyInstance, auth: StaffAuth): void {
  scope.decorateRequest('staff', null)
  scope.decorateRequest('staffCsrfToken', null)
  scope.addHook('onRequest', async (request, reply) => {
    const header = request.headers.authorization
    if (header) {
      const token = BEARER.exec(header)?.[1]
      const staff = token ? await authenticateToken(auth.db, token) : null
      if (staff) {
        request.staff = staff
        return
      }
      reply.header('www-authenticate', 'Bearer')
      throw new UnauthorizedError(INVALID)
    }
    const cookie = readSessionCookie(request)
    const session = cookie ? await findSession(auth.db, cookie, auth.sessions, auth.now()) : null
    if (!session) {
      if (cookie) clearSessionCookie(reply, request, auth.cookieSecurity)
      reply.header('www-authenticate', 'Bearer')
      throw new UnauthorizedError(cookie ? EXPIRED : MISSING)
    }
    assertCsrfToken(request, session.csrfToken)
    request.staff = session.staff
    request.staffCsrfToken = session.csrfToken
  })
}

/** The authenticated staff member of a guarded route. */
export function currentStaff(request: FastifyRequest): StaffMember {
  if (!request.staff) throw new UnauthorizedError(MISSING)
  return request.staff
}

/**
 * The signed-in staff member when their role is at least `minimum`; otherwise a 403 that names the
 * role, and the action when given ("只有主管可以上传文件").
 */
export function requireRole(request: FastifyRequest, minimum: StaffRole, action?: string): StaffMember {
  const staff = currentStaff(request)
  if (!roleAtLeast(staff.role, minimum)) {
    const role = ROLE_LABELS[minimum]
    throw new ForbiddenError(
      action ? `只有${role}可以${action}；请联系${role}办理。` : `此操作需要${role}权限；如需办理，请联系${role}。`,
    )
  }
  return staff
}
