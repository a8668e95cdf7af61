import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { purgeIdleConversations, recordTurn, startSession } from '../../src/conversation/sessions-repo.ts'
import type { Db } from '../../src/db/index.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'

describe.each(testDatabases)('conversation retention on $name', (database) => {
  let db: Db
  beforeEach(async () => {
    db = await createMigratedDb(database)
  })
  afterEach(async () => {
    await db.close()
  })

  const turn = (message: string) => ({
    message,
    resolvedQuery: message,
    intent: 'complaint' as const,
    answer: `已记录：${message}`,
    grounded: false,
    mode: 'extractive',
    citations: [],
    latencyMs: 3,
  })

  it('masks personal data in idle conversations only, and drops their unfinished intake', async () => {
    const idle = startSession('citizen')
    const active = startSession('citizen')
    await recordTurn(db, { ...idle, state: { intake: { step: 'phone' } } }, turn('我叫王芳，电话13812345678'))
    await recordTurn(db, active, turn('我的电话是13987654321'))
    await db.query(`update chat_sessions set updated_at = now() - interval '200 days' where id = $1`, [idle.id])

    const changed = await purgeIdleConversations(db, new Date(Date.now() - 180 * 86_400_000))

    expect(changed).toBe(1)
    const rows = await db.query<{ session_id: string; message: string; answer: string }>(
      'select session_id, message, answer from chat_turns order by id',
    )
    expect(rows[0]?.message).not.toContain('13812345678')
    expect(rows[0]?.message).toContain('138****5678')
    expect(rows[0]?.answer).not.toContain('13812345678')
    expect(rows[1]?.message).toContain('13987654321')
    const [state] = await db.query<{ state: object }>('select state from chat_sessions where id = $1', [idle.id])
    expect(state?.state).toEqual({})
  })
})
