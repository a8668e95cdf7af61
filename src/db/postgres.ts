import pg from 'pg'
import type { Db } from './db.ts'

// bigint counts come back as strings by default; ours stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10))

type Client = pg.Pool | pg.PoolClient

function wrap(client: Client, pool: pg.Pool, inTransaction: boolean): Db {
  return {
    kind: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      const result = await client.query(sql, params)
      return result.rows as T[]
    },
    async exec(sql: string) {
      await client.query(sql)
    },
    async transaction<T>(work: (tx: Db) => Promise<T>) {
      if (inTransaction) return work(wrap(client, pool, true))
      const connection = await pool.connect()
      try {
        await connection.query('BEGIN')
        const result = await work(wrap(connection, pool, true))
        await connection.query('COMMIT')
        return result
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => {})
        throw error
      } finally {
        connection.release()
      }
    },
    async close() {
      await pool.end()
    },
  }
}

/** A PostgreSQL server with pgvector, through a connection pool. */
export async function createPostgresDb(
  url: string,
  options: { poolSize?: number; searchPath?: string } = {},
): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    // Lets tests give every file a schema of its own on one shared database.
    options: options.searchPath ? `-c search_path=${options.searchPath}` : undefined,
  })
  // An idle client that loses its server (restart, network) must not crash the process.
  pool.on('error', () => {})
  const db = wrap(pool, pool, false)
  await db.query('select 1')
  return db
}
