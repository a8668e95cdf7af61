import type { Db } from '../db/index.ts'
import type { StaffMember, StaffRole } from './model.ts'

type StaffRow = {
  id: number
  name: string
  role: StaffRole
  token_hash: string
  created_at: Date
  revoked_at: Date | null
}

export type StaffRecord = StaffMember & { createdAt: Date; revokedAt: Date | null }

const toRecord = (row: StaffRow): StaffRecord => ({
  id: row.id,
  name: row.name,
  role: row.role,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
})

export async function insertStaff(
  db: Db,
  staff: { name: string; role: StaffRole; tokenHash: string; now: Date },
): Promise<StaffRecord> {
  const [row] = await db.query<StaffRow>(
    `insert into staff (name, role, token_hash, created_at) values ($1, $2, $3, $4)
     returning id, name, role, token_hash, created_at, revoked_at`,
    [staff.name, staff.role, staff.tokenHash, staff.now.toISOString()],
  )
  return toRecord(row!)
}

export async function listStaff(db: Db): Promise<StaffRecord[]> {
  const rows = await db.query<StaffRow>(
    'select id, name, role, token_hash, created_at, revoked_at from staff order by id',
  )
  return rows.map(toRecord)
}

/** Revokes the token; null when there is no such staff member or it was already revoked. */
export async function revokeStaff(db: Db, id: number, now: Date): Promise<StaffRecord | null> {
  const [row] = await db.query<StaffRow>(
    `update staff set revoked_at = $2 where id = $1 and revoked_at is null
     returning id, name, role, token_hash, created_at, revoked_at`,
    [id, now.toISOString()],
  )
  return row ? toRecord(row) : null
}

/** An active staff member with the hash of their token, for authentication. */
export async function findActiveStaffCredentials(
  db: Db,
  id: number,
): Promise<{ staff: StaffMember; tokenHash: string } | null> {
  const [row] = await db.query<StaffRow>(
    `select id, name, role, token_hash, created_at, revoked_at from staff where id = $1 and revoked_at is null`,
    [id],
  )
  return row ? { staff: { id: row.id, name: row.name, role: row.role }, tokenHash: row.token_hash } : null
}

export async function findActiveStaff(db: Db, id: number): Promise<StaffMember | null> {
  return (await findActiveStaffCredentials(db, id))?.staff ?? null
}
