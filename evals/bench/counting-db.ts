import type { Db } from '../../src/db/index.ts'

/** One statement sent to the database: a round trip (a transaction's BEGIN and COMMIT count as two more). */
export type CountedStatement = { sql: string; name?: string }

/**
 * The store as the app sees it, recording every statement sent through it: the round trips of a chat
 * turn, which on PostgreSQL each cost a network exchange and the server's parse/plan, whatever the load.
 */
export function countingDb(db: Db): Db & { statements: CountedStatement[] } {
  const statements: CountedStatement[] = []
  const record = (sql: string, name?: string) => statements.push({ sql: sql.replace(/\s+/g, ' ').trim(), name })
  const wrap = (target: Db, inTransaction: boolean): Db => ({
    kind: target.kind,
    query(sql, params, options) {
      record(sql, options?.name)
      return target.query(sql, params, options)
    },
    exec(sql) {
      record(sql)
      return target.exec(sql)
    },
    transaction(work) {
      if (inTransaction) return target.transaction((tx) => work(wrap(tx, true)))
      record('BEGIN')
      return target
        .transaction((tx) => work(wrap(tx, true)))
        .finally(() => {
          record('COMMIT/ROLLBACK')
        })
    },
    listenInProcess: (channel, onNotify) => target.listenInProcess(channel, onNotify),
    close: () => target.close(),
  })
  return Object.assign(wrap(db, false), { statements })
}
