import type { Db } from '../../src/db/index.ts'
import type { StaffRole } from '../../src/tickets/model.ts'
import type { NewTicketInput } from '../../src/tickets/new-ticket.ts'
import { createStaffMember } from '../../src/tickets/staff-tokens.ts'

/** A valid public-form ticket; override what the test is about. */
export function ticketInput(overrides: Partial<NewTicketInput> = {}): NewTicketInput {
  return {
    category: 'complaint',
    description: '在楼下水果店买的苹果回家一称少了二两',
    contactName: '王芳',
    phone: '13800138000',
    audience: 'citizen',
    consent: true,
    ...overrides,
  }
}

/** A staff member with a token, as `npm run staff -- create` makes one. */
export async function staffWithToken(db: Db, name: string, role: StaffRole) {
  const { staff, token } = await createStaffMember(db, { name, role })
  return { staff: { id: staff.id, name: staff.name, role: staff.role }, token }
}
