import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/index.ts'
import { updateAccount } from '../../src/staff/accounts-repo.ts'
import { createTestApp } from '../support/app.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { staffWithToken, ticketInput } from '../support/tickets.ts'

type Route = { method: 'GET' | 'POST'; url: string }

describe.each(testDatabases)('staff routes without a valid token on $name', (database) => {
  let db: Db
  let app: FastifyInstance
  let routes: Route[]
  let valid: string
  let revoked: string

  beforeAll(async () => {
    db = await createMigratedDb(database)
    ;({ app } = await createTestApp(db, { knowledge: false }))
    await app.ready()
    const number = (await app.inject({ method: 'POST', url: '/api/tickets', payload: ticketInput() })).json().ticket
      .number
    valid = (await staffWithToken(db, '张三', 'supervisor')).token
    const leaver = await staffWithToken(db, '李四', 'agent')
    await updateAccount(db, leaver.staff.id, { disabledAt: new Date() })
    revoked = leaver.token
    // Every staff operation the API documents, so that a new one is covered without editing this test.
    const spec = app.swagger() as { paths: Record<string, Record<string, unknown>> }
    routes = Object.entries(spec.paths)
      // Signing in and out are the doors themselves (see staff-session.test.ts).
      .filter(([path]) => path.startsWith('/api/staff') && !['/api/staff/login', '/api/staff/logout'].includes(path))
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => ({
          method: method.toUpperCase() as Route['method'],
          url: path.replace('{number}', number).replace('{id}', '1'),
        })),
      )
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  const send = (route: Route, authorization?: string) =>
    app.inject({
      ...route,
      headers: authorization === undefined ? {} : { authorization },
      // An invalid body: authentication must come first, so a stranger learns nothing from validation.
      ...(route.method === 'POST' ? { payload: { status: 'no-such-status', body: 123 } } : {}),
    })

  it('covers every staff route', () => {
    expect(routes.length).toBeGreaterThanOrEqual(9)
  })

  it.each([
    ['no Authorization header', undefined],
    ['an empty bearer', 'Bearer '],
    ['another scheme', 'Basic c3RhZmY6c3RhZmY='],
    ['a malformed token', 'Bearer not-a-token'],
    ['a well-formed token nobody holds', `Bearer qd_1_${'A'.repeat(43)}`],
    ['a token of an unknown staff id', `Bearer qd_999999_${'A'.repeat(43)}`],
    ['a revoked token', 'revoked'],
  ])('%s → 401 with WWW-Authenticate on every staff route', async (_name, header) => {
    for (const route of routes) {
      const response = await send(route, header === 'revoked' ? `Bearer ${revoked}` : header)
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401)
      expect(response.headers['www-authenticate']).toBe('Bearer')
      expect(response.json()).toMatchObject({ error: 'unauthorized', message: expect.stringContaining('令牌') })
      expect(response.body).not.toContain('王芳')
    }
  })

  it('lets a valid token through (so the 401s above are the guard, not a broken route)', async () => {
    for (const route of routes) {
      const response = await send(route, `Bearer ${valid}`)
      expect(response.statusCode, `${route.method} ${route.url}`).not.toBe(401)
      expect(response.statusCode).toBeLessThan(500)
    }
  })
})
