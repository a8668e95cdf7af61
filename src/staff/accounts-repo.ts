import type { Db } from '../db/index.ts'
import type { StaffMember, StaffRole } from '../tickets/model.ts'

type AccountRow = {
  id: number
  username: string
  name: string
  role: StaffRole
  password_hash: string | null
  created_at: Date
  disabled_at: Date | null
  last_login_at: Date | null
}

/** An account as admins see it: never its password hash. */
export type StaffAccount = StaffMember & {
  username: string
  hasPassword: boolean
  createdAt: Date
  disabledAt: Date | null
  lastLoginAt: Date | null
}

const COLUMNS = 'id, username, name, role, password_hash, created_at, disabled_at, last_login_at'

const toAccount = (row: AccountRow): StaffAccount => ({
  id: row.id,
  username: row.username,
  name: row.name,
  role: row.role,
  hasPassword: row.password_hash !== null,
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
  lastLoginAt: row.last_login_at,
})

export const toMember = (account: StaffMember): StaffMember => ({
  id: account.id,
  name: account.name,
  role: account.role,
})

export async function insertAccount(
  db: Db,
  account: { username: string; name: string; role: StaffRole; passwordHash: string | null; now: Date },
): Promise<StaffAccount> {
  const [row] = await db.query<AccountRow>(
    `insert into staff (username, name, role, password_hash, created_at) values ($1, $2, $3, $4, $5)
     returning ${COLUMNS}`,
    [account.username, account.name, account.role, account.passwordHash, account.now.toISOString()],
  )
  return toAccount(row!)
}

export async function listAccounts(db: Db): Promise<StaffAccount[]> {
  return (await db.query<AccountRow>(`select ${COLUMNS} from staff order by id`)).map(toAccount)
}

export async function findAccount(db: Db, id: number): Promise<StaffAccount | null> {
  const [row] = await db.query<AccountRow>(`select ${COLUMNS} from staff where id = $1`, [id])
  return row ? toAccount(row) : null
}

/** For sign-in: the account under this name (any case) and its password hash. */
export async function findCredentials(
  db: Db,
  username: string,
): Promise<{ account: StaffAccount; passwordHash: string | null } | null> {
  const [row] = await db.query<AccountRow>(`select ${COLUMNS} from staff where lower(username) = lower($1)`, [username])
  return row ? { account: toAccount(row), passwordHash: row.password_hash } : null
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const rows = await db.query('select 1 from staff where lower(username) = lower($1)', [username])
  return rows.length > 0
}

/** Applies the given changes; returns the account as it is afterwards, or null when there is none. */
export async function updateAccount(
  db: Db,
  id: number,
  change: { role?: StaffRole; passwordHash?: string; disabledAt?: Date | null; lastLoginAt?: Date },
): Promise<StaffAccount | null> {
  const [row] = await db.query<AccountRow>(
    `update staff set
       role = coalesce($2, role),
       password_hash = coalesce($3, password_hash),
       disabled_at = case when $4::boolean then $5::timestamptz else disabled_at end,
       last_login_at = coalesce($6, last_login_at)
     where id = $1 returning ${COLUMNS}`,
    [
      id,
      change.role ?? null,
      change.passwordHash ?? null,
      'disabledAt' in change,
      change.disabledAt?.toISOString() ?? null,
      change.lastLoginAt?.toISOString() ?? null,
    ],
  )
  return row ? toAccount(row) : null
}

/** Enabled admins that can sign in: the console must never lose its last one. */
export async function countActiveAdmins(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    "select count(*)::int as n from staff where role = 'admin' and disabled_at is null and password_hash is not null",
  )
  return row?.n ?? 0
}

/** An enabled staff member, e.g. to assign a ticket to; null when disabled or unknown. */
export async function findActiveStaff(db: Db, id: number): Promise<StaffMember | null> {
  const account = await findAccount(db, id)
  return account && !account.disabledAt ? toMember(account) : null
}
