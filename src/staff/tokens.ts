import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Db } from '../db/index.ts'
import type { StaffMember } from '../tickets/model.ts'

/**
 * Bearer tokens for integrations look like `qd_<token id>_<43 base64url chars>`: the id finds the
 * row, the secret (32 random bytes) is compared by its sha256 in constant time. A slow password
 * hash would add nothing for a secret this long. A token acts as its account, with its role, and
 * stops working when either is revoked or disabled.
 */
const TOKEN = /^qd_(\d{1,9})_([A-Za-z0-9_-]{43})$/

const hashSecret = (secret: string): Buffer => createHash('sha256').update(secret).digest()

export type StaffToken = {
  id: number
  staffId: number
  label: string
  createdBy: number | null
  createdAt: Date
  revokedAt: Date | null
}

type TokenRow = {
  id: number
  staff_id: number
  label: string
  created_by: number | null
  created_at: Date
  revoked_at: Date | null
}

const toToken = (row: TokenRow): StaffToken => ({
  id: row.id,
  staffId: row.staff_id,
  label: row.label,
  createdBy: row.created_by,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
})

const COLUMNS = 'id, staff_id, label, created_by, created_at, revoked_at'

/** Makes a token for `staffId`; the token is never stored, so it can be shown only now. */
export async function insertStaffToken(
  db: Db,
  input: { staffId: number; label: string; createdBy: number | null; now: Date },
): Promise<{ token: StaffToken; secret: string }> {
  const secret = randomBytes(32).toString('base64url')
  const [row] = await db.query<TokenRow>(
    `insert into staff_tokens (staff_id, label, token_hash, created_by, created_at) values ($1, $2, $3, $4, $5)
     returning ${COLUMNS}`,
    [input.staffId, input.label, hashSecret(secret).toString('hex'), input.createdBy, input.now.toISOString()],
  )
  const token = toToken(row!)
  return { token, secret: `qd_${token.id}_${secret}` }
}

export async function listStaffTokens(db: Db): Promise<StaffToken[]> {
  return (await db.query<TokenRow>(`select ${COLUMNS} from staff_tokens order by id`)).map(toToken)
}

/** Revokes a token; null when there is no such token or it was already revoked. */
export async function revokeStaffToken(db: Db, id: number, now: Date): Promise<StaffToken | null> {
  const [row] = await db.query<TokenRow>(
    `update staff_tokens set revoked_at = $2 where id = $1 and revoked_at is null returning ${COLUMNS}`,
    [id, now.toISOString()],
  )
  return row ? toToken(row) : null
}

/** The enabled staff member a bearer token belongs to, or null (malformed, unknown, revoked, disabled). */
export async function authenticateToken(db: Db, token: string): Promise<StaffMember | null> {
  const match = TOKEN.exec(token.trim())
  if (!match) return null
  const [row] = await db.query<StaffMember & { token_hash: string }>(
    `select s.id, s.name, s.role, t.token_hash from staff_tokens t join staff s on s.id = t.staff_id
      where t.id = $1 and t.revoked_at is null and s.disabled_at is null`,
    [Number(match[1])],
  )
  if (!row) return null
  const expected = Buffer.from(row.token_hash, 'hex')
  const actual = hashSecret(match[2]!)
  return expected.length === actual.length && timingSafeEqual(expected, actual)
    ? { id: row.id, name: row.name, role: row.role }
    : null
}
