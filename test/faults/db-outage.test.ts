import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPgliteDb, createPostgresDb, type Db } from '../../src/db/index.ts'
import { createTestApp } from '../support/app.ts'
import { startTcpProxy } from '../support/tcp-proxy.ts'
import { staffWithToken, ticketInput } from '../support/tickets.ts'

const PG_URL = process.env.TEST_DATABASE_URL

/** A database that can be switched off: what the app sees is what pg throws for a refused connect. */
type Outage = { db: Db; down(): Promise<void>; up(): Promise<void>; close(): Promise<void> }

function switchable(inner: Db, state: { down: boolean }): Db {
  const refuse = () => {
    if (state.down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
  }
  return {
    kind: inner.kind,
    async query(sql, params) {
      refuse()
      return inner.query(sql, params)
    },
    async exec(sql) {
      refuse()
      return inner.exec(sql)
    },
    async transaction(work) {
      refuse()
      return inner.transaction((tx) => work(switchable(tx, state)))
    },
    listenInProcess: (channel, onNotify) => inner.listenInProcess(channel, onNotify),
    close: () => inner.close(),
  }
}

async function pgliteOutage(): Promise<Outage> {
  const inner = await createPgliteDb()
  const state = { down: false }
  return {
    db: switchable(inner, state),
    async down() {
      state.down = true
    },
    async up() {
      state.down = false
    },
    close: () => inner.close(),
  }
}

/** The real thing: a pool that reaches PostgreSQL only through a TCP relay the test can cut. */
async function postgresOutage(url: string): Promise<Outage> {
  const schema = `outage_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query(sql)
    await client.end()
  }
  await admin(`create schema ${schema}`)
  const server = new URL(url)
  const proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) })
  const proxied = new URL(url)
  proxied.port = String(proxy.port)
  const db = await createPostgresDb(proxied.href, { poolSize: 4, searchPath: `${schema},public` })
  return {
    db,
    down: () => proxy.cut(),
    up: () => proxy.restore(),
    async close() {
      await db.close()
      await proxy.close()
      await admin(`drop schema ${schema} cascade`)
    },
  }
}

const outages = [
  { name: 'pglite (simulated refusal)', create: pgliteOutage },
  ...(PG_URL ? [{ name: 'postgres (relay cut)', create: () => postgresOutage(PG_URL) }] : []),
]

const expectUnavailable = (response: LightMyRequestResponse) => {
  expect(response.statusCode).toBe(503)
  expect(response.json()).toEqual({ error: 'unavailable', message: '数据库暂时不可用，请稍后重试' })
}

describe.each(outages)('database down while serving: $name', ({ create }) => {
  let outage: Outage
  let app: FastifyInstance

  beforeAll(async () => {
    outage = await create()
    ;({ app } = await createTestApp(outage.db, { knowledge: 'test/fixtures/knowledge' }))
  })
  afterAll(async () => {
    await app.close()
    await outage.close()
  })

  const chat = (message: string) => app.inject({ method: 'POST', url: '/api/chat', payload: { message } })
  const openTicket = (key: string) =>
    app.inject({ method: 'POST', url: '/api/tickets', payload: ticketInput(), headers: { 'idempotency-key': key } })

  it('answers 503 with a message while it is down, recovers when it is back, and loses no ticket', async () => {
    const { token } = await staffWithToken(outage.db, '张三', 'agent')
    const before = await openTicket('before-outage')
    expect(before.statusCode).toBe(201)
    const { number, lookupToken } = before.json().ticket

    await outage.down()
    expectUnavailable(await chat('你好'))
    expectUnavailable(await openTicket('during-outage'))
    expectUnavailable(await app.inject({ method: 'GET', url: `/api/tickets/${number}?token=${lookupToken}` }))
    expectUnavailable(
      await app.inject({ method: 'GET', url: '/api/staff/tickets', headers: { authorization: `Bearer ${token}` } }),
    )
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(503)

    await outage.up()
    expect((await chat('你好')).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
    const lookup = await app.inject({ method: 'GET', url: `/api/tickets/${number}?token=${lookupToken}` })
    expect(lookup.statusCode).toBe(200)
    expect(lookup.json().ticket.number).toBe(number)
    // The submission refused during the outage was not stored; its retry makes exactly one ticket.
    const retried = await openTicket('during-outage')
    expect(retried.statusCode).toBe(201)
    expect((await openTicket('during-outage')).json().ticket.number).toBe(retried.json().ticket.number)
    const queue = await app.inject({
      method: 'GET',
      url: '/api/staff/tickets?status=all',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(queue.json().total).toBe(2)
  })
})

describe.skipIf(!PG_URL)('PostgreSQL ends our sessions (pg_terminate_backend)', () => {
  let outage: Outage
  let app: FastifyInstance
  const applicationName = `qd_faults_${process.pid}`

  beforeAll(async () => {
    const url = new URL(PG_URL as string)
    url.searchParams.set('application_name', applicationName)
    outage = await postgresOutage(url.href)
    ;({ app } = await createTestApp(outage.db, { knowledge: false }))
  })
  afterAll(async () => {
    await app.close()
    await outage.close()
  })

  it('answers the next requests without a 500 and keeps the acknowledged ticket', async () => {
    const opened = await app.inject({ method: 'POST', url: '/api/tickets', payload: ticketInput() })
    expect(opened.statusCode).toBe(201)
    const { number, lookupToken } = opened.json().ticket
    const admin = new pg.Client({ connectionString: PG_URL })
    await admin.connect()
    const killed = await admin.query(
      'select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = $1',
      [applicationName],
    )
    await admin.end()
    expect(killed.rowCount).toBeGreaterThan(0)

    // A request may still meet a connection the pool has not yet noticed is gone: 503, never 500.
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (await app.inject({ method: 'GET', url: `/api/tickets/${number}?token=${lookupToken}` })).statusCode,
      )
    }
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true)
    expect(statuses.at(-1)).toBe(200)
  })
})
