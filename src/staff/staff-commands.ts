import type { Db } from '../db/index.ts'
import { ROLE_LABELS } from '../tickets/model.ts'
import { listAccounts } from './accounts-repo.ts'
import { describeFirstAdmin, ensureFirstAdmin } from './first-admin.ts'

export const STAFF_USAGE = `用法：
  ADMIN_INITIAL_PASSWORD=… npm run staff -- create-admin   没有可登录的管理员时，创建（或恢复）管理员账号 admin
  npm run staff -- list                                    列出账号
其余账号管理（新建、停用、重置密码、改角色、集成令牌）都在工作台 /staff 的“账号管理”中。`

/** The `staff` command; returns the exit code. `print` receives the lines to show. */
export async function runStaffCommand(
  db: Db,
  argv: string[],
  options: { initialPassword: string | undefined; consoleUrl: string },
  print: (line: string) => void,
): Promise<number> {
  const [command] = argv
  if (command === 'create-admin') {
    const outcome = await ensureFirstAdmin(db, options.initialPassword, new Date())
    if (outcome.kind === 'exists') {
      print(`已有可登录的管理员账号，未做任何改动。请在 ${options.consoleUrl} 的“账号管理”中管理账号。`)
      return 1
    }
    print(describeFirstAdmin(outcome, options.consoleUrl) ?? '')
    return outcome.kind === 'created' ? 0 : 2
  }
  if (command === 'list') {
    const accounts = await listAccounts(db)
    if (accounts.length === 0) print('还没有账号。用 create-admin 创建管理员。')
    for (const account of accounts) {
      const state = account.disabledAt ? `已停用 ${account.disabledAt.toISOString()}` : '启用'
      const password = account.hasPassword ? '' : '\t未设密码'
      print(`#${account.id}\t${account.username}\t${account.name}\t${ROLE_LABELS[account.role]}\t${state}${password}`)
    }
    return 0
  }
  print(STAFF_USAGE)
  return 2
}
