import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Assistant } from '../../src/assistant.ts'
import type { Db } from '../../src/db/index.ts'
import { createTestApp } from '../support/app.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { staffWithToken } from '../support/tickets.ts'
import { ask, fixtureFile, upload, uploadForm } from '../support/uploads.ts'

const QUESTION = '电梯年检需要带什么材料？'
const ANSWER = '电梯定期检验由使用单位向特种设备检验机构申请，需提供使用登记证和上一年度的检验报告。'

describe.each(testDatabases)('corrections that answer (FAQ) on $name', (database) => {
  let db: Db
  let app: FastifyInstance
  let assistant: Assistant
  let supervisor: { token: string }
  let agent: { token: string }
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, token: string, payload?: object) =>
    app.inject({ method, url: `/api/staff${url}`, headers: { authorization: `Bearer ${token}` }, payload })

  beforeAll(async () => {
    db = await createMigratedDb(database)
    ;({ app, assistant } = await createTestApp(db, { knowledge: 'test/fixtures/knowledge' }))
    supervisor = await staffWithToken(db, '李主管', 'supervisor')
    agent = await staffWithToken(db, '张三', 'agent')
    await upload(app, supervisor.token, uploadForm(fixtureFile('test/fixtures/upload/elevator-maintenance.pdf')))
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  it('a draft written from a logged turn answers nobody; once a supervisor approves it, the question and a paraphrase get it', async () => {
    const refused = await ask(app, QUESTION)
    expect(refused.mode).not.toBe('faq')
    const search = (await call('POST', '/search', agent.token, { query: '电梯维护保养' })).json()
    const chunkId = search.passages[0].chunkId
    const created = await call('POST', '/faqs', agent.token, {
      question: QUESTION,
      answer: ANSWER,
      chunkIds: [chunkId],
      sourceTurnId: refused.turnId,
    })
    expect(created.statusCode).toBe(201)
    const faq = created.json()
    expect(faq).toMatchObject({ status: 'draft', sourceTurnId: refused.turnId, hits: 0 })
    expect(faq.sources).toEqual([{ docId: 'elevator-maintenance', section: search.passages[0].section }])
    expect((await ask(app, QUESTION)).mode).not.toBe('faq')

    const byAgent = await call('POST', `/faqs/${faq.id}/approve`, agent.token)
    expect(byAgent.statusCode).toBe(403)
    const approved = await call('POST', `/faqs/${faq.id}/approve`, supervisor.token)
    expect(approved.statusCode).toBe(200)
    expect(approved.json().revisions.map((r: { action: string }) => r.action)).toEqual(['created', 'approved'])
    expect((await call('POST', `/faqs/${faq.id}/approve`, supervisor.token)).statusCode).toBe(409)

    for (const question of [QUESTION, '电梯年检要带什么材料']) {
      const answer = await ask(app, question)
      expect(answer).toMatchObject({ mode: 'faq', grounded: true, faq: { id: faq.id } })
      expect(answer.answer).toContain(ANSWER)
      expect(answer.answer).toMatch(/工作人员审核的答复，\d{4}-\d{2}-\d{2}/)
      expect(answer.citations[0]).toMatchObject({ docId: 'elevator-maintenance', chunkId })
    }
    // Same topic, another thing asked: the documents answer, not the entry.
    expect((await ask(app, '电梯多久维护保养一次？')).mode).toBe('extractive')
    expect((await call('GET', `/faqs/${faq.id}`, agent.token)).json().hits).toBe(2)
  })

  it('compares a question with the entries by the embedding its search uses: one embedding per question', async () => {
    const embedder = assistant.embedder
    const embedded: string[] = []
    assistant.embedder = {
      ...embedder,
      embedQuery: (text) => {
        embedded.push(text)
        return embedder.embedQuery(text)
      },
    }
    try {
      expect((await ask(app, '电梯多久维护保养一次？')).mode).toBe('extractive')
      expect(embedded).toHaveLength(1)
    } finally {
      assistant.embedder = embedder
    }
  })

  it('an edit returns the entry to draft until approved again, and the history keeps every version', async () => {
    const [faq] = (await call('GET', '/faqs?status=approved', agent.token)).json().faqs
    const edited = await call('PATCH', `/faqs/${faq.id}`, agent.token, { answer: `${ANSWER}（已更新）` })
    expect(edited.json()).toMatchObject({ status: 'draft' })
    expect((await ask(app, QUESTION)).mode).not.toBe('faq')
    await call('POST', `/faqs/${faq.id}/approve`, supervisor.token)
    expect((await ask(app, QUESTION)).answer).toContain('（已更新）')
    const history = (await call('GET', `/faqs/${faq.id}`, agent.token)).json().revisions
    expect(history.map((r: { action: string }) => r.action)).toEqual(['created', 'approved', 'edited', 'approved'])
    expect(history[0].answer).toBe(ANSWER)
    expect(history[2]).toMatchObject({ staffName: '张三' })
  })

  it('stops answering when withdrawn, after its last valid day, or when its cited document is deleted', async () => {
    const [faq] = (await call('GET', '/faqs?status=approved', agent.token)).json().faqs
    await call('PATCH', `/faqs/${faq.id}`, agent.token, { validUntil: '2020-12-31' })
    await call('POST', `/faqs/${faq.id}/approve`, supervisor.token)
    expect((await ask(app, QUESTION)).mode).not.toBe('faq')
    await call('PATCH', `/faqs/${faq.id}`, agent.token, { validUntil: null })
    await call('POST', `/faqs/${faq.id}/approve`, supervisor.token)
    expect((await ask(app, QUESTION)).mode).toBe('faq')

    const deleted = await app.inject({
      method: 'DELETE',
      url: '/api/staff/documents/elevator-maintenance',
      headers: { authorization: `Bearer ${supervisor.token}` },
    })
    expect(deleted.statusCode).toBe(200)
    expect((await ask(app, QUESTION)).mode).not.toBe('faq')

    await upload(app, supervisor.token, uploadForm(fixtureFile('test/fixtures/upload/elevator-maintenance.pdf')))
    expect((await ask(app, QUESTION)).mode).toBe('faq')
    expect((await call('POST', `/faqs/${faq.id}/withdraw`, agent.token)).statusCode).toBe(403)
    expect((await call('POST', `/faqs/${faq.id}/withdraw`, supervisor.token)).json().status).toBe('withdrawn')
    expect((await ask(app, QUESTION)).mode).not.toBe('faq')
  })

  it('rejects bad input with a Chinese message naming the field', async () => {
    const cases = [
      { payload: { question: '', answer: ANSWER }, message: /请填写问题/ },
      { payload: { question: QUESTION, answer: ANSWER, chunkIds: [999_999] }, message: /没有编号为 999999 的片段/ },
      { payload: { question: QUESTION, answer: ANSWER, validUntil: '明年' }, message: /YYYY-MM-DD/ },
    ]
    for (const { payload, message } of cases) {
      const response = await call('POST', '/faqs', agent.token, payload)
      expect(response.statusCode).toBe(400)
      expect(response.json().message).toMatch(message)
    }
    expect((await call('POST', '/faqs/424242/approve', supervisor.token)).statusCode).toBe(404)
  })
})
