import { loadConfig } from '/work/main/src/config.ts'
import { openStoreForCli } from '/work/main/src/db/cli-store.ts'

const db = await openStoreForCli(loadConfig(), 'ask')
const rows = await db.query<any>(
  `select id, section, content from chunks where document_id = $1 and section like '%' || $2 || '%' order by id`,
  [process.argv[2], process.argv[3]],
)
for (const r of rows) console.log('#', r.id, r.section, r.content.length, '\n', r.content, '\n')
await db.close()
