import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/index.ts'
import { bumpKnowledgeVersion, watchKnowledgeVersion } from '../../src/retrieval/knowledge-version.ts'
import { createTestApp } from '../support/app.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { ask } from '../support/uploads.ts'

describe.each(testDatabases)('the knowledge version on $name', (database) => {
  let db: Db
  beforeAll(async () => {
    db = await createMigratedDb(database)
  })
  afterAll(() => db.close())

  it('changes when a bump commits, not before, and not when it is rolled back', async () => {
    const watch = await watchKnowledgeVersion(db)
    const loaded = await watch.current()
    expect(await watch.isCurrent(loaded)).toBe(true)
    await db
      .transaction(async (tx) => {
        await bumpKnowledgeVersion(tx)
        throw new Error('the change failed')
      })
      .catch(() => {})
    expect(await watch.isCurrent(loaded)).toBe(true)
    await db.transaction(async (tx) => {
      await bumpKnowledgeVersion(tx)
      // PGlite answers one caller at a time: this check would wait for the commit, so it is left to PostgreSQL.
      if (database.name === 'postgres') expect(await watch.isCurrent(loaded)).toBe(true)
    })
    expect(await watch.isCurrent(loaded)).toBe(false)
    expect(await watch.isCurrent(await watch.current())).toBe(true)
  })

  it('is checked by the statement storing a turn only where other instances may change it', async () => {
    const statements: Array<{ sql: string; params?: unknown[] }> = []
    const counted: Db = {
      ...db,
      query: (sql, params, options) => {
        statements.push({ sql, params })
        return db.query(sql, params, options)
      },
    }
    const { app } = await createTestApp(counted)
    statements.length = 0
    expect((await ask(app, '电子秤多久检定一次？')).grounded).toBe(true)
    // A first turn reads nothing before it is answered, in a statement of its own or otherwise.
    expect(statements.map(({ sql }) => sql.trim().split(/\s+/)[0])).toEqual(['with'])
    // Embedded, this process is the only writer and hears every change at its commit; on PostgreSQL the
    // record is stored only if the knowledge is still at the version the turn was answered at.
    const stored = await (await watchKnowledgeVersion(db)).current()
    expect(statements[0]?.params?.at(-1)).toBe(database.name === 'pglite' ? null : stored)
    await app.close()
  })
})
