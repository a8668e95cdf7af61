import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { purgeIdleConversations } from '../conversation/sessions-repo.ts'
import { openStoreForCli } from '../db/cli-store.ts'
import { purgeClosedTickets } from './retention.ts'

// npm run retention -- --days 180
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
  const { purged } = await purgeClosedTickets(db, { days })
  console.log(
    `已清除 ${purged.length} 个关闭超过 ${days} 天的工单的个人信息${purged.length ? `：${purged.join('，')}` : '。'}`,
  )
  const turns = await purgeIdleConversations(db, new Date(Date.now() - days * 86_400_000))
  console.log(`已遮蔽 ${turns} 条超过 ${days} 天未活动的对话记录中的电话、证件号和邮箱。`)
} finally {
  await db.close()
}
