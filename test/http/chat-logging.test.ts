import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/index.ts'
import { createTestApp } from '../support/app.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { captureLog } from '../support/log-capture.ts'

const MOBILE = '13912345678'
const LANDLINE = '021-58881234'
const ID_NUMBER = '310115199001011234'
const EMAIL = 'zhang.wei@example.com'

// A complaint told the way people tell it: identifiers in the first message, contact details later.
const CONVERSATION = [
  `我要投诉，超市卖过期食品给我，我身份证号${ID_NUMBER}`,
  '浦东某超市，浦东新区张杨路500号',
  '上周买的牛奶，已经过期了',
  '跳过',
  '退款赔偿',
  '张伟',
  `我的电话${MOBILE}`,
  `邮箱 ${EMAIL}`,
  `修改电话 ${LANDLINE}`,
  '确认',
]

describe.each(testDatabases)('no personal data in the logs of a complaint on $name', (database) => {
  let db: Db
  let app: FastifyInstance
  const { lines, stream } = captureLog()

  beforeAll(async () => {
    db = await createMigratedDb(database)
    ;({ app } = await createTestApp(db, {
      knowledge: 'test/fixtures/knowledge',
      logger: { level: 'trace', stream },
      // Low enough that the conversation also meets the rate limiter, which logs too.
      env: { TICKET_RATE_LIMIT_PER_HOUR: '1', RATE_LIMIT_ALLOWLIST: '' },
    }))
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  it('through /api/chat, /api/chat/stream and POST /api/tickets', async () => {
    let sessionId: string | undefined
    let ticket: { number: string; lookupToken: string } | undefined
    for (const [index, message] of CONVERSATION.entries()) {
      const url = index % 2 === 0 ? '/api/chat' : '/api/chat/stream'
      const response = await app.inject({ method: 'POST', url, payload: { message, sessionId } })
      expect(response.statusCode).toBe(200)
      const body =
        url === '/api/chat'
          ? response.json()
          : JSON.parse(response.body.split('event: done\ndata: ')[1]!.split('\n')[0]!)
      sessionId = body.sessionId
      ticket = body.ticket ?? ticket
    }
    expect(ticket?.number).toMatch(/^QD-/)

    const form = {
      category: 'complaint',
      description: `电热水壶漏电，联系邮箱 ${EMAIL}，身份证 ${ID_NUMBER}`,
      contactName: '张伟',
      phone: MOBILE,
      audience: 'citizen',
      consent: true,
    }
    expect((await app.inject({ method: 'POST', url: '/api/tickets', payload: form })).statusCode).toBe(201)
    expect((await app.inject({ method: 'POST', url: '/api/tickets', payload: form })).statusCode).toBe(429)
    const invalid = await app.inject({
      method: 'POST',
      url: '/api/tickets',
      payload: { ...form, phone: `${MOBILE}99` },
    })
    expect(invalid.statusCode).toBeGreaterThanOrEqual(400)
    const lookup = await app.inject({
      method: 'GET',
      url: `/api/tickets/${ticket!.number}?token=${ticket!.lookupToken}`,
    })
    expect(lookup.statusCode).toBe(200)

    const log = lines.join('')
    // The requests were logged, so that the absence below means something …
    expect(log.match(/"url":"\/api\/chat(\/stream)?"/g)?.length).toBeGreaterThanOrEqual(CONVERSATION.length)
    expect(log).toContain('ticket opened')
    // … and nothing that identifies the person, whichever way it was written.
    for (const secret of [
      MOBILE,
      '139 1234 5678',
      LANDLINE,
      '58881234',
      ID_NUMBER,
      EMAIL,
      'zhang.wei',
      '张伟',
      ticket!.lookupToken,
    ]) {
      expect(log).not.toContain(secret)
    }
  })
})
