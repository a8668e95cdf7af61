import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPgliteDb, type Db } from '../../src/db/index.ts'
import { createTestApp } from '../support/app.ts'
import { type FakeOpenAI, type FakeReply, startFakeOpenAI } from '../support/fake-openai.ts'

const TIMEOUT_MS = 400
// A chat turn may wait for the model twice, one after the other: the intent (when the rules do not
// decide it, up to LLM_TIMEOUT_MS) and the answer's first token. Beyond that, retrieval on a busy machine.
const BOUND_MS = 2 * TIMEOUT_MS + 1_500
const QUESTION = 'CCC免办需要准备哪些申请材料？'

describe('LLM endpoint slow or failing → extractive answer in bounded time', () => {
  let db: Db
  let app: FastifyInstance
  let fake: FakeOpenAI
  let behaviour: FakeReply = {}

  beforeAll(async () => {
    fake = await startFakeOpenAI(() => behaviour)
    db = await createPgliteDb()
    ;({ app } = await createTestApp(db, {
      env: {
        LLM_BASE_URL: fake.url,
        LLM_MODEL: 'fake-model',
        LLM_TIMEOUT_MS: String(TIMEOUT_MS),
        LLM_FIRST_TOKEN_TIMEOUT_MS: String(TIMEOUT_MS),
      },
    }))
  })
  afterAll(async () => {
    await app.close()
    await db.close()
    await fake.close()
  })

  const ask = async (url = '/api/chat') => {
    const calls = fake.requests.length
    const started = performance.now()
    const response = await app.inject({ method: 'POST', url, payload: { message: QUESTION, audience: 'enterprise' } })
    return { response, ms: performance.now() - started, modelCalls: fake.requests.length - calls }
  }

  it.each([
    ['never answers in time', { delayMs: 30_000 }],
    ['answers 500', { status: 500 }],
    ['answers 503 slowly', { status: 503, delayMs: TIMEOUT_MS * 3 }],
    ['answers without citations', { content: '您需要准备很多材料，具体请咨询窗口。' }],
  ])('the endpoint %s', async (_name, reply) => {
    behaviour = reply
    const { response, ms, modelCalls } = await ask()
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(modelCalls).toBeGreaterThan(0)
    expect(body.mode).toBe('extractive')
    expect(body.grounded).toBe(true)
    expect(body.citations.length).toBeGreaterThan(0)
    expect(body.answer).toMatch(/\[\d+\]/)
    expect(ms).toBeLessThan(BOUND_MS)
  })

  it('the streamed answer falls back the same way', async () => {
    behaviour = { delayMs: 30_000 }
    const { response, ms } = await ask('/api/chat/stream')
    expect(response.statusCode).toBe(200)
    const done = response.body.split('\n\n').find((event) => event.startsWith('event: done'))
    expect(JSON.parse(done!.split('\ndata: ')[1]!)).toMatchObject({ mode: 'extractive', grounded: true })
    expect(ms).toBeLessThan(BOUND_MS)
  })
})
