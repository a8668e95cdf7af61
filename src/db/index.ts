import { join } from 'node:path'
import type { Config } from '../config.ts'
import type { LockHolder } from './data-dir-lock.ts'
import type { Db } from './db.ts'
import { createPgliteDb } from './pglite.ts'
import { createPostgresDb } from './postgres.ts'

export { type ConnectRetry, connectWithRetry, describeGiveUp, describeRetry } from './connect-with-retry.ts'
export { ConnectionLostError, describeConnectionError, isConnectionError } from './connection-errors.ts'
export { DataDirLockedError, type LockHolder } from './data-dir-lock.ts'
export type { Db, QueryOptions } from './db.ts'
export { toVectorLiteral } from './db.ts'
export { migrate } from './migrate.ts'
export { createPgliteDb } from './pglite.ts'
export { createPostgresDb } from './postgres.ts'

/**
 * PGlite under DATA_DIR when DATABASE_URL is unset, else a pg pool on that server. `holder` names
 * this process in PGlite's folder lock, so that a process refused by it learns who to ask.
 */
export function createDb(
  config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'DB_POOL_SIZE'>,
  holder: LockHolder,
): Promise<Db> {
  if (config.DATABASE_URL) return createPostgresDb(config.DATABASE_URL, { poolSize: config.DB_POOL_SIZE })
  return createPgliteDb(join(config.DATA_DIR, 'pglite'), holder)
}
