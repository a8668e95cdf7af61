import { loadConfig } from '../config.ts'
import { openStoreForCli } from '../db/cli-store.ts'
import { runStaffCommand } from './staff-commands.ts'

// npm run staff -- create-admin | list
// With embedded PGlite a running server holds the store: this then stops with a message (see cli-store.ts).
const config = loadConfig()
const db = await openStoreForCli(config, 'staff')
try {
  process.exitCode = await runStaffCommand(
    db,
    process.argv.slice(2),
    { initialPassword: config.ADMIN_INITIAL_PASSWORD, consoleUrl: `http://${config.HOST}:${config.PORT}/staff` },
    (line) => console.log(line),
  )
} finally {
  await db.close()
}
