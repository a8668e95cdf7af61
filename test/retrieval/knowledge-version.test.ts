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

  it('is read before each turn only where other instances may change it', async () => {
    const statements: string[] = []
    const counted: Db = {
      ...db,
      query: (sql, params) => {
        statements.push(sql)
        return db.query(sql, params)
      },
    }
    const { app } = await createTestApp(counted)
    statements.length = 0
    expect((await ask(app, '电子秤多久检定一次？')).grounded).toBe(true)
    const reads = statements.filter((sql) => sql.includes('from knowledge_version')).length
    // Embedded, this process is the only writer and hears every change at its commit.
    expect(reads).toBe(database.name === 'pglite' ? 0 : 1)
    await app.close()
  })
})
