import pg from 'pg'
import { ConnectionLostError, isConnectionError } from './connection-errors.ts'
import type { Db, QueryOptions } from './db.ts'

// bigint counts come back as strings by default; ours stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10))

type Client = pg.Pool | pg.PoolClient

// What the server reports carries a SQLSTATE, a socket error a Node code; a plain Error from a driver
// call, with neither, is pg saying the connection is gone or never came (see ConnectionLostError).
const withCode = (error: unknown): unknown =>
  error instanceof Error && error.constructor === Error && !(error instanceof pg.DatabaseError) && !('code' in error)
    ? new ConnectionLostError(error.message, { cause: error })
    : error

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw withCode(error)
  }
}

function wrap(client: Client, pool: pg.Pool, inTransaction: boolean): Db {
  return {
    kind: 'postgres',
    async query<T>(sql: string, params?: unknown[], options?: QueryOptions) {
      const result = await run(() =>
        options?.name ? client.query({ name: options.name, text: sql, values: params }) : client.query(sql, params),
      )
      return result.rows as T[]
    },
    async exec(sql: string) {
      await run(() => client.query(sql))
    },
    async transaction<T>(work: (tx: Db) => Promise<T>) {
      if (inTransaction) return work(wrap(client, pool, true))
      const connection = await run(() => pool.connect())
      let failure: unknown
      // A checked-out client has no listener of the pool's: a backend terminated between two statements
      // (pg_terminate_backend, a server restart) emits 'error' on it, which unheard would end the process.
      // The error is kept and the next statement fails on the dead connection, which is then dropped.
      let lost: Error | undefined
      const onError = (error: Error) => {
        lost = error
      }
      connection.on('error', onError)
      try {
        await run(() => connection.query('BEGIN'))
        const result = await work(wrap(connection, pool, true))
        await run(() => connection.query('COMMIT'))
        return result
      } catch (error) {
        // Driver errors were given their code where they were raised; the work's own pass as they are.
        failure = error
        await connection.query('ROLLBACK').catch(() => {})
        throw failure
      } finally {
        // A connection that broke is dropped rather than handed to the next request.
        connection.off('error', onError)
        connection.release(lost ?? (isConnectionError(failure) ? (failure as Error) : undefined))
      }
    },
    // A LISTEN needs a connection of its own, held for good, and a fallback when it drops: reading the
    // value when it matters is simpler and costs one primary-key read.
    listenInProcess: async () => false,
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
  // Nor a checked-out one between two of its queries, whoever holds it: pg emits 'error' on a client
  // with no query under way, and an 'error' without a listener ends the process. The queries on it
  // still fail (and the client is dropped on release), so nothing is hidden by this.
  pool.on('connect', (client) => client.on('error', () => {}))
  const db = wrap(pool, pool, false)
  try {
    await db.query('select 1')
  } catch (error) {
    // Nothing else holds this pool: a caller that retries makes a new one.
    await pool.end().catch(() => {})
    throw error
  }
  return db
}
