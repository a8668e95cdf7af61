import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/index.ts'
import { runStaffCommand } from '../../src/tickets/staff-commands.ts'
import { listStaff } from '../../src/tickets/staff-repo.ts'
import { authenticateStaff, createStaffMember } from '../../src/tickets/staff-tokens.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'

describe.each(testDatabases)('staff tokens on $name', (database) => {
  let db: Db
  beforeAll(async () => {
    db = await createMigratedDb(database)
  })
  afterAll(async () => {
    await db.close()
  })

  it('authenticates the token it printed, and stores only its hash', async () => {
    const { staff, token } = await createStaffMember(db, { name: '张三', role: 'agent' })
    expect(token).toMatch(new RegExp(`^qd_${staff.id}_[A-Za-z0-9_-]{43}$`))
    expect(await authenticateStaff(db, token)).toEqual({ id: staff.id, name: '张三', role: 'agent' })
    const rows = await db.query<{ token_hash: string }>('select token_hash from staff where id = $1', [staff.id])
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(rows)).not.toContain(token.slice(-43)) // the secret may itself contain '_'
  })

  it('refuses malformed, altered and foreign tokens', async () => {
    const { staff, token } = await createStaffMember(db, { name: '李四', role: 'supervisor' })
    const other = await createStaffMember(db, { name: '王五', role: 'agent' })
    const secret = token.slice(-43)
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`
    for (const bad of ['', 'garbage', altered, `qd_${other.staff.id}_${secret}`, `qd_999999_${secret}`]) {
      expect(await authenticateStaff(db, bad)).toBeNull()
    }
    expect((await authenticateStaff(db, token))?.id).toBe(staff.id)
  })

  it('create, list and revoke through the staff command', async () => {
    const out: string[] = []
    const print = (line: string) => out.push(line)
    expect(await runStaffCommand(db, ['create', '--name', '赵六', '--role', 'agent'], print)).toBe(0)
    const token = out.find((line) => line.startsWith('qd_'))!
    const me = await authenticateStaff(db, token)
    expect(me).toMatchObject({ name: '赵六', role: 'agent' })

    out.length = 0
    expect(await runStaffCommand(db, ['list'], print)).toBe(0)
    expect(out.some((line) => line.includes('赵六') && line.includes('有效'))).toBe(true)
    expect(out.join('\n')).not.toContain(token)

    expect(await runStaffCommand(db, ['revoke', '--id', String(me!.id)], print)).toBe(0)
    expect(await authenticateStaff(db, token)).toBeNull()
    expect((await listStaff(db)).find((member) => member.id === me!.id)?.revokedAt).toBeInstanceOf(Date)
    expect(await runStaffCommand(db, ['revoke', String(me!.id)], print)).toBe(1)
  })

  it('refuses a create without a valid role and prints the usage', async () => {
    const out: string[] = []
    expect(await runStaffCommand(db, ['create', '--name', '钱七', '--role', 'admin'], (line) => out.push(line))).toBe(2)
    expect(out.join('\n')).toContain('用法')
    expect((await listStaff(db)).some((member) => member.name === '钱七')).toBe(false)
    out.length = 0
    expect(await runStaffCommand(db, ['create', '--nmae', '钱七'], (line) => out.push(line))).toBe(2)
    expect(out.join('\n')).toContain('用法')
  })
})
