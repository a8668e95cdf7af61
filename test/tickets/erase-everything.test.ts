import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { purgeIdleConversations } from '../../src/conversation/sessions-repo.ts'
import type { Db } from '../../src/db/index.ts'
import { purgeClosedTickets } from '../../src/tickets/retention.ts'
import { createTestApp } from '../support/app.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { staffWithToken } from '../support/tickets.ts'

const NAME = '欧阳明珠'
const PHONE = '13712345678'
const OTHER_PHONE = '13698765432'
const COMPANY = '上海明珠精密衡器有限公司'
const ADDRESS = '浦东新区秀沿路888弄66号'
const EMAIL = 'mingzhu.ouyang@example.com'
const PERSONAL = [NAME, PHONE, OTHER_PHONE, COMPANY, ADDRESS, EMAIL]

/** Every row of every table of the app, as text: what a backup or a curious reader would see. */
async function dumpDatabase(db: Db): Promise<string> {
  const tables = await db.query<{ table_name: string }>(
    `select table_name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  )
  const parts: string[] = []
  for (const { table_name } of tables) {
    const rows = await db.query<{ row: string }>(`select row_to_json(t)::text as row from "${table_name}" t`)
    parts.push(...rows.map((row) => `${table_name}: ${row.row}`))
  }
  return parts.join('\n')
}

const found = (dump: string, values: string[]) => values.filter((value) => dump.includes(value))

describe.each(testDatabases)('retention erases personal data everywhere on $name', (database) => {
  let db: Db
  let app: FastifyInstance

  beforeAll(async () => {
    db = await createMigratedDb(database)
    // E-mail configured, so that the intake offers the opt-in and the seeded address is stored (no worker sends).
    ;({ app } = await createTestApp(db, {
      knowledge: 'test/fixtures/knowledge',
      env: { NOTIFY_SMTP_URL: 'smtp://127.0.0.1:9' },
    }))
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  it('leaves none of the seeded name, phones, company, address or lookup token in any table', async () => {
    const chat = async (message: string, sessionId?: string) =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/chat',
          payload: { message, audience: 'enterprise', ...(sessionId ? { sessionId } : {}) },
        })
      ).json()
    // A complaint typed into the chat, every detail given, a question with a phone in between.
    let reply = await chat(`我要投诉，在${ADDRESS}买的电子秤缺斤少两，我是${NAME}`)
    const sessionId = reply.sessionId as string
    const answers: Record<string, string> = {
      description: `在${ADDRESS}附近买的电子秤缺斤少两`,
      contactName: NAME,
      phone: PHONE,
      companyName: COMPANY,
      address: ADDRESS,
      merchant: `${ADDRESS}楼下的衡器店`,
      purchase: '11月20日买的电子秤',
      amount: '128元',
      wish: '退货退款',
      notify: `邮件通知我 ${EMAIL}`,
    }
    reply = await chat(`那电子秤多久检定一次？有事打${OTHER_PHONE}`, sessionId)
    for (let i = 0; i < 8 && reply.intake?.step !== 'confirm'; i++) {
      reply = await chat(answers[reply.intake?.step as string] ?? '确认', sessionId)
    }
    expect(reply.intake?.step).toBe('confirm')
    const done = await chat('确认', sessionId)
    const { number, lookupToken } = done.ticket as { number: string; lookupToken: string }
    // The token is shown once and never stored, not even in the saved answer of that turn.
    expect(await dumpDatabase(db)).not.toContain(lookupToken)

    // A 👎 with a comment, staff work: a reply, notes, closing.
    await app.inject({
      method: 'POST',
      url: '/api/chat/feedback',
      payload: { sessionId, turnId: done.turnId, rating: 'down', comment: `${NAME}说电话是${PHONE}` },
    })
    const { token } = await staffWithToken(db, '值班员', 'supervisor')
    const staff = { authorization: `Bearer ${token}` }
    const act = (path: string, payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: `/api/staff/tickets/${number}${path}`, headers: staff, payload })
    expect((await act('/claim', {})).statusCode).toBe(200)
    expect((await act('/notes', { body: `${NAME}白天打${OTHER_PHONE}` })).statusCode).toBe(201)
    const added = await app.inject({
      method: 'POST',
      url: `/api/tickets/${number}/messages`,
      headers: { 'x-lookup-token': lookupToken },
      payload: { body: `我是${NAME}，补充：店在${ADDRESS}`, evidence: `发票抬头${COMPANY}` },
    })
    expect(added.statusCode).toBe(201)
    expect((await act('/replies', { body: `${NAME}您好，已联系${COMPANY}，地址${ADDRESS}` })).statusCode).toBe(201)
    expect(
      (await act('/status', { status: 'resolved', note: `已电话${PHONE}回访${NAME}，${ADDRESS}` })).statusCode,
    ).toBe(200)
    expect((await act('/status', { status: 'closed', note: `${COMPANY}已整改` })).statusCode).toBe(200)

    expect(found(await dumpDatabase(db), PERSONAL)).toEqual(PERSONAL)

    // npm run retention -- --days 180, run 200 days later.
    const later = new Date(Date.now() + 200 * 86_400_000)
    const { purged } = await purgeClosedTickets(db, { days: 180, now: later })
    expect(purged).toEqual([number])
    await purgeIdleConversations(db, new Date(later.getTime() - 180 * 86_400_000))

    const dump = await dumpDatabase(db)
    expect(found(dump, PERSONAL)).toEqual([])
    expect(dump).not.toContain(lookupToken)
    // What stays is enough to recognise and count: the ticket, its masked phone, its history.
    expect(dump).toContain(number)
    expect(dump).toContain('137****5678')
  })
})
