import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { MODEL_ANSWER_WITHDRAWN } from '../../src/answer/messages.ts'
import { createPgliteDb, type Db } from '../../src/db/index.ts'
import { INTENT_SYSTEM_PROMPT } from '../../src/routing/prompts.ts'
import { createTestApp } from '../support/app.ts'
import { type ChatCompletionRequest, type FakeOpenAI, type FakeReply, startFakeOpenAI } from '../support/fake-openai.ts'
import { intentReply, isAnswerRequest, passageNumber, QUESTION, streamChat, supported } from '../support/llm-chat.ts'
import { captureLog } from '../support/log-capture.ts'
import { staffWithToken } from '../support/tickets.ts'

const FIRST_TOKEN_MS = 2_000
const STALL_MS = 1_000
// Retrieval, the routing call and persisting the turn on a loaded two-core machine.
const SLACK_MS = 2_500

/** Waits (up to 5 s) for the fake to see the client hang up. */
async function abandonedRequests(fake: FakeOpenAI): Promise<ChatCompletionRequest[]> {
  const until = Date.now() + 5_000
  while (fake.abandoned.length === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50))
  return fake.abandoned.filter(isAnswerRequest)
}

const timings: Array<{ case: string; ttftMs: number | null; totalMs: number }> = []

describe('LLM answers streamed token by token (fake OpenAI-compatible server)', () => {
  let db: Db
  let app: FastifyInstance
  let fake: FakeOpenAI
  let baseUrl: string
  let behaviour: (request: ChatCompletionRequest) => FakeReply = () => ({})
  const log = captureLog()

  beforeAll(async () => {
    fake = await startFakeOpenAI((request) => (isAnswerRequest(request) ? behaviour(request) : intentReply()))
    db = await createPgliteDb()
    ;({ app } = await createTestApp(db, {
      logger: { level: 'warn', stream: log.stream },
      env: {
        LLM_BASE_URL: fake.url,
        LLM_MODEL: 'fake-model',
        LLM_FIRST_TOKEN_TIMEOUT_MS: String(FIRST_TOKEN_MS),
        LLM_STALL_TIMEOUT_MS: String(STALL_MS),
      },
    }))
    await app.listen({ port: 0, host: '127.0.0.1' })
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await app.close()
    await db.close()
    await fake.close()
    console.info(`LLM streaming timings (ms): ${JSON.stringify(timings)}`)
  })
  beforeEach(() => {
    fake.requests.length = 0
    fake.abandoned.length = 0
    fake.firstTokenAt.length = 0
    log.lines.length = 0
  })

  it('sends citations, then deltas as the model writes, then the checked answer; the first delta within 1 s', async () => {
    behaviour = (request) => ({
      content: supported(passageNumber(request, '五、怎样申请')).join(''),
      delayMs: 800,
      intervalMs: 40,
    })
    const result = await streamChat(baseUrl, QUESTION)
    timings.push({
      case: `first token after 0.8 s, 40 ms/token; relayed ${(result.firstDeltaAt as number) - (fake.firstTokenAt[0] as number)} ms after the model's`,
      ttftMs: result.ttftMs,
      totalMs: result.totalMs,
    })
    expect(result.events.map((event) => event.event).filter((name, i, all) => name !== all[i - 1])).toEqual([
      'citations',
      'delta',
      'done',
    ])
    expect((result.firstDeltaAt as number) - (fake.firstTokenAt[0] as number)).toBeLessThan(1_000)
    expect(result.events.filter((event) => event.event === 'delta').length).toBeGreaterThan(20)
    expect(result.done).toMatchObject({ mode: 'llm', grounded: true, llmOutcome: 'ok' })
    // Markers renumbered from the model's passage number to [1]; every quote a slice of its chunk.
    expect(result.done.answer).toBe(supported(1).join(''))
    const citations = result.done.citations as Array<{ chunkId: number; quote: string }>
    expect(citations).toHaveLength(1)
    const chunk = (await app.inject({ method: 'GET', url: `/api/chunks/${citations[0]?.chunkId}` })).json()
    expect(chunk.content).toContain(citations[0]?.quote)
    expect(citations[0]?.quote).toContain('责任担保书')
  })

  it('delivers a six-second stream whole instead of replacing it', async () => {
    behaviour = (request) => {
      const content = supported(passageNumber(request, '五、怎样申请')).join('')
      return { content, intervalMs: 6_000 / (content.length / 3) }
    }
    const result = await streamChat(baseUrl, QUESTION)
    timings.push({ case: 'six-second stream', ttftMs: result.ttftMs, totalMs: result.totalMs })
    expect(result.totalMs).toBeGreaterThan(5_500)
    expect(result.done).toMatchObject({ mode: 'llm', llmOutcome: 'ok' })
    expect(result.done.answer).toBe(supported(1).join(''))
  })

  it('never lets an unsupported sentence or a wrong number reach done, and reports what it removed', async () => {
    behaviour = (request) => {
      const n = passageNumber(request, '五、怎样申请')
      const [materials, where, after] = supported(n)
      return {
        content: `${materials}审核时限为20个工作日[${n}]。${where}逾期未申请的企业将被处以罚款并吊销营业执照[${n}]。${after}`,
        intervalMs: 5,
      }
    }
    const result = await streamChat(baseUrl, QUESTION)
    expect(result.streamed).toContain('20个工作日')
    expect(result.done).toMatchObject({ mode: 'llm', llmOutcome: 'ok' })
    expect(result.done.answer).toBe(supported(1).join(''))
    expect(JSON.stringify(result.done)).not.toMatch(/20个工作日|吊销营业执照/)
    expect(result.done.removedClaims).toEqual([
      { reason: 'number-not-in-passage', markers: [expect.any(Number)] },
      { reason: 'unsupported-terms', markers: [expect.any(Number)] },
    ])
  })

  it.each([
    ['sends no first token in time', { delayMs: 30_000 }, 'first-token-timeout', FIRST_TOKEN_MS, false],
    ['stalls mid-stream', { stallAfter: 5, intervalMs: 20 }, 'stall', STALL_MS, true],
    ['disconnects mid-stream', { disconnectAfter: 5, intervalMs: 20 }, 'error', 0, true],
    ['sends a malformed chunk', { malformedAfter: 5, intervalMs: 20 }, 'error', 0, true],
    ['answers 500', { status: 500 }, 'error', 0, false],
  ] as const)('falls back to the extractive answer when the model %s', async (name, reply, outcome, waitMs, shown) => {
    behaviour = (request) => ({ content: supported(passageNumber(request, '五、怎样申请')).join(''), ...reply })
    const result = await streamChat(baseUrl, QUESTION)
    timings.push({ case: name, ttftMs: result.ttftMs, totalMs: result.totalMs })
    expect(result.status).toBe(200)
    expect(result.done).toMatchObject({ mode: 'extractive', grounded: true, llmOutcome: outcome })
    expect(result.done.answer).toMatch(/\[1\]/)
    // Words already shown are withdrawn in so many words; with none shown nothing needs saying.
    expect(result.done.answer.startsWith(MODEL_ANSWER_WITHDRAWN)).toBe(shown)
    expect(result.totalMs).toBeLessThan(waitMs + SLACK_MS)
    // Logged as a warning with its cause and the model, without what was asked.
    const warning = log.lines.map((line) => JSON.parse(line)).find((line) => line.llmOutcome === outcome)
    expect(warning).toMatchObject({ level: 40, llmStep: 'answer', model: 'fake-model', cause: expect.any(String) })
    expect(JSON.stringify(warning)).not.toContain('申请材料')
    // A model that went quiet is hung up on, not left generating for nobody.
    if (outcome === 'first-token-timeout' || outcome === 'stall') expect(await abandonedRequests(fake)).toHaveLength(1)
  })

  it('aborts the upstream request when the client disconnects', async () => {
    behaviour = (request) => ({ content: supported(passageNumber(request, '五、怎样申请')).join(''), intervalMs: 200 })
    await streamChat(baseUrl, QUESTION, true)
    expect(await abandonedRequests(fake)).toHaveLength(1)
    // The turn is still recorded, with what ended its model call.
    const [row] = await db.query<{ llm_outcome: string }>('select llm_outcome from chat_turns order by id desc limit 1')
    expect(row?.llm_outcome).toBe('aborted')
  })

  it('POST /api/chat collects the same turn into one response', async () => {
    behaviour = (request) => ({ content: supported(passageNumber(request, '五、怎样申请')).join(''), intervalMs: 5 })
    const response = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: QUESTION } })
    expect(response.json()).toMatchObject({ mode: 'llm', llmOutcome: 'ok', answer: supported(1).join('') })
  })

  it('counts the outcomes in the staff statistics', async () => {
    const { token } = await staffWithToken(db, '统计员', 'supervisor')
    const stats = (
      await app.inject({ method: 'GET', url: '/api/staff/stats', headers: { authorization: `Bearer ${token}` } })
    ).json()
    expect(stats.llmOutcomes).toMatchObject({ ok: expect.any(Number), 'first-token-timeout': 1, stall: 1, aborted: 1 })
    expect(stats.llmOutcomes.error).toBeGreaterThanOrEqual(3)
  })
})

describe('one budget per turn', () => {
  const BUDGET_MS = 3_000
  let db: Db
  let app: FastifyInstance
  let fake: FakeOpenAI
  let slowRouting = false

  beforeAll(async () => {
    fake = await startFakeOpenAI((request) => {
      if (request.messages[0]?.content === INTENT_SYSTEM_PROMPT)
        return { ...intentReply(), delayMs: slowRouting ? 1_500 : 0 }
      // Tokens keep coming, never stalling, for far longer than the budget.
      return { content: supported(passageNumber(request, '五、怎样申请')).join('').repeat(4), intervalMs: 100 }
    })
    db = await createPgliteDb()
    ;({ app } = await createTestApp(db, {
      env: { LLM_BASE_URL: fake.url, LLM_MODEL: 'fake-model', LLM_TURN_BUDGET_MS: String(BUDGET_MS) },
    }))
  })
  afterAll(async () => {
    await app.close()
    await db.close()
    await fake.close()
  })

  it.each([
    ['a long answer', false],
    ['a slow routing call followed by a long answer', true],
  ])('ends %s at the deadline with the extractive answer', async (_, slow) => {
    slowRouting = slow
    const started = performance.now()
    const response = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: QUESTION } })
    const ms = performance.now() - started
    expect(response.json()).toMatchObject({ mode: 'extractive', grounded: true, llmOutcome: 'timeout' })
    expect(ms).toBeLessThan(BUDGET_MS + SLACK_MS)
  })
})
