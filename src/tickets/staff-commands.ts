import { parseArgs } from 'node:util'
import type { Db } from '../db/index.ts'
import { STAFF_ROLES, type StaffRole } from './model.ts'
import { listStaff, revokeStaff } from './staff-repo.ts'
import { createStaffMember } from './staff-tokens.ts'

export const STAFF_USAGE = `用法：
  npm run staff -- create --name 张三 --role agent|supervisor   新建工作人员，令牌只显示这一次
  npm run staff -- list                                         列出工作人员
  npm run staff -- revoke --id 3                                吊销该工作人员的令牌`

const isRole = (value: string | undefined): value is StaffRole => STAFF_ROLES.includes(value as StaffRole)

const parseStaffArgs = (argv: string[]) =>
  parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' }, id: { type: 'string' } },
  })

/** The `staff` command; returns the exit code. `print` receives the lines to show. */
export async function runStaffCommand(db: Db, argv: string[], print: (line: string) => void): Promise<number> {
  let parsed: ReturnType<typeof parseStaffArgs>
  try {
    parsed = parseStaffArgs(argv)
  } catch (error) {
    print(`${(error as Error).message}\n${STAFF_USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  const [command, positionalId] = positionals
  if (command === 'create') {
    const name = values.name?.trim()
    if (!name || !isRole(values.role)) {
      print(`create 需要 --name 和 --role（${STAFF_ROLES.join(' 或 ')}）。\n${STAFF_USAGE}`)
      return 2
    }
    const { staff, token } = await createStaffMember(db, { name, role: values.role })
    print(`已创建工作人员 #${staff.id} ${staff.name}（${staff.role}）。`)
    print('令牌如下，只显示这一次，请立即交给本人妥善保存（请求头 Authorization: Bearer <令牌>）：')
    print(token)
    return 0
  }
  if (command === 'list') {
    const staff = await listStaff(db)
    if (staff.length === 0) print('还没有工作人员。用 create 新建。')
    for (const member of staff) {
      const state = member.revokedAt ? `已吊销 ${member.revokedAt.toISOString()}` : '有效'
      print(`#${member.id}\t${member.name}\t${member.role}\t创建于 ${member.createdAt.toISOString()}\t${state}`)
    }
    return 0
  }
  if (command === 'revoke') {
    const id = Number(values.id ?? positionalId)
    if (!Number.isInteger(id) || id <= 0) {
      print(`revoke 需要 --id（工作人员编号，见 list）。\n${STAFF_USAGE}`)
      return 2
    }
    const revoked = await revokeStaff(db, id, new Date())
    print(
      revoked ? `已吊销 #${revoked.id} ${revoked.name} 的令牌。` : `没有编号为 ${id} 的有效工作人员（可能已吊销）。`,
    )
    return revoked ? 0 : 1
  }
  print(STAFF_USAGE)
  return 2
}
