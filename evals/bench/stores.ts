import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { createPgliteDb, createPostgresDb, type Db, migrate } from '../../src/db/index.ts'
import { directorySize } from '../../src/util/disk-usage.ts'

/** A fresh, migrated, empty store for one measurement, and how to get rid of it afterwards. */
export type BenchStore = {
  kind: 'pglite' | 'postgres'
  db: Db
  /** Bytes on disk (PGlite data folder) or in the schema's tables and indexes (PostgreSQL). */
  sizeBytes(): Promise<number>
  dispose(): Promise<void>
}

export type StoreTarget = { kind: 'pglite' } | { kind: 'postgres'; url: string }

/** PGlite on disk in a temporary folder, as `npm start` runs it (under DATA_DIR). */
async function freshPglite(): Promise<BenchStore> {
  const dir = mkdtempSync(join(tmpdir(), 'qd-bench-pglite-'))
  const db = await createPgliteDb(dir)
  await migrate(db)
  return {
    kind: 'pglite',
    db,
    sizeBytes: () => directorySize(dir),
    async dispose() {
      await db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function adminQuery(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows
  } finally {
    await client.end()
  }
}

/** A schema of its own on the given server, dropped afterwards: the bench never touches app data. */
async function freshPostgres(url: string, poolSize: number): Promise<BenchStore> {
  const schema = `bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  await adminQuery(url, `create schema ${schema}`)
  const db = await createPostgresDb(url, { poolSize, searchPath: `${schema},public` })
  await migrate(db)
  return {
    kind: 'postgres',
    db,
    async sizeBytes() {
      const [row] = await db.query<{ bytes: number }>(
        `select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as bytes
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = $1 and c.relkind in ('r', 'm')`,
        [schema],
      )
      return row?.bytes ?? 0
    },
    async dispose() {
      await db.close()
      await adminQuery(url, `drop schema if exists ${schema} cascade`)
    },
  }
}

export const openStore = (target: StoreTarget, poolSize = 10): Promise<BenchStore> =>
  target.kind === 'pglite' ? freshPglite() : freshPostgres(target.url, poolSize)
