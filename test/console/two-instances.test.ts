import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPgliteDb, createPostgresDb, type Db } from '../../src/db/index.ts'
import { createTestApp } from '../support/app.ts'
import { staffWithToken } from '../support/tickets.ts'
import { ask, fixtureFile, upload, uploadForm } from '../support/uploads.ts'

type Store = { name: string; open: () => Promise<{ first: Db; second: Db; close: () => Promise<void> }> }

const url = process.env.TEST_DATABASE_URL
const stores: Store[] = [
  {
    // One embedded database, two apps: each has its own caches, as two processes would.
    name: 'pglite',
    async open() {
      const db = await createPgliteDb()
      return { first: db, second: db, close: () => db.close() }
    },
  },
  ...(url
    ? [
        {
          // Two connection pools on one PostgreSQL schema: two instances behind a load balancer.
          name: 'postgres',
          async open() {
            const schema = `test_two_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
            const admin = new pg.Client({ connectionString: url })
            await admin.connect()
            await admin.query(`create schema ${schema}`)
            const first = await createPostgresDb(url, { poolSize: 5, searchPath: `${schema},public` })
            const second = await createPostgresDb(url, { poolSize: 5, searchPath: `${schema},public` })
            return {
              first,
              second,
              async close() {
                await first.close()
                await second.close()
                await admin.query(`drop schema ${schema} cascade`)
                await admin.end()
              },
            }
          },
        },
      ]
    : []),
]

describe.each(stores)('two app instances on one $name store', (store) => {
  let close: () => Promise<void>
  let first: FastifyInstance
  let second: FastifyInstance
  let supervisor: { token: string }

  beforeAll(async () => {
    const dbs = await store.open()
    close = dbs.close
    ;({ app: first } = await createTestApp(dbs.first, { knowledge: 'test/fixtures/knowledge' }))
    ;({ app: second } = await createTestApp(dbs.second, { knowledge: false }))
    supervisor = await staffWithToken(dbs.first, '李主管', 'supervisor')
  })
  afterAll(async () => {
    await first.close()
    await second.close()
    await close()
  })

  it('a document uploaded on one is answered from by the other, and a delete is seen by both', async () => {
    const question = '电梯多久维护保养一次？'
    expect((await ask(second, question)).grounded).toBe(false)
    const response = await upload(
      first,
      supervisor.token,
      uploadForm(fixtureFile('test/fixtures/upload/elevator-maintenance.pdf')),
    )
    expect(response.statusCode).toBe(201)
    const answer = await ask(second, question)
    expect(answer.grounded).toBe(true)
    expect(answer.citations[0].docId).toBe('elevator-maintenance')

    const deleted = await second.inject({
      method: 'DELETE',
      url: '/api/staff/documents/elevator-maintenance',
      headers: { authorization: `Bearer ${supervisor.token}` },
    })
    expect(deleted.statusCode).toBe(200)
    expect((await ask(first, question)).grounded).toBe(false)
  })

  it('a correction approved on one answers on the other', async () => {
    const auth = { authorization: `Bearer ${supervisor.token}` }
    const created = await first.inject({
      method: 'POST',
      url: '/api/staff/faqs',
      headers: auth,
      payload: { question: '电梯年检需要带什么材料？', answer: '请带使用登记证和上一年度的检验报告。' },
    })
    await first.inject({ method: 'POST', url: `/api/staff/faqs/${created.json().id}/approve`, headers: auth })
    expect((await ask(second, '电梯年检需要带什么材料？')).mode).toBe('faq')
  })
})
