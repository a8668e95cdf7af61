import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Db } from '../db/index.ts'
import { UnauthorizedError } from '../errors.ts'
import type { StaffMember } from '../tickets/model.ts'
import { authenticateStaff } from '../tickets/staff-tokens.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by useStaffAuth on every route of the scope it guards. */
    staff: StaffMember | null
  }
}

const BEARER = /^Bearer\s+(\S+)\s*$/i
const MISSING = '需要工作人员令牌：请在请求头中提供 Authorization: Bearer <令牌>。'
const INVALID = '令牌无效或已被吊销，请向主管申请新的令牌。'

/**
 * Guards every route of `scope` with a staff bearer token. It runs on `onRequest`, before the
 * body is parsed or validated, so an anonymous caller learns nothing about the routes' inputs.
 */
export function useStaffAuth(scope: FastifyInstance, db: Db): void {
  scope.decorateRequest('staff', null)
  scope.addHook('onRequest', async (request, reply) => {
    const header = request.headers.authorization
    const token = header ? BEARER.exec(header)?.[1] : undefined
    const staff = token ? await authenticateStaff(db, token) : null
    if (staff) {
      request.staff = staff
      return
    }
    reply.header('www-authenticate', 'Bearer')
    throw new UnauthorizedError(header ? INVALID : MISSING)
  })
}

/** The authenticated staff member of a guarded route. */
export function currentStaff(request: FastifyRequest): StaffMember {
  if (!request.staff) throw new UnauthorizedError(MISSING)
  return request.staff
}
