import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ANSWER_SYSTEM_PROMPT, FOLLOW_UP_SYSTEM_PROMPT } from '../../src/answer/prompts.ts'
import { createPgliteDb, type Db } from '../../src/db/index.ts'
import { createTestApp } from '../support/app.ts'
import { type ChatCompletionRequest, type FakeOpenAI, type FakeReply, startFakeOpenAI } from '../support/fake-openai.ts'
import { intentReply, isAnswerRequest, passageNumber } from '../support/llm-chat.ts'

const QUESTION = '75号令适用于哪些生产单位？'

describe('LLM answers over the retrieved passages (fake OpenAI-compatible server)', () => {
  let db: Db
  let app: FastifyInstance
  let fake: FakeOpenAI
  let answer: string | ((request: ChatCompletionRequest) => string) = ''

  let rewrite: FakeReply = {}

  const answerRequests = () => fake.requests.filter(isAnswerRequest)

  beforeAll(async () => {
    fake = await startFakeOpenAI((request) => {
      if (isAnswerRequest(request)) return { content: typeof answer === 'string' ? answer : answer(request) }
      if (request.messages[0]?.content === FOLLOW_UP_SYSTEM_PROMPT) return rewrite
      return intentReply()
    })
    db = await createPgliteDb()
    ;({ app } = await createTestApp(db, { env: { LLM_BASE_URL: fake.url, LLM_MODEL: 'fake-model' } }))
  })
  afterAll(async () => {
    await app.close()
    await db.close()
    await fake.close()
  })
  beforeEach(() => {
    fake.requests.length = 0
  })

  const ask = async () => {
    const response = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: QUESTION } })
    expect(response.statusCode).toBe(200)
    return response.json()
  }

  it('uses a checked LLM answer: its markers renumbered, its citations verbatim quotes of the passages', async () => {
    const scope = (n: number) =>
      `75号令适用于实行工业产品生产许可管理的产品和实行强制性产品认证管理的产品的生产单位[${n}]。`
    answer = (request) => scope(passageNumber(request, '第二条'))
    const body = await ask()
    expect(body.mode).toBe('llm')
    expect(body.grounded).toBe(true)
    expect(body.answer).toBe(scope(1))
    expect(body.citations).toHaveLength(1)
    const chunk = (await app.inject({ method: 'GET', url: `/api/chunks/${body.citations[0].chunkId}` })).json()
    expect(chunk.content).toContain(body.citations[0].quote)
    // The model saw the rules and numbered passages with their documents and sections.
    const [request] = answerRequests()
    const user = request?.messages[1]?.content ?? ''
    expect(user).toContain('[1] 《工业产品生产单位落实质量安全主体责任监督管理规定（条文要点）》')
    expect(user).toContain(QUESTION)
  })

  it.each([
    ['cites a passage it was not given', '适用于所有企业[9]。'],
    ['cites nothing', '75号令适用于所有工业企业。'],
    ['says the passages do not cover it', '资料未覆盖'],
    ['recites its instructions', `好的。${ANSWER_SYSTEM_PROMPT.slice(0, 60)}[1]`],
  ])('falls back to the extractive answer when the model %s', async (_, reply) => {
    answer = reply
    const body = await ask()
    expect(answerRequests()).toHaveLength(1)
    expect(body.mode).toBe('extractive')
    expect(body.grounded).toBe(true)
    expect(body.citations[0]?.docId).toBe('samr-order-75')
    expect(body.answer).not.toContain('[9]')
  })

  it('shows the model a question the extractive answerer refuses, and keeps a number the passages lack from it', async () => {
    answer = '违反75号令将被罚款五万元[1]。'
    const response = await app.inject({
      method: 'POST',
      url: '/api/chat',
      payload: { message: '违反75号令会被罚多少钱？' },
    })
    const body = response.json()
    expect(answerRequests()).toHaveLength(1)
    expect(body).toMatchObject({ grounded: false, mode: 'extractive', llmOutcome: 'unverified' })
    expect(body.answer).not.toContain('五万')
  })

  it('does not ask the model below the retrieval floor', async () => {
    answer = '今天上海晴，最高气温25度[1]。'
    const response = await app.inject({
      method: 'POST',
      url: '/api/chat',
      payload: { message: '今天上海的天气怎么样？' },
    })
    expect(response.json()).toMatchObject({ grounded: false, mode: 'extractive' })
    expect(response.json().answer).not.toContain('25')
    expect(answerRequests()).toHaveLength(0)
  })

  describe('follow-ups rewritten by the model', () => {
    const followUp = async (reply: FakeReply) => {
      rewrite = reply
      answer = '资料未覆盖'
      const first = (
        await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'CCC免办是什么？' } })
      ).json()
      const second = await app.inject({
        method: 'POST',
        url: '/api/chat',
        payload: { message: '那需要准备什么材料？', sessionId: first.sessionId },
      })
      const [stored] = await db.query<{ resolved_query: string }>(
        'select resolved_query from chat_turns where id = $1',
        [second.json().turnId],
      )
      return { body: second.json(), stored: stored?.resolved_query }
    }

    it('searches for and stores the question the model wrote', async () => {
      const { body, stored } = await followUp({ content: 'CCC免办需要准备哪些申请材料？' })
      expect(body.resolvedQuery).toBe('CCC免办需要准备哪些申请材料？')
      expect(stored).toBe('CCC免办需要准备哪些申请材料？')
      expect(body.citations[0]?.docId).toBe('ccc-exemption')
      const [rewriting] = fake.requests.filter((request) => request.messages[0]?.content === FOLLOW_UP_SYSTEM_PROMPT)
      expect(rewriting?.messages[1]?.content).toContain('上一轮问题：CCC免办是什么？')
    })

    it.each([
      ['fails', { status: 500 }],
      ['answers instead of rewriting', { content: '需要准备：\n1. 申请书\n2. 合同' }],
    ])('carries the topic offline when the model %s', async (_, reply) => {
      const { body, stored } = await followUp(reply)
      expect(body.resolvedQuery).toMatch(/ccc免办.*那需要准备什么材料？/i)
      expect(stored).toBe(body.resolvedQuery)
    })
  })
})
