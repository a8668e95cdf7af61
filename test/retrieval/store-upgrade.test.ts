import { readdirSync, readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestKnowledge } from '../../ingest/pipeline.ts'
import { type Db, migrate } from '../../src/db/index.ts'
import { createLocalEmbedder } from '../../src/embedding/index.ts'
import { createTestApp } from '../support/app.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { ask } from '../support/uploads.ts'

const MIGRATIONS = 'src/db/migrations/'
const QUESTIONS = ['CCC免办需要哪些材料？', '电子秤多久检定一次', '投诉和举报有什么区别', '浦东哪个小区的房子值得买']

/** A store as the releases before migration 050 left it: chunk vectors stored out of line. */
async function storeBefore050(db: Db): Promise<void> {
  await db.exec(
    'create table schema_migrations (version text primary key, applied_at timestamptz not null default now())',
  )
  for (const file of readdirSync(MIGRATIONS)
    .filter((name) => /^0[0-4]\d_.*\.sql$/.test(name))
    .sort()) {
    await db.exec(readFileSync(MIGRATIONS + file, 'utf8'))
    await db.query('insert into schema_migrations (version) values ($1)', [file])
  }
  await ingestKnowledge({ db, embedder: createLocalEmbedder(), dir: 'knowledge' })
}

const answersOf = async (app: FastifyInstance) => {
  const answers = []
  for (const question of QUESTIONS) {
    const { answer, grounded, refusalReason, citations } = await ask(app, question)
    answers.push({ answer, grounded, refusalReason, chunks: citations.map((c: { chunkId: number }) => c.chunkId) })
  }
  return answers
}

describe.each(testDatabases)('a store from before migration 050 on $name', (database) => {
  let upgraded: { db: Db; app: FastifyInstance }
  let fresh: { db: Db; app: FastifyInstance }
  beforeAll(async () => {
    const old = await database.create()
    await storeBefore050(old)
    // 050 and every migration after it, nothing before.
    const since050 = readdirSync(MIGRATIONS)
      .filter((name) => /^\d{3}_.*\.sql$/.test(name) && name >= '050')
      .sort()
    expect(since050[0]).toBe('050_chunk_rows_inline.sql')
    expect(await migrate(old)).toEqual(since050)
    upgraded = { db: old, app: (await createTestApp(old, { knowledge: false })).app }
    const db = await createMigratedDb(database)
    fresh = { db, app: (await createTestApp(db)).app }
  })
  afterAll(async () => {
    for (const store of [upgraded, fresh]) {
      await store.app.close()
      await store.db.close()
    }
  })

  it('keeps every vector bit for bit and answers as a store ingested after it', async () => {
    const [vectors] = await upgraded.db.query<{ stored: number; same: number }>(
      `select count(*)::int as stored, count(*) filter (where embedding = embedding::real[]::vector)::int as same
       from chunks where embedding is not null`,
    )
    expect(vectors?.stored).toBeGreaterThan(0)
    expect(vectors?.same).toBe(vectors?.stored)
    const answers = await answersOf(upgraded.app)
    expect(answers.filter((answer) => answer.grounded).length).toBeGreaterThanOrEqual(3)
    expect(answers).toEqual(await answersOf(fresh.app))
  })
})
