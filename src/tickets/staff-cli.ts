import { loadConfig } from '../config.ts'
import { createDb, migrate } from '../db/index.ts'
import { runStaffCommand } from './staff-commands.ts'

// npm run staff -- create --name 张三 --role agent | list | revoke --id 3
// With embedded PGlite (no DATABASE_URL) stop the server first: only one process may open its data directory.
const config = loadConfig()
const db = await createDb(config)
try {
  await migrate(db)
  process.exitCode = await runStaffCommand(db, process.argv.slice(2), (line) => console.log(line))
} finally {
  await db.close()
}
