import type { FastifyRequest } from 'fastify'
import { ForbiddenError } from '../errors.ts'
import type { StaffMember } from '../tickets/model.ts'
import { currentStaff } from './staff-auth.ts'

/**
 * Changing what the assistant answers from — uploading or deleting a document, approving a
 * correction — is a supervisor's call; agents propose, supervisors decide.
 */
export function requireSupervisor(request: FastifyRequest, action: string): StaffMember {
  const staff = currentStaff(request)
  if (staff.role !== 'supervisor') throw new ForbiddenError(`只有主管可以${action}；请联系主管办理。`)
  return staff
}
