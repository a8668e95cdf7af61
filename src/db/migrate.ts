import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Db } from './db.ts'

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url))
// Any fixed number; it only has to be the same for every instance of the app.
const MIGRATION_LOCK = 4_242_001

/** Applies the numbered .sql files not yet recorded in schema_migrations; returns their names. */
export async function migrate(db: Db): Promise<string[]> {
  return db.transaction(async (tx) => {
    // Several app instances may start at once against one server: only one migrates, the rest wait.
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await tx.exec(`create table if not exists schema_migrations (
      version text primary key,
      applied_at timestamptz not null default now()
    )`)
    const applied = new Set(
      (await tx.query<{ version: string }>('select version from schema_migrations')).map((row) => row.version),
    )
    const pending = readdirSync(migrationsDir)
      .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
      .sort()
      .filter((file) => !applied.has(file))
    for (const file of pending) {
      await tx.exec(readFileSync(migrationsDir + file, 'utf8'))
      await tx.query('insert into schema_migrations (version) values ($1)', [file])
    }
    return pending
  })
}
