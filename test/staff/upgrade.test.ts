import { readdirSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Db, migrate } from '../../src/db/index.ts'
import { listAccounts } from '../../src/staff/accounts-repo.ts'
import { describeFirstAdmin, ensureFirstAdmin } from '../../src/staff/first-admin.ts'
import { authenticateToken } from '../../src/staff/tokens.ts'
import { testDatabases } from '../support/databases.ts'

const MIGRATIONS = 'src/db/migrations/'

/** A store as the token CLI left it: migrations before 020, staff with sha256 token hashes. */
async function storeBeforeAccounts(db: Db): Promise<void> {
  await db.exec(
    'create table schema_migrations (version text primary key, applied_at timestamptz not null default now())',
  )
  for (const file of readdirSync(MIGRATIONS)
    .filter((name) => /^0(0\d|1\d)_.*\.sql$/.test(name))
    .sort()) {
    await db.exec(readFileSync(MIGRATIONS + file, 'utf8'))
    await db.query('insert into schema_migrations (version) values ($1)', [file])
  }
  // qd_1_<43 × A> and qd_2_<43 × B>: the hashes are sha256 of the secrets.
  await db.query(
    `insert into staff (name, role, token_hash, created_at, revoked_at) values
       ('张三', 'agent', encode(sha256(convert_to($1, 'UTF8')), 'hex'), now(), null),
       ('离职者', 'supervisor', encode(sha256(convert_to($2, 'UTF8')), 'hex'), now(), now())`,
    ['A'.repeat(43), 'B'.repeat(43)],
  )
}

describe.each(testDatabases)('upgrading a token-CLI store to accounts on $name', (database) => {
  let db: Db
  beforeAll(async () => {
    db = await database.create()
    await storeBeforeAccounts(db)
    expect(await migrate(db)).toContain('020_staff_accounts.sql')
  })
  afterAll(async () => {
    await db.close()
  })

  it('keeps old tokens working, disables revoked staff, and names the accounts by number', async () => {
    expect(await authenticateToken(db, `qd_1_${'A'.repeat(43)}`)).toEqual({ id: 1, name: '张三', role: 'agent' })
    expect(await authenticateToken(db, `qd_2_${'B'.repeat(43)}`)).toBeNull()
    const accounts = await listAccounts(db)
    expect(
      accounts.map(({ username, hasPassword, disabledAt }) => ({ username, hasPassword, disabled: !!disabledAt })),
    ).toEqual([
      { username: 'staff1', hasPassword: false, disabled: false },
      { username: 'staff2', hasPassword: false, disabled: true },
    ])
  })

  it('has no admin until the first one is made, and new tokens get new numbers', async () => {
    const needs = await ensureFirstAdmin(db, undefined, new Date())
    expect(describeFirstAdmin(needs, 'http://127.0.0.1:3000/staff')).toContain('ADMIN_INITIAL_PASSWORD')
    expect((await ensureFirstAdmin(db, 'first-admin-password', new Date())).kind).toBe('created')
    const [row] = await db.query<{ id: number }>(
      "insert into staff_tokens (staff_id, label, token_hash, created_at) values (1, 'x', 'y', now()) returning id",
    )
    expect(row!.id).toBe(3)
  })
})
