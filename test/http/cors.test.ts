import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { createPgliteDb, type Db } from '../../src/db/index.ts'
import { createTestApp } from '../support/app.ts'

const ALLOWED = 'https://www.pudong.gov.cn'
const preflight = (origin: string, url = '/api/chat') => ({
  method: 'OPTIONS' as const,
  url,
  headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
})

describe('CORS', () => {
  let db: Db
  let closed: FastifyInstance
  let open: FastifyInstance

  beforeAll(async () => {
    db = await createPgliteDb()
    ;({ app: closed } = await createTestApp(db, { knowledge: false }))
    ;({ app: open } = await createTestApp(db, {
      knowledge: false,
      env: { CORS_ORIGINS: `${ALLOWED}/, http://localhost:5173` },
    }))
  })
  afterAll(async () => {
    await closed.close()
    await open.close()
    await db.close()
  })

  it('is off by default: no CORS headers, and a preflight finds nothing', async () => {
    expect(loadConfig({}).CORS_ORIGINS).toEqual([])
    const get = await closed.inject({ method: 'GET', url: '/api/documents', headers: { origin: ALLOWED } })
    expect(get.statusCode).toBe(200)
    expect(get.headers['access-control-allow-origin']).toBeUndefined()
    const options = await closed.inject(preflight(ALLOWED))
    expect(options.statusCode).toBe(404)
    expect(options.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('allows exactly the configured origins when CORS_ORIGINS is set', async () => {
    const options = await open.inject(preflight(ALLOWED))
    expect(options.statusCode).toBe(204)
    expect(options.headers['access-control-allow-origin']).toBe(ALLOWED)
    expect(options.headers['access-control-allow-methods']).toContain('POST')
    const post = await open.inject({
      method: 'POST',
      url: '/api/chat',
      payload: { message: '你好' },
      headers: { origin: 'http://localhost:5173' },
    })
    expect(post.statusCode).toBe(200)
    expect(post.headers['access-control-allow-origin']).toBe('http://localhost:5173')
    expect(post.headers.vary).toContain('Origin')
  })

  it('gives other origins no CORS headers, so their pages cannot read the answer', async () => {
    for (const origin of ['https://evil.example', 'https://www.pudong.gov.cn.evil.example', 'null']) {
      expect((await open.inject(preflight(origin))).headers['access-control-allow-origin']).toBeUndefined()
      const get = await open.inject({ method: 'GET', url: '/api/documents', headers: { origin } })
      expect(get.headers['access-control-allow-origin']).toBeUndefined()
    }
  })

  it('rejects a CORS_ORIGINS entry that is not an http(s) origin', () => {
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/)
    expect(() => loadConfig({ CORS_ORIGINS: 'ftp://files.example' })).toThrow(/CORS_ORIGINS/)
  })
})
