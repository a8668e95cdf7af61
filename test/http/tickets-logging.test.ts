import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/index.ts'
import { safeUrl, withSafeLogging } from '../../src/http/log-safety.ts'
import { createTestApp } from '../support/app.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { captureLog } from '../support/log-capture.ts'
import { staffWithToken } from '../support/tickets.ts'

describe('log safety', () => {
  it('hides the lookup token and masks phone numbers in logged URLs', () => {
    expect(safeUrl('/api/tickets/QD-20261125-0001?token=K7M2QX9P&x=1')).toBe(
      '/api/tickets/QD-20261125-0001?token=[redacted]&x=1',
    )
    expect(safeUrl('/api/x?phone=13800138000')).toBe('/api/x?phone=138****8000')
  })

  it('masks personal data in logged errors', () => {
    const options = withSafeLogging({ level: 'info' })
    if (typeof options !== 'object' || !options.serializers?.err) throw new Error('no error serializer')
    const error = Object.assign(new Error('duplicate key: Key (phone)=(13800138000)'), { code: '23505' })
    const logged = options.serializers.err(error as never)
    expect(logged.message).toBe('duplicate key: Key (phone)=(138****8000)')
    expect(logged.stack).not.toContain('13800138000')
  })

  it('keeps logging off when it was off', () => {
    expect(withSafeLogging(false)).toBe(false)
  })
})

describe.each(testDatabases)('what the app logs on $name', (database) => {
  let db: Db
  let app: FastifyInstance
  const { lines, stream } = captureLog()

  beforeAll(async () => {
    db = await createMigratedDb(database)
    ;({ app } = await createTestApp(db, { knowledge: false, logger: { level: 'trace', stream } }))
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  it('never contains the phone number, e-mail, lookup token or bearer token of a request', async () => {
    const { token } = await staffWithToken(db, '张三', 'agent')
    const created = await app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { 'idempotency-key': 'log-test-key' },
      payload: {
        category: 'complaint',
        description: '商家不退款，我的邮箱 wangfang@example.com，身份证310115199001011234',
        contactName: '王芳',
        phone: '13800138000',
        audience: 'citizen',
        consent: true,
      },
    })
    expect(created.statusCode).toBe(201)
    const { number, lookupToken } = created.json().ticket
    const invalid = await app.inject({
      method: 'POST',
      url: '/api/tickets',
      payload: {
        category: 'complaint',
        description: '短',
        contactName: '王芳',
        phone: '13800138001',
        audience: 'citizen',
      },
    })
    expect(invalid.statusCode).toBe(400)
    expect((await app.inject({ method: 'GET', url: `/api/tickets/${number}?token=${lookupToken}` })).statusCode).toBe(
      200,
    )
    expect(
      (await app.inject({ method: 'GET', url: `/api/tickets/${number}`, headers: { 'x-lookup-token': lookupToken } }))
        .statusCode,
    ).toBe(200)
    const auth = { authorization: `Bearer ${token}` }
    expect((await app.inject({ method: 'GET', url: `/api/staff/tickets/${number}`, headers: auth })).statusCode).toBe(
      200,
    )
    expect((await app.inject({ method: 'GET', url: '/api/staff/tickets', headers: auth })).statusCode).toBe(200)

    const log = lines.join('')
    // The requests were logged (so the check below means something) …
    expect(log).toContain('incoming request')
    expect(log).toContain(`/api/tickets/${number}?token=[redacted]`)
    expect(log).toContain('ticket opened')
    // … without anything personal or secret.
    for (const secret of [
      '13800138000',
      '13800138001',
      'wangfang@example.com',
      '310115199001011234',
      '王芳',
      lookupToken,
      token,
      token.slice(-43),
      'log-test-key',
    ]) {
      expect(log).not.toContain(secret)
    }
  })
})
