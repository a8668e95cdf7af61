import { mkdirSync } from 'node:fs'
import { PGlite, type Transaction } from '@electric-sql/pglite'
import { vector } from '@electric-sql/pglite-pgvector'
import type { Db } from './db.ts'

type Queryable = Pick<PGlite, 'query' | 'exec'> | Transaction

function wrap(target: Queryable, owner: PGlite, inTransaction: boolean): Db {
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
    async close() {
      await owner.close()
    },
  }
}

/** Embedded PostgreSQL with pgvector; `dataDir` undefined keeps everything in memory (tests). */
export async function createPgliteDb(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const pg = await PGlite.create({ dataDir, extensions: { vector } })
  return wrap(pg, pg, false)
}
