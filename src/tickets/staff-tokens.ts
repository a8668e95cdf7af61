import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Db } from '../db/index.ts'
import type { StaffMember, StaffRole } from './model.ts'
import { findActiveStaffCredentials, insertStaff, type StaffRecord } from './staff-repo.ts'

/**
 * Staff bearer tokens look like `qd_<staff id>_<43 base64url chars>`: the id finds the row, the
 * secret (32 random bytes) is compared by its sha256 in constant time. A slow password hash would
 * add nothing for a secret this long.
 */
const TOKEN = /^qd_(\d{1,9})_([A-Za-z0-9_-]{43})$/

const hashSecret = (secret: string): Buffer => createHash('sha256').update(secret).digest()

/** Creates a staff member and returns the token; it is never stored, so it can be shown only now. */
export async function createStaffMember(
  db: Db,
  input: { name: string; role: StaffRole },
  now: Date = new Date(),
): Promise<{ staff: StaffRecord; token: string }> {
  const secret = randomBytes(32).toString('base64url')
  const staff = await insertStaff(db, { ...input, tokenHash: hashSecret(secret).toString('hex'), now })
  return { staff, token: `qd_${staff.id}_${secret}` }
}

/** The active staff member a bearer token belongs to, or null (malformed, unknown or revoked). */
export async function authenticateStaff(db: Db, token: string): Promise<StaffMember | null> {
  const match = TOKEN.exec(token.trim())
  if (!match) return null
  const credentials = await findActiveStaffCredentials(db, Number(match[1]))
  if (!credentials) return null
  const expected = Buffer.from(credentials.tokenHash, 'hex')
  const actual = hashSecret(match[2]!)
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? credentials.staff : null
}
