import type { Db } from '../../src/db/index.ts'
import { createAccount } from '../../src/staff/accounts.ts'
import { insertAccount, toMember } from '../../src/staff/accounts-repo.ts'
import { insertStaffToken } from '../../src/staff/tokens.ts'
import type { StaffRole } from '../../src/tickets/model.ts'
import type { NewTicketInput } from '../../src/tickets/new-ticket.ts'

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

let accounts = 0

/** An account with a password, as an admin creates one in the console. */
export async function staffAccount(db: Db, name: string, role: StaffRole, password = 'correct-horse-42') {
  accounts += 1
  const username = `user${accounts}_${process.pid}`
  const account = await createAccount(
    db,
    { kind: 'system', name: 'test' },
    { username, name, role, password },
    new Date(),
  )
  return { staff: toMember(account), username, password }
}

/**
 * An integration account with a token, as an admin issues one in the console. It has no password:
 * hashing one costs 32 MiB and a tenth of a second, which tests that never sign in need not pay.
 */
export async function staffWithToken(db: Db, name: string, role: StaffRole) {
  accounts += 1
  const account = await insertAccount(db, {
    username: `token${accounts}_${process.pid}`,
    name,
    role,
    passwordHash: null,
    now: new Date(),
  })
  const staff = toMember(account)
  const { secret } = await insertStaffToken(db, { staffId: staff.id, label: 'test', createdBy: null, now: new Date() })
  return { staff, token: secret }
}
