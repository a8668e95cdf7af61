import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPgliteDb, type Db, migrate } from '../../src/db/index.ts'
import { contentSecurityPolicyHeader, DOCS_CONTENT_SECURITY_POLICY } from '../../src/http/security-headers.ts'
import { buildWeb } from '../../src/web/build.ts'
import { createTestApp } from '../support/app.ts'

const PAGES = ['/', '/lookup', '/staff', '/documents', '/documents/samr-order-75']

describe('web pages over HTTP', () => {
  let db: Db
  let built: FastifyInstance
  let unbuilt: FastifyInstance
  const dirs: string[] = []
  let webDir: string
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'qd-web-routes-'))
    dirs.push(dir)
    return dir
  }

  beforeAll(async () => {
    db = await createPgliteDb()
    await migrate(db)
    webDir = tempDir()
    await buildWeb(webDir)
    ;({ app: built } = await createTestApp(db, { knowledge: false, webDir }))
    ;({ app: unbuilt } = await createTestApp(db, { knowledge: false, webDir: join(tempDir(), 'missing') }))
  })
  afterAll(async () => {
    await built.close()
    await unbuilt.close()
    await db.close()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('serves each page as HTML under the strict CSP, with its script and stylesheet from /assets/', async () => {
    for (const url of PAGES) {
      const response = await built.inject({ url })
      expect(response.statusCode, url).toBe(200)
      expect(response.headers['content-type']).toMatch(/^text\/html/)
      expect(response.headers['content-security-policy']).toBe(contentSecurityPolicyHeader())
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['cache-control']).toBe('no-cache')
      expect(response.body).toContain('<html lang="zh-CN">')
      expect(response.body).toMatch(/<script type="module" src="\/assets\/\w+\.js"><\/script>/)
      expect(response.body).not.toMatch(/<script>|<style|\sstyle="|\son[a-z]+="/)
      expect(response.body).toContain('aria-current="page"')
    }
    expect(contentSecurityPolicyHeader()).toBe(
      "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
    )
  })

  it('serves the bundles with their types, and 404s for an unknown asset', async () => {
    const script = await built.inject({ url: '/assets/chat.js' })
    expect(script.statusCode).toBe(200)
    expect(script.headers['content-type']).toMatch(/javascript/)
    const styles = await built.inject({ url: '/assets/styles.css' })
    expect(styles.headers['content-type']).toMatch(/^text\/css/)
    expect((await built.inject({ url: '/assets/nope.js' })).statusCode).toBe(404)
  })

  it('keeps zod out of the bundles: the pages take their types from the route schemas by type-only imports', () => {
    const scripts = readdirSync(join(webDir, 'assets')).filter((file) => file.endsWith('.js'))
    expect(scripts).toContain('staff.js')
    for (const file of scripts)
      expect(readFileSync(join(webDir, 'assets', file), 'utf8'), file).not.toContain('ZodError')
  })

  it('relaxes style-src for /docs only, where Swagger UI sets inline styles', async () => {
    const docs = await built.inject({ url: '/docs/' })
    expect(docs.statusCode).toBe(200)
    expect(docs.headers['content-security-policy']).toBe(contentSecurityPolicyHeader(DOCS_CONTENT_SECURITY_POLICY))
    expect(docs.headers['content-security-policy']).toContain("script-src 'self';")
    const api = await built.inject({ url: '/api/documents' })
    expect(api.headers['content-security-policy']).toBe(contentSecurityPolicyHeader())
  })

  it('without a build the server still starts: pages answer 503 saying to run npm run build, the API works', async () => {
    for (const url of [...PAGES, '/assets/chat.js']) {
      const response = await unbuilt.inject({ url })
      expect(response.statusCode, url).toBe(503)
      expect(response.json()).toEqual({ error: 'unavailable', message: expect.stringContaining('npm run build') })
    }
    expect((await unbuilt.inject({ url: '/api/documents' })).statusCode).toBe(200)
  })

  it('keeps the pages out of the OpenAPI document', async () => {
    const spec = (await built.inject({ url: '/docs/json' })).json() as { paths: Record<string, unknown> }
    expect(Object.keys(spec.paths).some((path) => path.startsWith('/api/'))).toBe(true)
    expect(Object.keys(spec.paths).filter((path) => !path.startsWith('/api/') && path !== '/healthz')).toEqual([])
  })
})
