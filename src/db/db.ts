/** The database as the rest of the code sees it: small enough for both pg and PGlite. */
export type Db = {
  readonly kind: 'pglite' | 'postgres'
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
  /** Runs several statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** pgvector's text form; both drivers accept it for a `vector` parameter. */
export const toVectorLiteral = (vector: ArrayLike<number>): string => `[${Array.from(vector).join(',')}]`
