import { afterEach, describe, expect, it } from 'vitest'
import { type AppProcess, createPostgresSchema, startAppProcess } from '../support/app-process.ts'
import { copyKnowledge } from '../support/knowledge.ts'

const PG_URL = process.env.TEST_DATABASE_URL
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type Health = { status: string; documents: number; chat?: boolean; ingest?: { state: string } }

async function health(app: AppProcess): Promise<{ code: number; body: Health }> {
  const response = await fetch(`${app.url}/healthz`)
  return { code: response.status, body: (await response.json()) as Health }
}

/** Waits until the start-up ingest is done and chat is answered. */
async function untilChatReady(app: AppProcess, timeoutMs = 90_000): Promise<Health> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const { code, body } = await health(app).catch(() => ({ code: 0, body: {} as Health }))
    if (code === 200 && body.chat) return body
    if (Date.now() > deadline) throw new Error(`chat not ready: ${JSON.stringify(body)}\n${app.output().slice(-1500)}`)
    await sleep(200)
  }
}

describe.skipIf(!PG_URL)('app processes on one PostgreSQL', () => {
  const cleanups: Array<() => Promise<void>> = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('share one rate-limit budget between two instances', async () => {
    const schema = await createPostgresSchema(PG_URL as string)
    cleanups.push(schema.drop)
    const env = {
      DATABASE_URL: schema.url,
      KNOWLEDGE_DIR: 'test/fixtures/knowledge',
      CHAT_RATE_LIMIT_PER_MINUTE: '5',
      RATE_LIMIT_ALLOWLIST: '',
    }
    const first = await startAppProcess(env)
    cleanups.push(first.stop)
    await untilChatReady(first)
    const second = await startAppProcess(env)
    cleanups.push(second.stop)
    await untilChatReady(second)

    const ask = async (app: AppProcess) =>
      (
        await fetch(`${app.url}/api/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ message: '电子秤需要检定吗？' }),
        })
      ).status
    const statuses: number[] = []
    // Alternating: each instance alone sees only 4 of the 8, under its limit of 5.
    for (let i = 0; i < 8; i++) statuses.push(await ask(i % 2 === 0 ? first : second))
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429])
  }, 180_000)

  it('completes a start-up ingest that a crash cut short, in the background, with progress in /healthz', async () => {
    const schema = await createPostgresSchema(PG_URL as string)
    cleanups.push(schema.drop)
    const knowledge = copyKnowledge('knowledge')
    cleanups.push(async () => knowledge.remove())
    const env = { DATABASE_URL: schema.url, KNOWLEDGE_DIR: knowledge.dir }

    // Killed (SIGKILL: no clean-up) once the first files are stored.
    const crashed = await startAppProcess(env)
    await crashed.waitFor(/新增 +\S+: \d+ 个片段[\s\S]*新增 +\S+: \d+ 个片段/)
    crashed.child.kill('SIGKILL')
    await crashed.stop()
    const counted = await schema.admin(`select count(*)::int as n from ${schema.applicationName}.documents`)
    const partial = (counted.rows[0] as { n: number }).n
    expect(partial).toBeGreaterThan(0)
    expect(partial).toBeLessThan(9)

    const restarted = await startAppProcess(env)
    cleanups.push(restarted.stop)
    // Health answers as soon as migrations are checked, and so do tickets, while the folder is read.
    await restarted.waitFor(/"msg":"ready:/)
    const early = await health(restarted)
    expect(early.code).toBe(200)
    const final = await untilChatReady(restarted)
    expect(final).toMatchObject({ status: 'ok', documents: 9, chat: true, ingest: { state: 'done', files: 9 } })
  }, 180_000)
})
