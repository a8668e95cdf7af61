import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppProcess, createPostgresSchema, startAppProcess } from '../support/app-process.ts'
import { ticketInput } from '../support/tickets.ts'

const PG_URL = process.env.TEST_DATABASE_URL

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type Outcome = { status: number; body: Record<string, unknown> }

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Outcome> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/**
 * PostgreSQL ends the app's connections under it (pg_terminate_backend, as an administrator or a
 * failover does) while tickets are opened, questions answered and the knowledge folder ingested:
 * the process must stay up, answer 503 while a request's connection is gone, and 2xx on a retry.
 */
describe.skipIf(!PG_URL)('backends terminated under load (PostgreSQL)', () => {
  let app: AppProcess
  let schema: Awaited<ReturnType<typeof createPostgresSchema>>

  beforeAll(async () => {
    schema = await createPostgresSchema(PG_URL as string)
    app = await startAppProcess({
      DATABASE_URL: schema.url,
      DB_POOL_SIZE: '6',
      KNOWLEDGE_DIR: 'knowledge',
      CHAT_RATE_LIMIT_PER_MINUTE: '0',
      TICKET_RATE_LIMIT_PER_HOUR: '0',
    })
  })
  afterAll(async () => {
    await app?.stop()
    await schema?.drop()
  })

  it('stays up, answers 503 then 2xx, and keeps every acknowledged ticket exactly once', async () => {
    let terminating = true
    let terminated = 0
    const terminator = (async () => {
      while (terminating) {
        const result = await schema.admin(
          'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()',
          [schema.applicationName],
        )
        terminated += result.rowCount ?? 0
        await sleep(40)
      }
    })()

    const statuses: number[] = []
    const acknowledged: string[] = []
    // Each ticket is retried with its Idempotency-Key until acknowledged, as the page does.
    const openOne = async (index: number) => {
      const key = `fault-${index}`
      for (let attempt = 0; attempt < 200; attempt++) {
        const outcome = await post(
          `${app.url}/api/tickets`,
          ticketInput({ description: `故障注入测试工单第${index}号：电子秤少称` }),
          { 'idempotency-key': key },
        ).catch((): Outcome => ({ status: 0, body: {} }))
        statuses.push(outcome.status)
        if (app.exitCode() !== undefined) throw new Error(`the app died:\n${app.output().slice(-1500)}`)
        if (outcome.status === 200 || outcome.status === 201) {
          acknowledged.push((outcome.body.ticket as { number: string }).number)
          return
        }
        await sleep(50)
      }
      throw new Error(`ticket ${index} was never acknowledged`)
    }
    const askOne = async () => {
      for (let attempt = 0; attempt < 200; attempt++) {
        const outcome = await post(`${app.url}/api/chat`, { message: 'CCC免办需要什么材料？' }).catch(() => ({
          status: 0,
          body: {},
        }))
        statuses.push(outcome.status)
        if (app.exitCode() !== undefined) throw new Error(`the app died:\n${app.output().slice(-1500)}`)
        if (outcome.status === 200) return
        await sleep(50)
      }
      throw new Error('a question was never answered')
    }

    const work: Promise<void>[] = []
    for (let index = 0; index < 40; index++) {
      work.push(openOne(index))
      if (index % 2 === 0) work.push(askOne())
      await sleep(60)
    }
    await sleep(1_000)
    terminating = false
    await terminator
    await Promise.all(work)

    expect(terminated).toBeGreaterThan(0)
    expect(app.exitCode()).toBeUndefined()
    expect(statuses).toContain(503)
    // Only "try again" and success: no 500, no refused connection.
    expect(new Set(statuses.filter((status) => ![200, 201, 503].includes(status)))).toEqual(new Set())
    expect(acknowledged).toHaveLength(40)
    const rows = await schema.admin(
      `select number, count(*)::int as n from ${schema.applicationName}.tickets group by number`,
    )
    const stored = new Map(rows.rows.map((row: { number: string; n: number }) => [row.number, row.n]))
    for (const number of acknowledged) expect(stored.get(number), number).toBe(1)
    const [copies] = (
      await schema.admin(
        `select count(*)::int as n, count(distinct description)::int as distinct from ${schema.applicationName}.tickets`,
      )
    ).rows as Array<{ n: number; distinct: number }>
    expect(copies).toEqual({ n: 40, distinct: 40 })

    // And it recovered: health and a plain request succeed with nothing being terminated.
    const health = await fetch(`${app.url}/healthz`)
    expect(health.status).toBe(200)
    expect(app.output()).not.toMatch(/uncaught|unhandled/i)
  }, 180_000)
})
