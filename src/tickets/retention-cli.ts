import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { openStoreForCli } from '../db/cli-store.ts'
import { describeRetention, runRetention } from './retention.ts'

// npm run retention -- --days 180 (also in the console: 账号管理 → 数据保留清理, for admins)
const { values } = parseArgs({ options: { days: { type: 'string', default: '180' } } })
const days = Number(values.days)
if (!Number.isInteger(days) || days < 1) {
  console.error('--days 须为正整数，例如 npm run retention -- --days 180')
  process.exit(2)
}
// With embedded PGlite a running server holds the store: this then stops with a message (see cli-store.ts).
const config = loadConfig()
const db = await openStoreForCli(config, 'retention')
try {
  for (const line of describeRetention(await runRetention(db, days))) console.log(line)
} finally {
  await db.close()
}
