import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listTurns } from '../../src/conversation/sessions-repo.ts'
import { createPgliteDb, type Db } from '../../src/db/index.ts'
import { createTestApp } from '../support/app.ts'

type ChatBody = {
  sessionId: string
  answer: string
  grounded: boolean
  refusalReason?: string
  intent: string
  resolvedQuery: string
  citations: Array<{ docId: string; section: string }>
  intake?: { step: string }
}

describe('follow-ups keep the subject of the exchange', () => {
  let db: Db
  let app: FastifyInstance
  const ask = async (message: string, sessionId?: string) => {
    const response = await app.inject({ method: 'POST', url: '/api/chat', payload: { message, sessionId } })
    expect(response.statusCode).toBe(200)
    return response.json() as ChatBody
  }
  // What the staff log shows as 检索用语.
  const storedQueries = async (sessionId: string) =>
    (await listTurns(db, sessionId, 10)).map((turn) => turn.resolvedQuery)

  beforeAll(async () => {
    db = await createPgliteDb()
    ;({ app } = await createTestApp(db))
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  it('asks "那24年的呢" of the same plan in that year, and refuses: the 2023 plan says nothing of 2024', async () => {
    const theme = await ask('2023年浦东质量月主题是什么？')
    expect(theme.citations[0]?.docId).toBe('pudong-quality-month-2023')
    const next = await ask('那24年的呢', theme.sessionId)
    expect(next.grounded).toBe(false)
    expect(next.refusalReason).toBe('missing-identifier')
    expect(next.resolvedQuery).toContain('质量月')
  })

  it("answers a follow-up in words of its own from the guide that states it when the subject's plan does not", async () => {
    const services = await ask('我是开小超市的 质量月对小商户有啥服务')
    expect(services.citations[0]?.docId).toBe('pudong-quality-month-2023')
    const fee = await ask('上门检秤要收钱吗', services.sessionId)
    expect(fee.grounded).toBe(true)
    expect(fee.citations[0]?.section).toContain('要不要交费')
  })

  it('keeps the subject for a follow-up naming whom the thing would go to, a kind of person no document names', async () => {
    const told = await ask('我们公司有一批科研测试用的样机是办了免办进口的')
    const sold = await ask('测完了能不能便宜处理给员工？', told.sessionId)
    expect(sold.grounded).toBe(true)
    expect(sold.citations[0]?.docId).toBe('ccc-exemption')
    expect(sold.resolvedQuery).toContain('免办')
  })

  it('opens no complaint form when the asker first says only what business they run', async () => {
    const told = await ask('我在菜场摆摊卖菜')
    expect(told.intent).toBe('policy_question')
    expect(told.intake).toBeUndefined()
    const asked = await ask('用的电子秤是不是每年都得检？', told.sessionId)
    expect(asked.citations[0]?.section).toContain('多久检一次')
    expect(asked.intake).toBeUndefined()
    const fine = await ask('不去检会被怎么罚', told.sessionId)
    expect(fine.intent).toBe('policy_question')
    expect(fine.citations[0]?.section).toContain('后果')
  })

  it('answers what to do when the thing just spoken of comes to a state ("到期了怎么办" after the validity)', async () => {
    const validity = await ask('ISO9001证书有效期多久')
    expect(validity.grounded).toBe(true)
    const expired = await ask('到期了怎么办', validity.sessionId)
    expect(expired).toMatchObject({ intent: 'policy_question', grounded: true })
    expect(expired.citations[0]?.section).toMatch(/获证以后还要做什么/)
    expect(expired.answer).toContain('再认证')
  })

  it('narrows the list just given instead of jumping to the document that names the new word', async () => {
    const plan = await ask('浦东质量月都有哪些活动？')
    expect(plan).toMatchObject({ intent: 'event_inquiry', grounded: true })
    expect(plan.citations[0]?.docId).toBe('pudong-quality-month-2023')
    const narrowed = await ask('和计量有关的呢？', plan.sessionId)
    expect(narrowed.intent).toBe('event_inquiry')
    expect(narrowed.grounded).toBe(true)
    expect(narrowed.citations.every((citation) => citation.docId === 'pudong-quality-month-2023')).toBe(true)
    expect(narrowed.answer).toContain('计量')
  })

  it('asks whom the other order applies to when "那76号令呢" follows whom 75号令 applies to', async () => {
    // 适用范围 is the aspect asked, not the matter: it is carried to 76号令 with the rest of the question.
    const first = await ask('75号令管的是哪些单位')
    expect(first.citations[0]).toMatchObject({ docId: 'samr-order-75', section: expect.stringMatching(/适用范围/) })
    const other = await ask('那76号令呢', first.sessionId)
    expect(other.grounded).toBe(true)
    expect(other.resolvedQuery).toMatch(/管的是哪/)
    expect(other.citations[0]).toMatchObject({ docId: 'samr-order-76', section: expect.stringMatching(/适用范围/) })
  })

  it('asks the fine of the subject: another guide\'s fine is no answer to "不配的话罚多少钱" after 75号令', async () => {
    const first = await ask('工厂要落实75号令 一定要配质量安全总监吗')
    expect(first.citations[0]?.docId).toBe('samr-order-75')
    const fine = await ask('不配的话罚多少钱', first.sessionId)
    // The order's notes stop at 第四条: its fines are not there, and the scale guide's 1000元 is not meant.
    expect(fine.grounded).toBe(false)
    expect(fine.resolvedQuery).toMatch(/75号令/)
    expect(fine.answer).not.toMatch(/1000元/)
  })

  it('keeps the earlier intent for a bare "在哪办" the classifier only half reads as an event', async () => {
    const first = await ask('店里刚买了台新电子秤 还要检吗')
    expect(first.intent).toBe('policy_question')
    const where = await ask('在哪办', first.sessionId)
    expect(where.intent).toBe('policy_question')
    expect(where.citations[0]?.docId).toBe('metrology-verification')
  })

  it('answers a short question about the subject from its document and stores the completed query', async () => {
    const first = await ask('菜市场的电子秤必须强制检定吗？')
    expect(first.citations[0]?.docId).toBe('metrology-verification')
    const often = await ask('多长时间检一次？', first.sessionId)
    expect(often.grounded).toBe(true)
    expect(often.citations[0]?.docId).toBe('metrology-verification')
    expect(often.resolvedQuery).toMatch(/电子秤/)
    expect(await storedQueries(first.sessionId)).toEqual([first.resolvedQuery, often.resolvedQuery])
  })

  it('keeps the subject when a message in words of its own is answered from the same document', async () => {
    const first = await ask('菜市场的电子秤必须强制检定吗？')
    const interval = await ask('隔多久要检一次？', first.sessionId)
    expect(interval.citations[0]?.docId).toBe('metrology-verification')
    const fee = await ask('要交钱吗？', first.sessionId)
    expect(fee.resolvedQuery).toMatch(/电子秤/)
    expect(fee.citations[0]?.docId).toBe('metrology-verification')
  })

  it('lets a message that says it changes the topic, or names another matter, replace the subject', async () => {
    const first = await ask('CCC免办需要准备哪些材料？')
    const switched = await ask('换个问题：电子秤检定收费吗？', first.sessionId)
    expect(switched.resolvedQuery).not.toMatch(/ccc/i)
    expect(switched.citations[0]?.docId).toBe('metrology-verification')
    const next = await ask('那要多久检一次？', first.sessionId)
    expect(next.citations[0]?.docId).toBe('metrology-verification')
  })

  it('asks the last question again about another order named alone', async () => {
    const first = await ask('75号令适用于哪些企业？')
    const other = await ask('那76号令呢？', first.sessionId)
    expect(other.citations[0]?.docId).toBe('samr-order-76')
    expect(other.resolvedQuery).toMatch(/适用/)
  })

  it('makes the matter of a complaint the subject of a question asked in the middle of its form', async () => {
    const complaint = await ask('我要举报楼下超市卖过期食品')
    expect(complaint.intent).toBe('complaint')
    expect(complaint.intake).toBeDefined()
    const aside = await ask('处理要多长时间？', complaint.sessionId)
    expect(aside.resolvedQuery).toMatch(/投诉/)
    expect(aside.citations[0]?.docId).toBe('complaints-and-reports')
    expect(aside.answer).toContain('我们继续登记')
  })

  it('never answers a follow-up that names nothing of its own from another document', async () => {
    const complaint = await ask('我想投诉一家网店卖的鞋子是假货')
    const vague = await ask('那要等多久才有结果？', complaint.sessionId)
    expect(vague.citations.every((citation) => citation.docId === 'complaints-and-reports')).toBe(true)
  })

  it("keeps a follow-up about the merchant with the complaint guide, not the sellers' order", async () => {
    // 商家 is the glossary's 销售单位 of 76号令's title, but the complaint guide says 商家 itself.
    const first = await ask('在超市买到过期的饼干，能投诉吗')
    const next = await ask('要是商家一直不同意调解呢', first.sessionId)
    expect(next.citations.every((citation) => citation.docId === 'complaints-and-reports')).toBe(true)
    expect(next.resolvedQuery).not.toMatch(/销售单位|饼干/)
  })

  it('answers a question about a rule that mentions 投诉 without opening a complaint form', async () => {
    const body = await ask('网店卖的东西跟描述的不一样，这种情况能投诉吗？')
    expect(body.intent).toBe('policy_question')
    expect(body.intake).toBeUndefined()
  })

  it('does not answer a new question the documents do not cover from the topic before it', async () => {
    const materials = await ask('投诉需要准备哪些材料？')
    expect(materials.grounded).toBe(true)
    // 许可证 is a word the complaint guide never says: the message is not about 投诉, and nothing else covers it.
    const licence = await ask('食品经营许可证怎么办？', materials.sessionId)
    expect(licence).toMatchObject({ grounded: false, resolvedQuery: '食品经营许可证怎么办？' })
    expect(licence.citations).toEqual([])
  })

  it("answers a question in words of its own from the subject's document when that document speaks of it", async () => {
    const first = await ask('75号令什么时候开始施行的')
    expect(first.citations[0]?.docId).toBe('samr-order-75')
    // 76号令 has the same article in other words: the conversation is about 75号令.
    const director = await ask('质量安全总监是干啥的', first.sessionId)
    expect(director.citations[0]?.docId).toBe('samr-order-75')
  })

  it("asks the last question again about a matter the subject's document never names", async () => {
    const goals = await ask('质量强国纲要的主要目标有哪些')
    expect(goals.citations[0]?.docId).toBe('quality-power-outline')
    const index = await ask('制造业质量竞争力指数要达到多少', goals.sessionId)
    expect(index.citations[0]?.docId).toBe('quality-power-outline')
    const shanghai = await ask('上海的呢', goals.sessionId)
    expect(shanghai.resolvedQuery).toMatch(/制造业质量竞争力指数/)
    expect(shanghai.citations[0]?.docId).toBe('quality-power-outline-shanghai')
    expect(shanghai.answer).toMatch(/94/)
  })

  it('reads a glossary synonym of an aspect ("要钱") as asked about the subject, and refuses when its document is silent', async () => {
    const materials = await ask('ccc免办要准备啥材料')
    expect(materials.citations[0]?.docId).toBe('ccc-exemption')
    const fee = await ask('要钱吗', materials.sessionId)
    expect(fee.resolvedQuery).toMatch(/ccc免办/)
    expect(fee.grounded).toBe(false)
    expect(fee.citations).toEqual([])
  })

  it('keeps the matter of a refused question for the next one', async () => {
    const fine = await ask('75号令罚款一般罚多少')
    expect(fine.grounded).toBe(false)
    const scope = await ask('那它管哪些企业', fine.sessionId)
    expect(scope.resolvedQuery).toMatch(/75号令/)
    expect(scope.grounded).toBe(true)
    expect(scope.citations[0]?.docId).toBe('samr-order-75')
  })

  it('answers "第四个" with the fourth item of the list just quoted', async () => {
    const plan = await ask('浦东质量月有哪些活动？')
    expect(plan.citations.filter((citation) => /\d+．/.test(citation.section)).length).toBeGreaterThan(1)
    const fourth = await ask('第四个详细讲讲', plan.sessionId)
    expect(fourth.grounded).toBe(true)
    expect(fourth.citations[0]?.section).toMatch(/4．组织开展计量强检上门服务/)
    expect(await storedQueries(plan.sessionId)).toEqual([plan.resolvedQuery, fourth.resolvedQuery])
  })

  it('narrows a list to the passages of its document that say the narrowing word, however the search ranks them', async () => {
    const actions = await ask('质量月期间有啥专项整治行动')
    expect(actions.citations[0]?.docId).toBe('pudong-quality-month-2023')
    const drugs = await ask('跟药有关的呢', actions.sessionId)
    expect(drugs.grounded).toBe(true)
    expect(drugs.citations[0]).toMatchObject({ docId: 'pudong-quality-month-2023' })
    expect(drugs.answer).toContain('药品')
  })

  it('answers "举几个例子" from the passage just quoted', async () => {
    const meaning = await ask('CCC免办和无需办理有啥区别')
    const section = meaning.citations[0]?.section
    expect(section).toMatch(/无需办理/)
    const examples = await ask('举几个例子', meaning.sessionId)
    expect(examples.intent).toBe('policy_question')
    expect(examples.citations[0]?.section).toBe(section)
  })

  it('answers a question typed without a question mark in the middle of a complaint form, and goes on with the form', async () => {
    const complaint = await ask('网上买到假货想投诉')
    expect(complaint.intake).toBeDefined()
    const where = await ask('找哪里的市场监管局', complaint.sessionId)
    expect(where.grounded).toBe(true)
    expect(where.citations[0]?.docId).toBe('complaints-and-reports')
    expect(where.answer).toContain('我们继续登记')
  })

  it("takes as the subject the words that name where the answer stands, not the asker's own situation", async () => {
    const first = await ask('我们公司想进口几台样机做研发测试，能申请CCC免办吗？')
    expect(first.citations[0]?.docId).toBe('ccc-exemption')
    const where = await ask('要去哪里办？', first.sessionId)
    expect(where.resolvedQuery).toMatch(/ccc免办/i)
    expect(where.resolvedQuery).not.toMatch(/测试/)
  })

  it("takes as the subject the report asked about, not the buyer's case told before it", async () => {
    const first = await ask('菜场的电子秤不准去哪举报')
    expect(first.grounded).toBe(true)
    expect(first.answer).toMatch(/12315/)
    const wait = await ask('那要多久才有结果', first.sessionId)
    expect(wait.resolvedQuery).toMatch(/举报/)
    expect(wait.resolvedQuery).not.toMatch(/不准/)
    expect(wait.grounded).toBe(true)
    expect(wait.citations[0]).toMatchObject({ docId: 'complaints-and-reports', section: expect.stringMatching(/五、/) })
    expect(wait.answer).toMatch(/15个工作日/)
  })

  it('answers a fact asked of the steps just given from those steps, even when they say it is not published', async () => {
    const materials = await ask('CCC免办需要哪些材料？')
    const steps = await ask('办理流程是怎样的？', materials.sessionId)
    expect(steps.citations[0]?.section).toMatch(/五、怎样申请/)
    const time = await ask('那需要多久？', materials.sessionId)
    expect(time.grounded).toBe(true)
    expect(time.citations[0]?.section).toMatch(/五、怎样申请/)
    expect(time.answer).toContain('审核时限')
  })

  // The subject fills in what a follow-up leaves out; it never stands for a matter or a document the
  // follow-up names itself.
  it('refuses "那家里的水表呢" after the scale guide instead of answering about scales', async () => {
    const scale = await ask('电子秤年检要钱吗')
    expect(scale.citations[0]?.docId).toBe('metrology-verification')
    const meter = await ask('那家里的水表呢', scale.sessionId)
    expect(meter.grounded).toBe(false)
    expect(meter.refusalReason).toBeTruthy()
    expect(meter.citations).toEqual([])
    // Asked as typed: the scale was not put in for the water meter.
    expect(meter.resolvedQuery).not.toMatch(/电子秤/)
  })

  it('asks the last question again of the document whose title the follow-up names', async () => {
    const order75 = await ask('75号令什么时候开始施行')
    expect(order75.citations[0]?.docId).toBe('samr-order-75')
    const sellers = await ask('那管销售企业的那个呢', order75.sessionId)
    expect(sellers).toMatchObject({ grounded: true, citations: [{ docId: 'samr-order-76' }] })
    expect(sellers.answer).toContain('5月5日')

    const national = await ask('质量强国纲要的指导思想是什么')
    expect(national.citations[0]?.docId).toBe('quality-power-outline')
    const shanghai = await ask('上海那个方案的指导思想呢', national.sessionId)
    expect(shanghai.citations[0]).toMatchObject({ docId: 'quality-power-outline-shanghai' })
    expect(shanghai.citations[0]?.section).toContain('指导思想')
    // Opening on 那 and the place, the question asks of that document too; "那去哪里举报" opens on no thing.
    const target = await ask('国家质量强国纲要里，制造业产品质量合格率目标定的多少')
    const compared = await ask('那上海定的多少 比国家高吗', target.sessionId)
    expect(compared.citations[0]?.docId).toBe('quality-power-outline-shanghai')
  })

  it('asks the last question again for a business of the other kind, in the order that names that kind', async () => {
    const makers = await ask('生产单位要配备质量安全总监吗')
    expect(makers.citations[0]).toMatchObject({ docId: 'samr-order-75', article: '第三条' })
    // A seller described in plain words is the 销售单位 of order 76; a maker, the 生产单位 of order 75.
    // The side named after the kind ("…这边呢") asks the same.
    const again = await ask('生产单位要配备质量安全总监吗')
    const side = await ask('那卖货的企业这边呢', again.sessionId)
    expect(side.citations[0]).toMatchObject({ docId: 'samr-order-76', article: '第三条' })
    const sellers = await ask('那我们是开建材店的呢', makers.sessionId)
    expect(sellers.citations[0]).toMatchObject({ docId: 'samr-order-76', article: '第三条' })
    expect(sellers.answer).toContain('质量安全总监')
    const back = await ask('换成开厂的呢', sellers.sessionId)
    expect(back.citations[0]).toMatchObject({ docId: 'samr-order-75', article: '第三条' })
    // Asked again with whether it reaches them too ("…呢，也归它管吗").
    const scope = await ask('75号令是管哪些企业的？')
    const shops = await ask('那光卖东西的商店呢 也归它管吗', scope.sessionId)
    expect(shops.citations[0]).toMatchObject({ docId: 'samr-order-76', article: '第二条' })
    // Only after an order of the other kind: after the scale guide, a shop described asks no order's question.
    const scale = await ask('电子秤多久检一次')
    const shop = await ask('那开超市的呢', scale.sessionId)
    expect(shop.resolvedQuery).not.toMatch(/销售单位/)
  })

  it('looks an article named without its order up in the order discussed, and says when the summary lacks it', async () => {
    const third = await ask('75号令第三条讲什么')
    expect(third.citations[0]).toMatchObject({ docId: 'samr-order-75' })
    const ninth = await ask('第九条呢', third.sessionId)
    expect(ninth).toMatchObject({ grounded: false, refusalReason: 'article-not-covered', citations: [] })
    // Not 《计量法》第九条 from the scale guide: another text's article of that number is not meant.
    expect(ninth.answer).not.toContain('计量法')
  })

  it('refuses a follow-up asked only in words no document uses, however well the subject is covered', async () => {
    const openDay = await ask('质量开放日是什么活动')
    expect(openDay.citations[0]?.docId).toBe('pudong-quality-month-2023')
    // The plan says what the open day is, never how to sign up for it.
    const signUp = await ask('在哪报名', openDay.sessionId)
    expect(signUp).toMatchObject({ grounded: false, citations: [] })
    expect(signUp.refusalReason).toBeTruthy()
  })

  it("keeps the conversation's intent for a fragment the classifier is unsure of, answered from the same document", async () => {
    const help = await ask('浦东质量月对中小企业有哪些帮扶')
    expect(help).toMatchObject({ intent: 'event_inquiry', grounded: true })
    const oneStop = await ask('一站式服务是干啥的', help.sessionId)
    expect(oneStop).toMatchObject({ intent: 'event_inquiry', grounded: true })
    expect(oneStop.citations[0]?.docId).toBe('pudong-quality-month-2023')

    // The vein is the subject's, not the last turn's: a turn in between read as 政策咨询 does not pass it on.
    const plan = await ask('浦东质量月有哪些活动')
    expect(plan.intent).toBe('event_inquiry')
    const food = await ask('食品安全宣传是怎么搞的', plan.sessionId)
    expect(food.citations[0]?.docId).toBe('pudong-quality-month-2023')
    const channel = await ask('电视上哪个台播', plan.sessionId)
    expect(channel).toMatchObject({ intent: 'event_inquiry', grounded: true })
    expect(channel.answer).toContain('浦东电视台')
  })

  it('answers "去哪检" about the scale with the steps that start at the office, not with what must be verified', async () => {
    const yearly = await ask('电子秤要年检吗')
    expect(yearly.citations[0]?.docId).toBe('metrology-verification')
    const where = await ask('去哪检', yearly.sessionId)
    expect(where.grounded).toBe(true)
    expect(where.citations[0]?.section).toMatch(/^三、谁来申请/)
    expect(where.answer).toContain('计量检定机构')
  })

  it('reads "拿到哪里去检" as where to turn, not as a doing the passage must say: the office answers', async () => {
    const yearly = await ask('菜市场摆摊用的电子秤要年检吗')
    expect(yearly.citations[0]?.docId).toBe('metrology-verification')
    const where = await ask('那要拿到哪里去检', yearly.sessionId)
    expect(where.grounded).toBe(true)
    expect(where.citations[0]?.docId).toBe('metrology-verification')
    expect(where.citations[0]?.section).toMatch(/^三、谁来申请/)
    expect(where.answer).toContain('计量检定机构')
  })

  it('answers whether the asker may still go to court from the routes open, not from the rule naming 法院 otherwise', async () => {
    const stuck = await ask('投诉以后商家死活不肯调解怎么办')
    expect(stuck.citations[0]?.docId).toBe('complaints-and-reports')
    const court = await ask('还能去法院告他吗', stuck.sessionId)
    expect(court.grounded).toBe(true)
    expect(court.citations[0]?.section).toMatch(/^二、通过哪些渠道/)
    expect(court.answer).toContain('起诉')
  })

  it('answers "要去哪里办" about CCC免办 from the steps that start at the office, not a section naming 办理', async () => {
    const exempt = await ask('我们公司想进口几台样机做研发测试，能申请CCC免办吗？')
    expect(exempt.citations[0]?.docId).toBe('ccc-exemption')
    const where = await ask('要去哪里办？', exempt.sessionId)
    expect(where.grounded).toBe(true)
    expect(where.citations[0]?.section).toBe('五、怎样申请')
    expect(where.answer).toContain('所在地市场监管部门')
  })

  it('answers what is put on a scale once checked from the rule on what passed, not from what must be checked', async () => {
    const often = await ask('电子秤多久要检一次')
    expect(often.citations[0]?.docId).toBe('metrology-verification')
    const mark = await ask('检好了秤上有什么标志', often.sessionId)
    expect(mark.grounded).toBe(true)
    expect(mark.citations[0]?.section).toBe('四、多久检一次')
    expect(mark.answer).toContain('强制检定合格标志')
  })

  it('asks a guide that draws on the plan what the plan itself does not say, and still refuses what neither says', async () => {
    const item = await ask('质量月有没有CCC免办便捷通道的宣贯')
    expect(item.citations[0]?.docId).toBe('pudong-quality-month-2023')
    // The plan lists no materials; the CCC guide, whose basis cites the plan, does — without the plan's name.
    const materials = await ask('要交哪些材料', item.sessionId)
    expect(materials.grounded).toBe(true)
    expect(materials.resolvedQuery).not.toContain('质量月')
    expect(materials.citations[0]).toMatchObject({ docId: 'ccc-exemption', section: '五、怎样申请' })
    const visit = await ask('质量月有上门检秤的活动吗')
    expect(visit.citations[0]?.docId).toBe('pudong-quality-month-2023')
    const hours = await ask('检定所几点下班', visit.sessionId)
    expect(hours.grounded).toBe(false)
    expect(hours.refusalReason).toBeTruthy()
  })

  it('asks the way to a matter the subject\'s document never speaks of ("去哪投诉" after the scale guide) of that matter\'s guide', async () => {
    const scale = await ask('菜场的电子秤要年检吗')
    expect(scale.citations[0]?.docId).toBe('metrology-verification')
    // The way to the subject's own matter stays with it.
    const where = await ask('去哪检', scale.sessionId)
    expect(where.citations[0]?.docId).toBe('metrology-verification')
    const complain = await ask('去哪投诉？', scale.sessionId)
    expect(complain.grounded).toBe(true)
    expect(complain.citations[0]).toMatchObject({ docId: 'complaints-and-reports', section: '二、通过哪些渠道提出' })
    expect(complain.answer).toContain('12315')
    // A doing the glossary names, asked the way to after a guide that never speaks of it, however common a word.
    const charger = await ask('充电宝没有3C标志能卖吗')
    const report = await ask('那去哪里举报', charger.sessionId)
    expect(report.grounded).toBe(true)
    expect(report.citations[0]?.docId).toBe('complaints-and-reports')
  })

  it('asks a measure (有效期) of the subject, not of another guide that uses the word', async () => {
    const exemption = await ask('免办需要什么条件')
    expect(exemption.citations[0]?.docId).toBe('ccc-exemption')
    const valid = await ask('批下来有效期多久', exemption.sessionId)
    expect(valid.citations[0]?.docId).toBe('ccc-exemption')
    expect(valid.answer).toContain('2年')
    expect(valid.answer).not.toContain('三年')
  })

  it('keeps the thing asked about in the subject, not only the document it stands in', async () => {
    const summary = await ask('质量月活动搞完了，书面总结材料交给谁')
    expect(summary.citations[0]?.section).toContain('认真总结经验')
    const deadline = await ask('最晚哪天交', summary.sessionId)
    expect(deadline.citations[0]?.section).toContain('认真总结经验')
    expect(deadline.answer).toMatch(/9\s*月\s*30\s*日/)
    // The asker's own case is no thing asked about: it does not pull the next question back to it.
    const clothes = await ask('网上买的衣服穿一次就开线了 想投诉')
    const result = await ask('那要多久有结果', clothes.sessionId)
    expect(result.grounded).toBe(true)
    expect(result.citations[0]?.section).toBe('五、监管部门的处理时限')
  })

  it('answers more of what was listed ("还抽别的吗") and a way of doing it in the plan\'s words (上课: 授课)', async () => {
    const stoves = await ask('质量月的产品抽查会不会查燃气灶')
    const more = await ask('还抽别的吗', stoves.sessionId)
    expect(more.grounded).toBe(true)
    expect(more.answer).toContain('电动自行车')
    const course = await ask('质量月那个企业总裁知识产权研修班是啥')
    const how = await ask('怎么上课', course.sessionId)
    expect(how.grounded).toBe(true)
    expect(how.answer).toContain('集中授课')
  })

  it('asks the question again of a sibling matter of the same guide ("那举报呢"), and of another case of the same matter', async () => {
    const mediation = await ask('投诉的话调解一般最多多长时间')
    const report = await ask('那举报呢', mediation.sessionId)
    expect(report.grounded).toBe(true)
    expect(report.resolvedQuery).toContain('举报')
    expect(report.resolvedQuery).not.toContain('投诉')
    expect(report.answer).toContain('15个工作日')
    const shop = await ask('小区门口店里买的电饭锅坏了老板不给退 投诉归哪里管')
    const online = await ask('如果是网上买的呢', shop.sessionId)
    expect(online.grounded).toBe(true)
    expect(online.answer).toContain('住所地')
  })

  it('answers "第六步具体说的啥" with that item of the list the last answer quoted whole from one passage', async () => {
    const steps = await ask('中小企业做9001认证一般分哪几步')
    expect(steps.citations[0]?.section).toBe('三、中小企业获证的一般步骤')
    const sixth = await ask('第六步具体说的啥', steps.sessionId)
    expect(sixth.grounded).toBe(true)
    expect(sixth.citations[0]?.section).toBe('三、中小企业获证的一般步骤')
    expect(sixth.answer.trimStart()).toMatch(/^6\. 选择认证机构/)
  })

  // "它主要干啥的": not from a passage that happens to say 主要 or 做; "它归哪个部门管": though the rest of the message
  // is another guide's words (哪个部门管, the complaint guide's jurisdiction).
  it.each([
    ['质量月陆家嘴那边挂了个啥服务站', '它主要干啥的', 'pudong-quality-month-2023', 'section', '国金服务站'],
    ['3C认证到底是个啥', '它归哪个部门管？', 'ccc-exemption', 'answer', '市场监管总局'],
  ] as const)('answers "%s" → "%s" about the subject', async (first, then, docId, where, said) => {
    const subject = await ask(first)
    const body = await ask(then, subject.sessionId)
    expect(body.grounded).toBe(true)
    expect(body.citations[0]?.docId).toBe(docId)
    expect(where === 'section' ? body.citations[0]?.section : body.answer).toContain(said)
  })
})
