import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPgliteDb, type Db, migrate } from '../../src/db/index.ts'
import type { buildApp, Readiness } from '../../src/http/app.ts'
import { createTestApp } from '../support/app.ts'

describe('health and readiness', () => {
  let db: Db
  const readiness: Readiness = { ready: false }
  let app: Awaited<ReturnType<typeof buildApp>>

  beforeAll(async () => {
    db = await createPgliteDb()
    ;({ app } = await createTestApp(db, { readiness, knowledge: false }))
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  it('answers 503 with a message until the store is ready, then 200', async () => {
    const starting = await app.inject({ method: 'GET', url: '/healthz' })
    expect(starting.statusCode).toBe(503)
    expect(starting.json().message).toMatch(/准备/)
    const api = await app.inject({ method: 'GET', url: '/api/anything' })
    expect(api.statusCode).toBe(503)
    expect(api.json()).toMatchObject({ error: 'unavailable' })

    await migrate(db)
    readiness.ready = true
    const ready = await app.inject({ method: 'GET', url: '/healthz' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json()).toEqual({ status: 'ok', documents: 0 })
  })

  it('answers unknown routes with a JSON 404', async () => {
    readiness.ready = true
    const response = await app.inject({ method: 'GET', url: '/nowhere?x=1' })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ error: 'not_found', message: '没有这个地址：GET /nowhere' })
  })

  it('publishes the OpenAPI document', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs/json' })
    expect(response.statusCode).toBe(200)
    expect(response.json().paths['/healthz']).toBeDefined()
  })

  it('documents what each route answers, per status, from the same schemas that shape the replies', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/docs/json' })).json()
    const chat = spec.paths['/api/chat'].post.responses
    expect(Object.keys(chat)).toEqual(expect.arrayContaining(['200', '400', '429', '503']))
    const answer = chat['200'].content['application/json'].schema
    expect(answer.required).toEqual(expect.arrayContaining(['sessionId', 'answer', 'citations', 'grounded']))
    expect(answer.properties.citations.items.properties.quote.type).toBe('string')
    expect(spec.paths['/api/chunks/{id}'].get.responses['404']).toBeDefined()
  })
})
