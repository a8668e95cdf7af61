import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/index.ts'
import { createTestApp } from '../support/app.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { staffWithToken } from '../support/tickets.ts'

describe.each(testDatabases)('a complaint typed into /api/chat becomes a ticket staff answer, on $name', (database) => {
  let db: Db
  let app: FastifyInstance

  beforeAll(async () => {
    db = await createMigratedDb(database)
    ;({ app } = await createTestApp(db, {
      // Both notification channels configured, so the intake offers the opt-in; no outbox worker runs here.
      env: { NOTIFY_SMTP_URL: 'smtp://127.0.0.1:9', NOTIFY_WEBHOOK_URL: 'http://127.0.0.1:9/notify' },
    }))
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  const conversation = () => {
    let sessionId: string | undefined
    return async (message: string) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/chat',
        payload: { message, sessionId, audience: 'citizen' },
      })
      expect(response.statusCode).toBe(200)
      const body = response.json()
      sessionId = body.sessionId
      return body
    }
  }

  it('guides first, collects and corrects the details, asks for consent, and files one ticket', async () => {
    const say = conversation()
    const first = await say('我在超市买的电热水壶一用就漏电，差点触电，我要投诉这家超市')
    expect(first.intent).toBe('complaint')
    expect(first.grounded).toBe(true)
    expect(first.citations[0]?.docId).toBe('complaints-and-reports')
    expect(first.intake?.step).toBe('merchant')
    expect(first.intake?.question).toContain('商家的名称和地址')

    expect((await say('世纪联华超市，浦东新区张杨路500号')).intake?.step).toBe('purchase')
    expect((await say('11月20日买的电热水壶')).intake?.step).toBe('amount')
    expect((await say('跳过')).intake?.step).toBe('wish')
    expect((await say('退货退款')).intake?.step).toBe('contactName')
    expect((await say('王芳')).intake?.step).toBe('phone')
    const wrongPhone = await say('12345')
    expect(wrongPhone.intake?.step).toBe('phone')
    expect(wrongPhone.answer).toContain('号码好像不对')
    expect((await say('13812345678')).intake?.step).toBe('notify')
    expect((await say('跳过')).intake?.step).toBe('confirm')
    const corrected = await say('电话改成13987654321')
    expect(corrected.intake?.step).toBe('confirm')
    // Whoever holds the sessionId reads this: the phone shows masked, as the requester can still recognise it.
    expect(corrected.answer).toContain('139****4321')
    expect(corrected.answer).not.toContain('13987654321')

    const done = await say('确认')
    expect(done.ticket?.number).toMatch(/^QD-\d{8}-\d{4}$/)
    expect(done.ticket?.lookupToken).toBeTruthy()
    expect(done.answer).toContain(done.ticket.number)
    const number = done.ticket.number as string

    const [ticket] = await db.query<{
      phone: string
      priority: string
      category: string
      transcript: unknown[]
      details: Record<string, string>
    }>('select phone, priority, category, transcript, details from tickets where number = $1', [number])
    expect(ticket).toMatchObject({ phone: '13987654321', priority: 'high', category: 'complaint' })
    expect(ticket?.details).toEqual({
      merchant: '世纪联华超市，浦东新区张杨路500号',
      purchase: '11月20日买的电热水壶',
      wish: '退货退款',
    })
    expect(ticket?.transcript.length).toBeGreaterThan(4)

    // A repeated "确认" must not file a second ticket.
    const again = await say('确认')
    expect(again.ticket).toBeUndefined()
    const [count] = await db.query<{ count: number }>('select count(*)::int as count from tickets')
    expect(count?.count).toBe(1)

    const { token } = await staffWithToken(db, '李四', 'agent')
    const auth = { authorization: `Bearer ${token}` }
    const claim = await app.inject({ method: 'POST', url: `/api/staff/tickets/${number}/claim`, headers: auth })
    expect(claim.statusCode).toBe(200)
    const reply = await app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${number}/replies`,
      headers: auth,
      payload: { body: '已联系超市，明天上门处理退换。' },
    })
    expect(reply.statusCode).toBe(201)

    const lookup = await app.inject({
      method: 'GET',
      url: `/api/tickets/${number}`,
      headers: { 'x-lookup-token': done.ticket.lookupToken },
    })
    expect(lookup.statusCode).toBe(200)
    expect(JSON.stringify(lookup.json())).toContain('已联系超市，明天上门处理退换。')
    expect(JSON.stringify(lookup.json())).not.toContain('13987654321')
    const wrong = await app.inject({
      method: 'GET',
      url: `/api/tickets/${number}`,
      headers: { 'x-lookup-token': 'WRONG123' },
    })
    expect(wrong.statusCode).toBe(404)
  })

  it("guides a case told in a few words with the complaint guide, not with a guide that shares the seller's word", async () => {
    // 老板 is the 最高管理者 of a firm's own certification steps too; here it is the other side.
    const first = await conversation()('我在一家健身房办了卡，现在老板跑路了')
    expect(first.intent).toBe('complaint')
    expect(first.citations[0]?.docId).toBe('complaints-and-reports')
    expect(first.intake?.step).toBe('merchant')
  })

  it('lets the requester cancel at any point, and files nothing', async () => {
    const [before] = await db.query<{ count: number }>('select count(*)::int as count from tickets')
    const say = conversation()
    expect((await say('转人工')).intake).toBeDefined()
    const cancelled = await say('算了，不用了')
    expect(cancelled.intake?.step).toBe('cancelled')
    expect(cancelled.ticket).toBeUndefined()
    const [after] = await db.query<{ count: number }>('select count(*)::int as count from tickets')
    expect(after?.count).toBe(before?.count)
  })

  it('drops the form on "算了先不投诉了" and answers the question that follows', async () => {
    const say = conversation()
    expect((await say('我要投诉')).intake?.step).toBe('description')
    const turn = await say('算了先不投诉了，我就想问下举报和投诉有啥不一样')
    expect(turn.answer).toContain('已取消登记')
    expect(turn.answer).not.toContain('怎么称呼')
    expect(turn.intake).toBeUndefined()
    expect(turn.grounded).toBe(true)
    expect(turn.citations[0]?.docId).toBe('complaints-and-reports')
  })

  it('answers a question asked in the middle of the form, then asks the pending question again', async () => {
    const say = conversation()
    await say('我要投诉')
    const turn = await say('想问一下投诉要准备什么材料')
    expect(turn.citations.length).toBeGreaterThan(0)
    expect(turn.intake?.step).toBe('description')
    expect(turn.answer).toContain('我们继续登记')
  })

  it('takes a question without a question mark for a question, and "记不清了" for an answer', async () => {
    const say = conversation()
    await say('我要投诉')
    await say('网上买的羽绒服跑绒严重，商家拒绝退货')
    const pending = (await say('张三')).intake?.step
    const aside = await say('要多久能处理')
    expect(aside.answer).toContain('我们继续登记')
    expect(aside.citations[0]?.docId).toBe('complaints-and-reports')
    expect(aside.answer).toContain('时限')
    expect(aside.intake?.step).toBe(pending)
    const unsure = await say('多少钱买的记不清了')
    expect(unsure.answer).not.toContain('我们继续登记')
  })

  it('answers "去哪投诉" typed as the description of a complaint, instead of asking for five characters', async () => {
    const say = conversation()
    const started = await say('我要投诉')
    expect(started.intake?.step).toBe('description')
    const where = await say('去哪投诉')
    expect(where.answer).toContain('我们继续登记')
    expect(where.answer).toContain('12315')
    expect(where.intake?.step).toBe('description')
  })

  it('reads the matter from the whole conversation: 转人工, then a CCC 便捷通道 request', async () => {
    const say = conversation()
    expect((await say('转人工')).intake?.category).toBe('other')
    const next = await say('我们公司想走CCC免办的便捷通道，进口一批样品')
    expect(next.intake?.category).toBe('ccc_exemption_help')
    expect(next.intake?.step).toBe('companyName')
  })
})
