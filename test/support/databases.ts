import pg from 'pg'
import { createPgliteDb, createPostgresDb, type Db, migrate } from '../../src/db/index.ts'

export type TestDatabase = { name: 'pglite' | 'postgres'; create: () => Promise<Db> }

/** A fresh PostgreSQL schema on TEST_DATABASE_URL, dropped again when the Db is closed. */
async function createPostgresSchemaDb(url: string): Promise<Db> {
  const schema = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const db = await createPostgresDb(url, { poolSize: 25, searchPath: `${schema},public` })
  return {
    ...db,
    async close() {
      await db.close()
      const cleanup = new pg.Client({ connectionString: url })
      await cleanup.connect()
      await cleanup.query(`drop schema ${schema} cascade`)
      await cleanup.end()
    },
  }
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const testDatabases: TestDatabase[] = [
  { name: 'pglite', create: () => createPgliteDb() },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'postgres' as const, create: () => createPostgresSchemaDb(process.env.TEST_DATABASE_URL as string) }]
    : []),
]

/** A migrated, empty database of the given kind. */
export async function createMigratedDb(database: TestDatabase): Promise<Db> {
  const db = await database.create()
  await migrate(db)
  return db
}
