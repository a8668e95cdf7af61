/**
 * `name`: a statement run on every chat turn, prepared once per connection under this name (unique per
 * text) so that PostgreSQL parses and plans it once, not on every turn; the embedded store ignores it.
 */
export type QueryOptions = { name?: string }

/** The database as the rest of the code sees it: small enough for both pg and PGlite. */
export type Db = {
  readonly kind: 'pglite' | 'postgres'
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<T[]>
  /** Runs several statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>
  /**
   * Calls `onNotify` after each commit that sent `notify` on `channel`, and resolves true, when every
   * writer of the database is this process: embedded PGlite, whose data folder one process holds
   * (data-dir-lock.ts). Resolves false where other processes write too (PostgreSQL): read instead.
   */
  listenInProcess(channel: string, onNotify: () => void): Promise<boolean>
  close(): Promise<void>
}

/** pgvector's text form; both drivers accept it for a `vector` parameter. */
export const toVectorLiteral = (vector: ArrayLike<number>): string => `[${Array.from(vector).join(',')}]`
