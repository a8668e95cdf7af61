import { mkdirSync } from 'node:fs'
import { basename } from 'node:path'
import { PGlite, type Transaction } from '@electric-sql/pglite'
import { vector } from '@electric-sql/pglite-pgvector'
import { acquireDataDirLock, type DataDirLock, type LockHolder } from './data-dir-lock.ts'
import type { Db } from './db.ts'

type Queryable = Pick<PGlite, 'query' | 'exec'> | Transaction

function wrap(target: Queryable, owner: PGlite, inTransaction: boolean, lock?: DataDirLock): Db {
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      const result = await target.query<T>(sql, params as unknown[])
      return result.rows
    },
    async exec(sql: string) {
      await target.exec(sql)
    },
    async transaction<T>(work: (tx: Db) => Promise<T>) {
      // PGlite serialises all access anyway, so a nested call simply joins the outer transaction.
      if (inTransaction) return work(wrap(target, owner, true))
      return owner.transaction((tx) => work(wrap(tx, owner, true)))
    },
    async listenInProcess(channel: string, onNotify: () => void) {
      await owner.listen(channel, onNotify)
      return true
    },
    async close() {
      try {
        await owner.close()
      } finally {
        lock?.release()
      }
    },
  }
}

/**
 * Embedded PostgreSQL with pgvector; `dataDir` undefined keeps everything in memory (tests).
 * A folder is locked for this process first (see data-dir-lock.ts): a second process is refused
 * with DataDirLockedError instead of corrupting it.
 */
export async function createPgliteDb(
  dataDir?: string,
  holder: LockHolder = { command: `node ${basename(process.argv[1] ?? '')}` },
): Promise<Db> {
  if (!dataDir) {
    const pg = await PGlite.create({ extensions: { vector } })
    return wrap(pg, pg, false)
  }
  mkdirSync(dataDir, { recursive: true })
  const lock = acquireDataDirLock(`${dataDir}.lock`, holder)
  try {
    const pg = await PGlite.create({ dataDir, extensions: { vector } })
    return wrap(pg, pg, false, lock)
  } catch (error) {
    lock.release()
    throw error
  }
}
