import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countingDb } from '../../evals/bench/counting-db.ts'
import { openSessionTurn, releaseSessionTurn } from '../../src/conversation/sessions-repo.ts'
import type { Db } from '../../src/db/index.ts'
import { bumpKnowledgeVersion } from '../../src/retrieval/knowledge-version.ts'
import { createTestApp } from '../support/app.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'

const chat = (app: FastifyInstance, message: string, sessionId?: string) =>
  app.inject({ method: 'POST', url: '/api/chat', payload: { message, ...(sessionId ? { sessionId } : {}) } })

// On PostgreSQL every statement is a round trip: a turn of a stored session reads the session, takes its
// lease, reads its last turns and the knowledge version in one, and stores the turn and releases the lease
// in another.
describe.each(testDatabases)('the statements of a chat turn on $name', (database) => {
  let db: Db
  let counted: ReturnType<typeof countingDb>
  let app: FastifyInstance
  // Fails the next statement that stores a turn: a turn that breaks after taking its lease.
  let failNextRecord = false
  beforeAll(async () => {
    db = await createMigratedDb(database)
    counted = countingDb(db)
    const failing: Db = {
      ...counted,
      query(sql, params, options) {
        if (failNextRecord && options?.name === 'record-turn') {
          failNextRecord = false
          return Promise.reject(new Error('the turn could not be stored'))
        }
        return counted.query(sql, params, options)
      },
    }
    ;({ app } = await createTestApp(failing))
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  it('opens a stored session in one statement and records the turn in one', async () => {
    const first = (await chat(app, '电子秤多久检定一次？')).json()
    counted.statements.length = 0
    const followUp = await chat(app, '要交钱吗？', first.sessionId)
    expect(followUp.statusCode).toBe(200)
    const touched = (table: string) => counted.statements.filter(({ sql }) => sql.includes(table)).map((s) => s.name)
    expect(touched('chat_sessions')).toEqual(['open-session-turn', 'record-turn'])
    expect(touched('chat_turns')).toEqual(['open-session-turn', 'record-turn'])
    // The knowledge version comes with the session (the record checks it for a first turn only), never in a
    // statement of its own.
    expect(touched('knowledge_version')).toEqual(['open-session-turn', 'record-turn'])
    // Released with the record: the next message of the session is not refused as concurrent.
    expect((await chat(app, '那要多久？', first.sessionId)).statusCode).toBe(200)
  })

  // PostgreSQL: the statement storing a first turn checks the knowledge version the turn was answered at;
  // PGlite hears every change in process. Either way a first turn reads nothing before it is answered.
  it('answers a first turn and stores it in one statement', async () => {
    counted.statements.length = 0
    expect((await chat(app, '电子秤多久检定一次？')).json().grounded).toBe(true)
    expect(counted.statements.map(({ name }) => name)).toEqual(['record-turn'])
  })

  it('answers a first turn again when the knowledge moved under it, and stores it once', async () => {
    // Another instance's upload or approval, as it commits.
    await bumpKnowledgeVersion(db)
    counted.statements.length = 0
    const turn = (await chat(app, '电子秤多久检定一次？')).json()
    expect(turn.grounded).toBe(true)
    const records = counted.statements.filter(({ name }) => name === 'record-turn')
    // PostgreSQL stored nothing from the stale caches; PGlite heard the change before the turn.
    expect(records).toHaveLength(database.name === 'postgres' ? 2 : 1)
    const stored = await db.query('select turn_no from chat_turns where session_id = $1', [turn.sessionId])
    expect(stored).toEqual([{ turn_no: 1 }])
  })

  // The kNN and the passages saying a number of the question are found in process on both stores (on
  // PostgreSQL each was a scan computing a distance, or lowering the text, of every chunk).
  it('searches without reading a chunk', async () => {
    for (const message of ['CCC免办需要哪些材料？', '12315是什么电话？']) {
      counted.statements.length = 0
      const turn = await chat(app, message)
      expect(turn.json().citations.length, message).toBeGreaterThan(0)
      expect(counted.statements.filter(({ sql }) => sql.includes('chunks'))).toEqual([])
    }
  })

  // Only the lease is committed without waiting for the disk: the turn's record, a ticket and every other
  // write on the connection afterwards still wait for it.
  it('takes the lease without a flush of its own, and only in its own transaction', async () => {
    const first = (await chat(app, '电子秤多久检定一次？')).json()
    const setting = async (on: Db) =>
      (await on.query<{ value: string }>("select current_setting('synchronous_commit') as value"))[0]?.value
    await db.transaction(async (tx) => {
      expect((await openSessionTurn(tx, first.sessionId, 10))?.claimed).toBe(true)
      expect(await setting(tx)).toBe('off')
      await releaseSessionTurn(tx, first.sessionId)
    })
    expect(await setting(db)).toBe('on')
  })

  it('gives the lease back when a turn fails before it is stored', async () => {
    const first = (await chat(app, '电子秤多久检定一次？')).json()
    failNextRecord = true
    expect((await chat(app, '要交钱吗？', first.sessionId)).statusCode).toBe(500)
    expect((await chat(app, '要交钱吗？', first.sessionId)).statusCode).toBe(200)
  })
})
