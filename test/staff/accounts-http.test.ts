import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/index.ts'
import { ensureFirstAdmin } from '../../src/staff/first-admin.ts'
import { runStaffCommand } from '../../src/staff/staff-commands.ts'
import { createTestApp } from '../support/app.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { staffAccount, staffWithToken } from '../support/tickets.ts'

const ADMIN_PASSWORD = 'first-admin-password'

/** The session cookie a response set ('' when it cleared it), or undefined when it set none. */
function sessionCookie(response: LightMyRequestResponse): string | undefined {
  const header = [response.headers['set-cookie'] ?? []].flat().find((line) => line.startsWith('qd_staff='))
  return header === undefined ? undefined : (/^qd_staff=([^;]*)/.exec(header)?.[1] ?? '')
}

describe.each(testDatabases)('staff accounts and sign-in on $name', (database) => {
  let db: Db
  let app: FastifyInstance
  let clock = new Date('2026-12-01T09:00:00Z')
  const advance = (minutes: number) => {
    clock = new Date(clock.getTime() + minutes * 60_000)
  }

  beforeAll(async () => {
    db = await createMigratedDb(database)
    ;({ app } = await createTestApp(db, {
      knowledge: false,
      now: () => clock,
      env: {
        STAFF_LOGIN_MAX_FAILURES: '3',
        STAFF_LOGIN_MAX_FAILURES_PER_IP: '6',
        STAFF_LOGIN_LOCK_MINUTES: '15',
        STAFF_SESSION_IDLE_MINUTES: '30',
        STAFF_SESSION_MAX_HOURS: '2',
        TRUST_PROXY: '127.0.0.1',
      },
    }))
    await app.ready()
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  // Each test signs in from an address of its own, so the per-address counts do not mix.
  const login = (username: string, password: string, ip = '10.0.0.1') =>
    app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password }, remoteAddress: ip })

  /** Signs in and returns what a browser tab keeps: the cookie (in the jar) and the CSRF token (from /me). */
  async function signIn(username: string, password: string, ip?: string) {
    const response = await login(username, password, ip)
    expect(response.statusCode, response.body).toBe(200)
    const cookie = sessionCookie(response)!
    return { cookie, csrf: response.json().csrfToken as string }
  }
  const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, cookies: { qd_staff: cookie } })
  const post = (url: string, cookie: string, csrf: string | undefined, payload?: object) =>
    app.inject({
      method: 'POST',
      url,
      cookies: { qd_staff: cookie },
      headers: csrf === undefined ? {} : { 'x-csrf-token': csrf },
      ...(payload ? { payload } : {}),
    })

  it('creates the first admin once, from ADMIN_INITIAL_PASSWORD, and says what to do without it', async () => {
    expect(await ensureFirstAdmin(db, undefined, clock)).toEqual({ kind: 'needs-password' })
    const out: string[] = []
    const options = { initialPassword: undefined, consoleUrl: 'http://127.0.0.1:3111/staff' }
    expect(await runStaffCommand(db, ['create-admin'], options, (line) => out.push(line))).toBe(2)
    expect(out.join('\n')).toContain('ADMIN_INITIAL_PASSWORD')

    const created = await ensureFirstAdmin(db, ADMIN_PASSWORD, clock)
    expect(created.kind).toBe('created')
    expect(await ensureFirstAdmin(db, 'another-password-123', clock)).toEqual({ kind: 'exists' })
    expect(await runStaffCommand(db, ['create-admin'], { ...options, initialPassword: 'x'.repeat(12) }, () => {})).toBe(
      1,
    )

    const response = await login('admin', ADMIN_PASSWORD)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ username: 'admin', role: 'admin', csrfToken: expect.any(String) })
    expect(await login('admin', 'another-password-123').then((r) => r.statusCode)).toBe(401)
    const stored = await db.query<{ password_hash: string }>("select password_hash from staff where username = 'admin'")
    expect(stored[0]!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(stored[0]!.password_hash).not.toContain(ADMIN_PASSWORD)
  })

  it('sets an httpOnly SameSite=Strict cookie that serves every later request (every tab)', async () => {
    const response = await login('admin', ADMIN_PASSWORD)
    const header = [response.headers['set-cookie']].flat()[0]!
    expect(header).toMatch(/^qd_staff=[A-Za-z0-9_-]{43}; Path=\/api\/staff; Max-Age=7200; HttpOnly; SameSite=Strict$/)
    const cookie = sessionCookie(response)!
    // A second tab has only the cookie: /me gives it the same profile and CSRF token.
    const me = await get('/api/staff/me', cookie)
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({ username: 'admin', role: 'admin', csrfToken: response.json().csrfToken })
    expect((await get('/api/staff/tickets', cookie)).statusCode).toBe(200)
    const sessions = await db.query<{ id_hash: string }>('select id_hash from staff_sessions')
    expect(JSON.stringify(sessions)).not.toContain(cookie)
  })

  it('marks the cookie Secure behind an https proxy', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/staff/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    })
    expect([response.headers['set-cookie']].flat()[0]).toMatch(/; Secure$/)
  })

  it('answers any wrong pair with one 401 message', async () => {
    const wrongPassword = await login('admin', 'not-the-password', '10.0.1.1')
    const unknownUser = await login('nobody-here', 'not-the-password', '10.0.1.2')
    expect(wrongPassword.statusCode).toBe(401)
    expect(unknownUser.statusCode).toBe(401)
    expect(wrongPassword.json()).toEqual(unknownUser.json())
    expect(wrongPassword.json().message).toBe('用户名或密码错误，请核对后重试。')
    expect(sessionCookie(wrongPassword)).toBeUndefined()
  })

  it('refuses cookie-signed changes without the CSRF header; bearer tokens need none', async () => {
    const { cookie, csrf } = await signIn('admin', ADMIN_PASSWORD)
    const payload = { username: 'csrf-victim', name: '测试', role: 'agent', password: 'long-enough-pw' }
    for (const token of [undefined, 'forged', `${csrf}x`]) {
      const response = await post('/api/staff/accounts', cookie, token, payload)
      expect(response.statusCode).toBe(403)
      expect(response.json()).toMatchObject({ error: 'csrf_token_invalid', message: expect.stringContaining('CSRF') })
    }
    expect((await db.query("select 1 from staff where username = 'csrf-victim'")).length).toBe(0)
    expect((await post('/api/staff/accounts', cookie, csrf, payload)).statusCode).toBe(201)

    const integration = await staffWithToken(db, '热线对接', 'agent')
    const viaToken = await app.inject({
      method: 'POST',
      url: '/api/staff/tickets/QD-20261201-0001/claim',
      headers: { authorization: `Bearer ${integration.token}` },
    })
    expect(viaToken.statusCode).toBe(404) // through the guard without a CSRF header; no such ticket
  })

  it('lets an admin create, re-role, reset and disable accounts, and audits every change', async () => {
    const admin = await signIn('admin', ADMIN_PASSWORD)
    const created = await post('/api/staff/accounts', admin.cookie, admin.csrf, {
      username: 'zhangsan',
      name: '张三',
      role: 'agent',
      password: 'zhangsan-pass-1',
    })
    expect(created.statusCode).toBe(201)
    const id = created.json().id as number
    expect(created.json()).not.toHaveProperty('passwordHash')
    const duplicate = await post('/api/staff/accounts', admin.cookie, admin.csrf, {
      username: 'ZhangSan',
      name: '另一个张三',
      role: 'agent',
      password: 'zhangsan-pass-1',
    })
    expect(duplicate.statusCode).toBe(409)
    const short = await post('/api/staff/accounts', admin.cookie, admin.csrf, {
      username: 'lisi',
      name: '李四',
      role: 'agent',
      password: 'short',
    })
    expect(short.statusCode).toBe(400)
    expect(short.json().message).toContain('密码至少 10 个字符')

    const agent = await signIn('zhangsan', 'zhangsan-pass-1', '10.0.2.1')
    expect((await get('/api/staff/me', agent.cookie)).json()).toMatchObject({ id, role: 'agent', name: '张三' })

    const promoted = await post(`/api/staff/accounts/${id}/role`, admin.cookie, admin.csrf, { role: 'supervisor' })
    expect(promoted.json()).toMatchObject({ role: 'supervisor' })
    // The role is read at each request: the open session has it at once.
    expect((await get('/api/staff/me', agent.cookie)).json().role).toBe('supervisor')

    const reset = await post(`/api/staff/accounts/${id}/password`, admin.cookie, admin.csrf, {
      password: 'zhangsan-pass-2',
    })
    expect(reset.statusCode).toBe(200)
    expect((await get('/api/staff/me', agent.cookie)).statusCode).toBe(401) // signed out everywhere
    expect((await login('zhangsan', 'zhangsan-pass-1', '10.0.2.2')).statusCode).toBe(401)
    const again = await signIn('zhangsan', 'zhangsan-pass-2', '10.0.2.3')

    expect((await post(`/api/staff/accounts/${id}/disable`, admin.cookie, admin.csrf)).statusCode).toBe(200)
    expect((await get('/api/staff/me', again.cookie)).statusCode).toBe(401)
    const disabledLogin = await login('zhangsan', 'zhangsan-pass-2', '10.0.2.4')
    expect(disabledLogin.statusCode).toBe(403)
    expect(disabledLogin.json().message).toContain('已停用')
    expect((await post(`/api/staff/accounts/${id}/enable`, admin.cookie, admin.csrf)).statusCode).toBe(200)
    expect((await login('zhangsan', 'zhangsan-pass-2', '10.0.2.5')).statusCode).toBe(200)

    const audit = (await get('/api/staff/audit?limit=200', admin.cookie)).json().entries as {
      action: string
      targetStaffId: number
      actor: { name: string }
    }[]
    const mine = audit.filter((entry) => entry.targetStaffId === id).map((entry) => entry.action)
    expect(mine.reverse()).toEqual([
      'account_created',
      'role_changed',
      'password_reset',
      'account_disabled',
      'account_enabled',
    ])
    expect(audit.find((entry) => entry.targetStaffId === id)?.actor.name).toBe('管理员')
    expect(JSON.stringify(audit)).not.toContain('zhangsan-pass')
  })

  it('keeps the last admin: it cannot be disabled or demoted', async () => {
    const admin = await signIn('admin', ADMIN_PASSWORD)
    const me = (await get('/api/staff/me', admin.cookie)).json()
    for (const [url, payload] of [
      [`/api/staff/accounts/${me.id}/disable`, undefined],
      [`/api/staff/accounts/${me.id}/role`, { role: 'supervisor' }],
    ] as const) {
      const response = await post(url, admin.cookie, admin.csrf, payload)
      expect(response.statusCode).toBe(409)
      expect(response.json().message).toContain('最后一个')
    }
  })

  it('does not let agents or supervisors manage accounts, tokens or retention', async () => {
    for (const role of ['agent', 'supervisor'] as const) {
      const account = await staffAccount(db, `${role}-x`, role)
      const session = await signIn(account.username, account.password, `10.0.3.${role.length}`)
      for (const [method, url, payload] of [
        ['GET', '/api/staff/accounts', undefined],
        ['POST', '/api/staff/accounts', { username: 'sneaky', name: '越权', role: 'admin', password: 'x'.repeat(12) }],
        ['POST', `/api/staff/accounts/${account.staff.id}/role`, { role: 'admin' }],
        ['GET', '/api/staff/tokens', undefined],
        ['POST', '/api/staff/tokens', { staffId: account.staff.id, label: '自己发' }],
        ['GET', '/api/staff/audit', undefined],
        ['POST', '/api/staff/retention', { days: 180 }],
      ] as const) {
        const response =
          method === 'GET' ? await get(url, session.cookie) : await post(url, session.cookie, session.csrf, payload)
        expect(response.statusCode, `${role} ${method} ${url}`).toBe(403)
        expect(response.json().message).toContain('管理员')
      }
      expect((await get('/api/staff/me', session.cookie)).json().role).toBe(role)
    }
    expect((await db.query("select 1 from staff where username = 'sneaky'")).length).toBe(0)
  })

  it('issues integration tokens that work until revoked', async () => {
    const admin = await signIn('admin', ADMIN_PASSWORD)
    const account = await staffAccount(db, '对接系统', 'agent')
    const issued = await post('/api/staff/tokens', admin.cookie, admin.csrf, {
      staffId: account.staff.id,
      label: '12345 热线对接',
    })
    expect(issued.statusCode).toBe(201)
    const { id, secret } = issued.json()
    expect(secret).toMatch(new RegExp(`^qd_${id}_[A-Za-z0-9_-]{43}$`))
    const bearer = { authorization: `Bearer ${secret}` }
    const me = await app.inject({ method: 'GET', url: '/api/staff/me', headers: bearer })
    expect(me.json()).toMatchObject({ id: account.staff.id, csrfToken: null })
    const listed = (await get('/api/staff/tokens', admin.cookie)).json().tokens
    expect(JSON.stringify(listed)).not.toContain(secret.slice(-43))

    expect((await post(`/api/staff/tokens/${id}/revoke`, admin.cookie, admin.csrf)).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: '/api/staff/me', headers: bearer })).statusCode).toBe(401)
    expect((await post(`/api/staff/tokens/${id}/revoke`, admin.cookie, admin.csrf)).statusCode).toBe(404)
  })

  it('runs retention from the console for an admin', async () => {
    const admin = await signIn('admin', ADMIN_PASSWORD)
    const response = await post('/api/staff/retention', admin.cookie, admin.csrf, { days: 180 })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ days: 180, purgedTickets: [], maskedTurns: 0 })
    expect(response.json().summary[0]).toContain('已清除 0 个')
    expect((await post('/api/staff/retention', admin.cookie, admin.csrf, { days: 3 })).statusCode).toBe(400)
  })

  it('locks an account after repeated failures, with a Chinese message, and unlocks it in time', async () => {
    const account = await staffAccount(db, '王五', 'agent')
    expect((await login(account.username, 'wrong-1', '10.0.4.1')).statusCode).toBe(401)
    expect((await login(account.username, 'wrong-2', '10.0.4.2')).statusCode).toBe(401)
    const third = await login(account.username, 'wrong-3', '10.0.4.3')
    expect(third.statusCode).toBe(429)
    expect(third.json()).toMatchObject({ error: 'sign_in_locked', message: expect.stringContaining('15 分钟后再试') })
    expect(Number(third.headers['retry-after'])).toBe(900)
    // The right password does not help while locked, from any address.
    const locked = await login(account.username, account.password, '10.0.4.4')
    expect(locked.statusCode).toBe(429)
    expect(sessionCookie(locked)).toBeUndefined()

    advance(16)
    expect((await login(account.username, account.password, '10.0.4.5')).statusCode).toBe(200)
    const audit = await db.query<{ action: string }>('select action from staff_audit where target_staff_id = $1', [
      account.staff.id,
    ])
    expect(audit.map((row) => row.action)).toContain('sign_in_locked')
  })

  it('locks an address that tries many names, and not the others', async () => {
    const names = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6']
    const codes = []
    for (const name of names) codes.push((await login(`guess-${name}`, 'guess', '10.0.5.1')).statusCode)
    expect(codes).toEqual([401, 401, 401, 401, 401, 429])
    expect((await login('admin', ADMIN_PASSWORD, '10.0.5.1')).statusCode).toBe(429)
    expect((await login('admin', ADMIN_PASSWORD, '10.0.5.2')).statusCode).toBe(200)
    advance(16)
    expect((await login('admin', ADMIN_PASSWORD, '10.0.5.1')).statusCode).toBe(200)
  })

  it('ends a session after the idle time and after the absolute time', async () => {
    const idle = await signIn('admin', ADMIN_PASSWORD, '10.0.6.1')
    advance(29)
    expect((await get('/api/staff/me', idle.cookie)).statusCode).toBe(200)
    advance(29)
    expect((await get('/api/staff/me', idle.cookie)).statusCode).toBe(200) // each request restarts the idle time
    advance(31)
    const expired = await get('/api/staff/me', idle.cookie)
    expect(expired.statusCode).toBe(401)
    expect(expired.json().message).toContain('登录已过期')
    expect(sessionCookie(expired)).toBe('') // cleared

    const busy = await signIn('admin', ADMIN_PASSWORD, '10.0.6.2')
    for (let step = 0; step < 5; step++) {
      advance(20)
      expect((await get('/api/staff/me', busy.cookie)).statusCode).toBe(200)
    }
    advance(25) // 2 h 5 min after sign-in, never idle
    expect((await get('/api/staff/me', busy.cookie)).statusCode).toBe(401)
  })

  it('signs out with the CSRF token, and the cookie is dead afterwards', async () => {
    const { cookie, csrf } = await signIn('admin', ADMIN_PASSWORD, '10.0.7.1')
    expect((await post('/api/staff/logout', cookie, undefined)).statusCode).toBe(403)
    expect((await get('/api/staff/me', cookie)).statusCode).toBe(200)
    const out = await post('/api/staff/logout', cookie, csrf)
    expect(out.statusCode).toBe(204)
    expect(sessionCookie(out)).toBe('')
    expect((await get('/api/staff/me', cookie)).statusCode).toBe(401)
  })
})
