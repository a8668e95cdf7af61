import type { Config } from '../config.ts'
import { DataDirLockedError } from './data-dir-lock.ts'
import type { Db } from './db.ts'
import { createDb } from './index.ts'
import { migrate } from './migrate.ts'

/**
 * The store for a command-line task (`npm run staff|ingest|retention|ask`), migrated. When a
 * server (or another task) holds the embedded store, the task stops here with exit code 1 and
 * the holder's message, before anything is read or written.
 */
export async function openStoreForCli(config: Config, script: string): Promise<Db> {
  let db: Db
  try {
    db = await createDb(config, { command: `npm run ${script}` })
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error
    console.error(error.message)
    process.exit(1)
  }
  await migrate(db)
  return db
}
