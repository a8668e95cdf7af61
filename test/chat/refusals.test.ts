import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPgliteDb, type Db } from '../../src/db/index.ts'
import { createTestApp, type TestAppOptions } from '../support/app.ts'

type ChatBody = {
  sessionId: string
  answer: string
  grounded: boolean
  intent: string
  refusalReason?: string
  citations: Array<{ n: number; docId: string; section: string; quote: string }>
}

/** The describe block's own app on a fresh PGlite, and a way to ask it one question. */
function chatApp(options: TestAppOptions = {}) {
  let db: Db
  let app: FastifyInstance
  beforeAll(async () => {
    db = await createPgliteDb()
    ;({ app } = await createTestApp(db, options))
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })
  return async (message: string, audience?: 'enterprise' | 'citizen', sessionId?: string) => {
    const response = await app.inject({ method: 'POST', url: '/api/chat', payload: { message, audience, sessionId } })
    expect(response.statusCode).toBe(200)
    return response.json() as ChatBody
  }
}

describe('refusals that are right', () => {
  const ask = chatApp()

  it('answers an applicability question whatever words the asker uses for themselves', async () => {
    const dealer = await ask('我们是卖电动自行车的，76号令管不管我们？', 'enterprise')
    expect(dealer.grounded).toBe(true)
    expect(dealer.citations[0]?.docId).toBe('samr-order-76')
    const market = await ask('我是菜市场的开办方，场子里要不要设一台公平秤？', 'enterprise')
    expect(market.grounded).toBe(true)
    expect(market.citations[0]?.docId).toBe('metrology-verification')
    expect(market.answer).toContain('公平秤')
  })

  it('finds the passage that says a number the question names, though the word search does not index it', async () => {
    const body = await ask('原来的12365热线现在还能用吗？', 'citizen')
    expect(body.grounded).toBe(true)
    expect(body.citations[0]?.docId).toBe('complaints-and-reports')
    expect(body.answer).toContain('已整合进12315')
    // So when the rest of the question's words search another document: the code is said in one passage only.
    const amid = await ask('以前质量问题是打12365的，现在这个号还能打通吗', 'citizen')
    expect(amid.grounded).toBe(true)
    expect(amid.citations[0]?.docId).toBe('complaints-and-reports')
  })

  it('does not answer for another district or city from the Pudong or Shanghai document, and says which it has', async () => {
    const district = await ask('闵行区今年质量月有哪些活动')
    expect(district).toMatchObject({ grounded: false, refusalReason: 'other-place', citations: [] })
    expect(district.answer).toContain('《2023年浦东新区')
    expect(district.answer).toContain('没有涉及闵行')
    const city = await ask('北京的质量强国实施方案制造业合格率目标是多少')
    expect(city).toMatchObject({ grounded: false, refusalReason: 'other-place' })
    // Where the asker lives is not what is asked; a place the passage itself names is answered from it.
    expect((await ask('我住在闵行，浦东的质量月活动我能去吗')).refusalReason).not.toBe('other-place')
    expect((await ask('深圳的便捷通道是怎么搞的', 'enterprise')).refusalReason).not.toBe('other-place')
  })

  it('does not answer a year the documents do not cover from a passage of another document', async () => {
    const body = await ask('2025年浦东质量月有什么活动？')
    expect(body).toMatchObject({ grounded: false, refusalReason: 'other-document', citations: [] })
    // It says which edition the documents have instead.
    expect(body.answer).toContain('现有资料中与此相关的是《2023年浦东新区')
  })

  it('does not answer a how-to question from a passage that only names the thing', async () => {
    const award = await ask('政府质量奖要如何申报？', 'enterprise')
    expect(award).toMatchObject({ grounded: false, refusalReason: 'no-procedure', citations: [] })
    // …or tells how to do it to another thing (电子秤 "怎么申请").
    const licence = await ask('食品经营许可证怎么办理', 'enterprise')
    expect(licence).toMatchObject({ grounded: false, refusalReason: 'no-procedure', citations: [] })
    // The thing may follow the doing, or the doing go unsaid ("…怎么办").
    const after = await ask('怎么申请食品经营许可证', 'enterprise')
    expect(after).toMatchObject({ grounded: false, refusalReason: 'no-procedure', citations: [] })
    const unsaid = await ask('开饭店的食品经营许可证怎么办', 'enterprise')
    expect(unsaid).toMatchObject({ grounded: false, refusalReason: 'no-procedure', citations: [] })
    // "我该怎么办" names no thing: it asks what to do about the case told before it.
    const what = await ask('怀疑菜场摊主的秤不准，我该怎么办？', 'citizen')
    expect(what.grounded).toBe(true)
    expect(what.citations[0]?.docId).toBe('metrology-verification')
    const exemption = await ask('CCC免办怎么申请？', 'enterprise')
    expect(exemption.grounded).toBe(true)
    expect(exemption.citations[0]?.docId).toBe('ccc-exemption')
  })

  it('answers what befalls a breach from the passage on consequences, and refuses when the passage tells none', async () => {
    // "会怎么处罚" asks a consequence, not a doing: the passage says 罚款 and 没收, never 处罚.
    const cheat = await ask('秤被查出作弊会怎么处罚', 'citizen')
    expect(cheat.grounded).toBe(true)
    expect(cheat.citations[0]?.section).toMatch(/六、不检、超期或作弊的后果/)
    // Order 75's summary states the duty (第三条), not its penalty.
    const director = await ask('生产企业没按规定配质量安全总监，会怎么处罚？', 'enterprise')
    expect(director).toMatchObject({ grounded: false, refusalReason: 'no-consequence', citations: [] })
  })

  it("refuses with the summary's note what only an order's later articles say, and answers what articles 1–4 do", async () => {
    // The summaries hold 第一条–第四条: qualifications, training and penalties are in later articles, so an
    // article sharing the question's other words (第三条's 质量安全总监, 第四条's 创造条件) does not answer.
    for (const question of [
      '质量安全总监要具备什么条件',
      '76号令规定质量安全员每年要参加多少学时的培训',
      '销售单位没配质量安全员要承担什么法律责任',
      '75号令规定质量安全总监要具备哪些能力',
      // The abilities asked as what the holder must have, of no order named.
      '当质量安全员得有哪些专业能力',
      // Not the ISO guide's certifiers 具备…能力: that passage never names the post.
      '质量安全员应该具备哪些能力',
      // Whether the post may be held alongside another.
      '质量安全总监能让副总兼着吗 还是必须专职',
    ]) {
      const body = await ask(question, 'enterprise')
      expect(body, question).toMatchObject({ grounded: false, refusalReason: 'beyond-summary', citations: [] })
      expect(body.answer, question).toContain('只整理了第一条至第四条')
    }
    // 条件 created for the director (第四条), and what is required of the staffing (第三条), are said there.
    const conditions = await ask('老板要为质量安全总监履职创造条件吗', 'enterprise')
    expect(conditions.grounded).toBe(true)
    expect(conditions.citations[0]?.section).toMatch(/^第四条/)
    const staffing = await ask('76号令对销售单位配备质量安全人员有什么要求', 'enterprise')
    expect(staffing.grounded).toBe(true)
    expect(staffing.citations[0]?.section).toMatch(/^第三条/)
  })

  it('answers how to complain about a case the asker tells, which no passage on complaining names', async () => {
    // The clause before the how-word is a thing and what is wrong with it, not the thing complained of.
    for (const question of ['网购衣服质量差怎么投诉', '网上买的鞋子有质量问题怎么投诉', '电子秤不准怎么举报']) {
      const body = await ask(question, 'citizen')
      expect(body.grounded, question).toBe(true)
      expect(body.citations[0]?.docId, question).toBe('complaints-and-reports')
    }
  })

  it('does not let a lower passage answer a fact about a thing no document names on the rest of the words', async () => {
    // 电梯 is in no document; 纲要's 维护 and 保养 pass the coverage gate without it.
    const body = await ask('电梯多久维护保养一次？', 'citizen')
    expect(body.grounded).toBe(false)
    expect(body.refusalReason).toBe('low-coverage')
  })

  it('answers how to report a case told in one breath with the how-word, and a case a guide speaks of from that guide', async () => {
    // What comes before "怎么举报" is the case, whatever was sold: the complaint guide answers it.
    // …or after it, when nothing more is asked there (as English puts it: "complain about …").
    for (const question of [
      '超市卖过期食品怎么举报',
      '饭店用地沟油怎么举报',
      '网上买到假货怎么投诉',
      '怎么举报超市卖过期食品',
      'How do I complain about a fake product bought online?',
    ]) {
      const body = await ask(question, 'citizen')
      expect(body.grounded, question).toBe(true)
      expect(body.citations[0]?.docId, question).toBe('complaints-and-reports')
    }
    // The certificate guide says where forged certificates are reported.
    const forged = await ask('碰到伪造认证证书的去哪举报', 'enterprise')
    expect(forged.citations[0]).toMatchObject({
      docId: 'quality-system-certification',
      section: '五、如何核实证书真伪',
    })
    expect(forged.answer).toContain('12315')
  })

  it("answers a report whose case names another guide's thing from the guide that says how to report", async () => {
    // 3C and 免办 are the case: their guide says nothing of reporting, the complaint guide says 12315.
    for (const question of ['没有3C标志的充电宝在卖，怎么举报', '免办进来的样机被公司拿去卖了，怎么举报']) {
      const body = await ask(question, 'citizen')
      expect(body.grounded, question).toBe(true)
      expect(body.citations[0]?.docId, question).toBe('complaints-and-reports')
    }
    // The certificate guide says itself where a forged certificate is reported (五.5): it answers.
    const fake = await ask('发现有机构卖假的9001证书怎么举报', 'citizen')
    expect(fake.citations[0]).toMatchObject({ docId: 'quality-system-certification', section: '五、如何核实证书真伪' })
    expect(fake.answer).toContain('12315')
    // An order named in the case does not keep the answer in the order's summary, which says nothing of reporting.
    const order = await ask('卖电动车的店连质量安全员都没有，违反76号令了吧，怎么举报', 'citizen')
    expect(order.citations[0]?.docId).toBe('complaints-and-reports')
    // No report asked: the identifier or the order is the matter, and its own document answers.
    const own = await ask('我们想卖自己做的充电宝，要不要先做3C认证', 'enterprise')
    expect(own.citations[0]?.docId).toBe('ccc-exemption')
    const duty = await ask('75号令要求工厂一定要配质量安全总监吗', 'enterprise')
    expect(duty.citations[0]?.docId).toBe('samr-order-75')
  })

  it('answers a how asked through a whether from the passage that settles the whether', async () => {
    // 确认 is not said, but 认证机构 and 批准 are: the guide's 经国家认监委批准 settles it.
    const approved = await ask('怎么确认认证机构是不是经过批准的', 'enterprise')
    expect(approved.grounded).toBe(true)
    expect(approved.citations[0]?.docId).toBe('quality-system-certification')
    expect(approved.answer).toContain('国家认监委')
    // A whether the passage does not settle leaves the how-to to its doing (申报 of 质量奖).
    const award = await ask('政府质量奖要如何申报，是不是要交材料', 'enterprise')
    expect(award).toMatchObject({ grounded: false, citations: [] })
  })

  it('answers whether a document speaks of a how from what it says of the matter, steps or not', async () => {
    // 获得 is not said and 赔偿 is said as 赔付, 救济: the passage on consumers' quality problems answers.
    const redress = await ask('纲要里有没有讲消费者遇到质量问题怎么获得赔偿', 'citizen')
    expect(redress.grounded).toBe(true)
    expect(redress.citations[0]?.docId).toBe('quality-power-outline')
    expect(redress.answer).toContain('救济')
    // A thing the passage never names (质量奖, 奖金) is still not answered.
    const award = await ask('质量强国纲要里有没有讲企业怎么申请质量奖的奖金', 'enterprise')
    expect(award).toMatchObject({ grounded: false, citations: [] })
  })

  it('does not answer where to do an errand from a passage about the matter that never speaks of the doing', async () => {
    // The ISO guide's 证书编号 and 查询 are found, but no passage says how a complaint's 处理 is followed.
    const progress = await ask('投诉编号在哪里能查到处理进度', 'citizen')
    expect(progress).toMatchObject({ grounded: false, refusalReason: 'unsaid-doing', citations: [] })
    const arbitration = await ask('要申请仲裁的话该去哪个机构申请', 'citizen')
    expect(arbitration).toMatchObject({ grounded: false, refusalReason: 'unsaid-doing', citations: [] })
    // Where to do what a guide describes is answered.
    const complaint = await ask('网上买到假货，去哪投诉', 'citizen')
    expect(complaint.grounded).toBe(true)
    expect(complaint.citations[0]?.docId).toBe('complaints-and-reports')
    const verification = await ask('秤的强检要去哪里申请', 'citizen')
    expect(verification.grounded).toBe(true)
    expect(verification.citations[0]?.docId).toBe('metrology-verification')
  })

  it('does not answer whether or where to do what no document names from a passage on the thing it is done to', async () => {
    // 撤回, 申诉, 复检: no guide names them, so the complaint, CCC and scale passages that cover the rest of
    // the question describe no such doing.
    for (const [message, audience] of [
      ['投诉交上去了，还能撤回吗', 'citizen'],
      ['举报能不能撤回', 'citizen'],
      ['免办申请没批下来，可以找谁申诉', 'enterprise'],
      ['秤检定不合格，去哪里复检', 'citizen'],
      // Whether there is any of it (有…吗) is asked too.
      ['质量月期间商场有打折吗', 'citizen'],
    ] as const) {
      const body = await ask(message, audience)
      expect(body, message).toMatchObject({ grounded: false, refusalReason: 'unsaid-doing', citations: [] })
      // The refusal names what is missing.
      expect(body.answer, message).toMatch(/没有讲到“(?:撤回|申诉|复检|打折)”/)
    }
    // …but not what a rule says of it (有讲究吗 after 多少, 有事吗): those ask what, or a verdict.
    const rule = await ask('75号令要求生产企业配质量安全员，配多少有讲究吗', 'enterprise')
    expect(rule.grounded).toBe(true)
    // A verb followed by what it serves (借给…用) asks about that use, which the guide rules on.
    const lend = await ask('免办证明拿到以后，可以借给兄弟公司用吗', 'enterprise')
    expect(lend.grounded).toBe(true)
    expect(lend.citations[0]?.section).toContain('四、对申请人和后续使用的要求')
    // A doing the guide names is answered.
    const anonymous = await ask('举报能匿名吗', 'citizen')
    expect(anonymous.grounded).toBe(true)
    expect(anonymous.answer).toContain('匿名')
  })

  it('answers the part of a question the documents give and says which part they do not', async () => {
    const body = await ask('电子秤强检要收费吗？检定机构的电话是多少？', 'citizen')
    expect(body).toMatchObject({ grounded: true, refusalReason: 'partial' })
    expect(body.citations[0]?.docId).toBe('metrology-verification')
    expect(body.answer).toContain('不需要交检定费')
    expect(body.answer).toContain('关于“检定机构的电话是多少”，现有资料没有涉及')
    expect(body.answer.match(/\[(\d+)\]/g)?.every((marker) => body.citations.some((c) => `[${c.n}]` === marker))).toBe(
      true,
    )
  })

  it('answers a question put in everyday verbs the documents do not use', async () => {
    // 转给 and 别的 say what is done with the certificate; jieba's guess 证能 ("证" glued to "能") is no topic.
    const first = await ask('CCC免办证明怎么申请', 'enterprise')
    const transfer = await ask('这个证能转给别的公司用吗', 'enterprise', first.sessionId)
    expect(transfer.grounded).toBe(true)
    expect(transfer.citations[0]?.docId).toBe('ccc-exemption')
    expect(transfer.answer).toMatch(/转让|冒用/)
  })

  it('answers a question about a section by the examples it names, though the document title brings more shared words', async () => {
    const body = await ask('纲要里冷链、多式联运这块有啥说法', 'enterprise')
    expect(body.grounded).toBe(true)
    expect(body.citations[0]?.section).toContain('（十六）')
    expect(body.answer).toContain('冷链')
  })

  it('answers what to hand in only from a passage that names things to bring', async () => {
    // The certification guide names CNAS as the accreditation body, but no document says what a lab hands in.
    const lab = await ask('检测实验室办CNAS认可需要提交什么资料', 'enterprise')
    expect(lab).toMatchObject({ grounded: false, citations: [] })
    const samples = await ask('进口样机做测试，申请免办得提供啥材料', 'enterprise')
    expect(samples.grounded).toBe(true)
    expect(samples.citations[0]?.section).toContain('五、怎样申请')
  })

  it('takes "what is the fine" in English for a question about an amount', async () => {
    const order = await ask(
      'What is the fine under order 75 if a factory has no quality safety director?',
      'enterprise',
    )
    expect(order).toMatchObject({ grounded: false, refusalReason: 'no-typed-fact', citations: [] })
    const scale = await ask('How much is the fine for using a scale that was never verified?', 'enterprise')
    expect(scale.grounded).toBe(true)
    expect(scale.answer).toMatch(/1000元|2000元/)
  })

  it("refuses an office's hours asked in English, as asked in Chinese", async () => {
    const hours = await ask(
      "What's the address and opening hours of the Pudong metrology testing institute? I want to drop my scale off on a Saturday.",
      'citizen',
    )
    expect(hours).toMatchObject({ grounded: false, refusalReason: 'unsaid-aspect', citations: [] })
  })

  it('refuses a where or when the plan does not give for an event it names', async () => {
    const venue = await ask('质量月的升旗仪式在哪里举行', 'citizen')
    expect(venue).toMatchObject({ grounded: false, refusalReason: 'no-typed-fact', citations: [] })
    const building = await ask('国金服务站具体在哪栋楼', 'citizen')
    expect(building).toMatchObject({ grounded: false, refusalReason: 'no-typed-fact', citations: [] })
  })

  it('answers a fact only from a sentence about the matter asked, not from one of its kind about another', async () => {
    // The targets passage gives a sum (全员劳动生产率 36万元), but says nothing of a reward for small firms.
    const reward = await ask('上海实施方案给小微企业的品牌奖励是多少钱', 'enterprise')
    expect(reward).toMatchObject({ grounded: false, refusalReason: 'no-typed-fact', citations: [] })
    const target = await ask('上海实施方案里全员劳动生产率定的是多少', 'citizen')
    expect(target.grounded).toBe(true)
    expect(target.answer).toContain('36万元')
  })

  it('takes no price of a scam a guide warns of for the fee asked, and gives it when the scam is asked about', async () => {
    // The only sum in the certification guide is the 3000元 a firm paid a go-between for a certificate that does not exist.
    const fee = await ask('ISO9001认证一般要花多少钱', 'enterprise')
    expect(fee).toMatchObject({ grounded: false, refusalReason: 'no-typed-fact', citations: [] })
    // "收多少" asks a sum too; the certification bodies the warning names as actors do not make it the trap asked about.
    const charge = await ask('认证机构审核一次一般收多少', 'enterprise')
    expect(charge).toMatchObject({ grounded: false, refusalReason: 'no-typed-fact', citations: [] })
    const scam = await ask('买证一般要花多少钱', 'enterprise')
    expect(scam.grounded).toBe(true)
    expect(scam.citations[0]?.section).toContain('陷阱')
    expect(scam.answer).toContain('3000元')
  })

  it("refuses a certificate, a check's findings, a sign-up or a subsidy that the documents do not give for what they name", async () => {
    // Order 76 names the post, not what it takes to hold it.
    const post = await ask('76号令里的质量安全员需要持什么证才能上岗', 'enterprise')
    expect(post).toMatchObject({ grounded: false, refusalReason: 'no-typed-fact', citations: [] })
    // The plan says the spot check is done; it says nothing of anyone failing it (不合格), let alone who.
    const findings = await ask('燃气具抽查不合格的有哪些厂家', 'citizen')
    expect(findings).toMatchObject({ grounded: false, refusalReason: 'low-coverage', citations: [] })
    // "发布…名单" says a list is published, not who is on it.
    const listed = await ask('浦东行动方案发布的扶持项目名单上都有谁', 'enterprise')
    expect(listed).toMatchObject({ grounded: false, refusalReason: 'no-typed-fact', citations: [] })
    const signup = await ask('质量月的质量知识竞赛去哪里报名', 'citizen')
    expect(signup).toMatchObject({ grounded: false, citations: [] })
    // The forum's item shares resources on a 平台; that is no way to sign up: the topic is answered, the sign-up not.
    const forum = await ask('质量月CNAS实验室圆桌论坛聊什么主题，在哪报名', 'enterprise')
    expect(forum).toMatchObject({ grounded: true, refusalReason: 'partial' })
    expect(forum.answer).toContain('关于“在哪报名”，现有资料没有涉及')
    const subsidy = await ask('纲要对品牌建设的资助标准是多少', 'enterprise')
    expect(subsidy).toMatchObject({ grounded: false, refusalReason: 'no-typed-fact', citations: [] })
    // What an accreditation body must have is said: 资质 approved by 国家认监委.
    const body = await ask('认证机构需要什么资质', 'enterprise')
    expect(body.grounded).toBe(true)
    expect(body.answer).toContain('国家认监委')
  })

  it('answers where a thing is published only from a passage that names where to look it up', async () => {
    // The scale guide says what 强检 is and that a sticker goes on the scale; it names no place a report is published.
    const report = await ask('电梯的年检结果在哪里公示', 'citizen')
    expect(report).toMatchObject({ grounded: false, refusalReason: 'no-typed-fact', citations: [] })
    const photos = await ask('质量月活动的照片去哪里看', 'citizen')
    expect(photos).toMatchObject({ grounded: false, refusalReason: 'no-typed-fact', citations: [] })
    const certificate = await ask('管理体系证书去哪查', 'enterprise')
    expect(certificate.grounded).toBe(true)
    expect(certificate.answer).toContain('官方网站')
    // A published list is looked up by its name: the CCC guide says to check 《…目录描述与界定表》.
    const catalogue = await ask('3C认证的产品目录去哪里查', 'enterprise')
    expect(catalogue.grounded).toBe(true)
    expect(catalogue.answer).toContain('界定表')
    // Where on the scale the sticker is stuck is no channel to look something up in.
    const sticker = await ask('秤有没有检过，合格标志一般贴在哪看', 'citizen')
    expect(sticker.grounded).toBe(true)
    expect(sticker.answer).toContain('合格标志')
  })

  it("does not answer an errand on another office's paper from a guide that shares its generic words", async () => {
    // The complaint guide lists what to bring to a complaint; that is not what a residence permit takes. With the
    // materials asked set aside as the kind of fact asked, the question is mostly a paper no document names.
    const permit = await ask('办居住证要准备什么材料', 'citizen')
    expect(permit).toMatchObject({ grounded: false, refusalReason: 'unknown-terms', citations: [] })
    // The scale guide tells how to have a scale verified, not which papers to bring along.
    const card = await ask('拿秤去检定要带上身份证吗', 'citizen')
    expect(card).toMatchObject({ grounded: false, refusalReason: 'other-matter', citations: [] })
    // A bare 证 to be got is a licence, which no guide names, though the complaint guide's 证明 says the character.
    const shop = await ask('开个面包房要办哪些证', 'enterprise')
    expect(shop).toMatchObject({ grounded: false, refusalReason: 'other-matter', citations: [] })
    // A paper the asker says they have is their case: the new scale is still to be verified.
    const told = await ask('盒子里有张合格证，新买的电子秤还用送检吗', 'citizen')
    expect(told.grounded).toBe(true)
    expect(told.citations[0]?.docId).toBe('metrology-verification')
    // 换证 is the ISO guide's word for renewing its certificate; a passport or a driving licence renewed is not.
    for (const question of ['护照明年到期了 现在能提前去换证吗', '驾照快到期了在哪换证']) {
      const renewed = await ask(question, 'citizen')
      expect(renewed, question).toMatchObject({ grounded: false, refusalReason: 'other-matter', citations: [] })
    }
    const iso = await ask('我们的9001证书快到期了 去哪换证', 'enterprise')
    expect(iso.grounded).toBe(true)
    expect(iso.citations[0]?.docId).toBe('quality-system-certification')
  })

  it('does not answer a look-alike matter from the passage about the covered one', async () => {
    // The scale guide says what a trade scale's verification costs; a gas meter's is another matter.
    const meter = await ask('燃气表检定要交钱吗', 'citizen')
    expect(meter).toMatchObject({ grounded: false, refusalReason: 'other-matter', citations: [] })
    const scale = await ask('电子秤检定要交钱吗', 'enterprise')
    expect(scale.grounded).toBe(true)
    expect(scale.citations[0]?.docId).toBe('metrology-verification')
    // A check said in everyday words is of the thing before it: the scale guide's cycle is not a lift's.
    const officeLift = await ask('写字楼里的电梯多久要检一次', 'citizen')
    expect(officeLift).toMatchObject({ grounded: false, refusalReason: 'other-matter', citations: [] })
    const cycle = await ask('菜场用的电子秤多久要检一次', 'citizen')
    expect(cycle.grounded).toBe(true)
    expect(cycle.answer).toContain('一年')
    // The CCC guide tells what CCC is, never how a lost certificate is reissued.
    const reissue = await ask('CCC认证证书弄丢了能补办吗', 'enterprise')
    expect(reissue).toMatchObject({ grounded: false, refusalReason: 'other-matter', citations: [] })
    // The ISO guide states how its certificates are checked: that doing, for that paper, is answered.
    const genuine = await ask('ISO9001证书怎么查真伪', 'enterprise')
    expect(genuine.grounded).toBe(true)
    expect(genuine.citations[0]?.section).toContain('五、如何核实证书真伪')
    // A certificate joined by 的 to its holder (合作厂家的证书) is still the ISO guide's: whose it is, not what it is for.
    const held = await ask('在网站上查到合作厂家的证书已经被撤销了，这证还能认吗', 'enterprise')
    expect(held.grounded).toBe(true)
    expect(held.citations[0]?.section).toContain('五、如何核实证书真伪')
    expect(held.answer).toContain('不能当作有效证书')
    // The story's words (花钱买, told before an outcome ask) are the asker's case, not the thing a bare 认证 is for.
    const bought = await ask('找中介花钱买了张假的认证证书，要是被查到会怎么样', 'enterprise')
    expect(bought.grounded).toBe(true)
    expect(bought.citations[0]?.section).toContain('六、警惕')
    // …and its 花钱 asks no fee, so the fee gate (unsaid-aspect) does not refuse it either.
    const viaFriend = await ask('托人花钱买了张假的认证证书，被查出来会怎么样', 'enterprise')
    expect(viaFriend).toMatchObject({ grounded: true })
    // A check or a licence joined by 的 stays of its thing: no guide tells of a lift's or a small restaurant's.
    const lift = await ask('小区电梯的年检多久做一次', 'citizen')
    expect(lift).toMatchObject({ grounded: false, citations: [] })
    const restaurant = await ask('开小饭馆的许可证怎么办', 'enterprise')
    expect(restaurant).toMatchObject({ grounded: false, citations: [] })
    // A bare 许可证 is for the thing named before it in its clause; no document tells of a barber's.
    const barber = await ask('开个理发店需要什么许可证', 'enterprise')
    expect(barber).toMatchObject({ grounded: false, refusalReason: 'other-matter', citations: [] })
    // The scale guide names 蛋糕 (a cake shop's scales), never a licence: it does not say whether one is needed.
    const cake = await ask('在小区群里卖自己烤的蛋糕，要办许可证吗', 'citizen')
    expect(cake).toMatchObject({ grounded: false, refusalReason: 'other-matter', citations: [] })
    // …while the orders that name 生产许可 answer whom they apply to.
    const licensed = await ask('实行生产许可证管理的产品的生产企业归75号令管吗', 'enterprise')
    expect(licensed.grounded).toBe(true)
    expect(licensed.citations[0]?.docId).toBe('samr-order-75')
    // A post is of the rule that requires it: the food-safety rules' 食品安全总监 is not the orders' 质量安全总监,
    // nor is it the plan's 食品安全 publicity, which never names the post.
    for (const question of ['开饭店的，食品安全总监要负责哪些事', '食品安全总监要干什么']) {
      const food = await ask(question, 'enterprise')
      expect(food, question).toMatchObject({ grounded: false, refusalReason: 'other-matter', citations: [] })
    }
    // A post the asker names without what it is for is the orders' (我们厂的总监).
    const director = await ask('我们厂的总监要听老板的吗', 'enterprise')
    expect(director.grounded).toBe(true)
    expect(director.citations[0]?.docId).toBe('samr-order-75')
  })

  it("judges the asker's case by the rule's scope, not as a look-alike paper or check for the goods told", async () => {
    // 免办证明 is the 免予办理强制性产品认证证明: its scheme is in its name, so the goods told before it (电吹风) say who
    // asks, not what the paper is for; the guide's 无需办理 judges the case.
    const luggage = await ask('公司外籍同事入境时行李里自己带了个电吹风自用 这个需要去申请免办证明吗', 'enterprise')
    expect(luggage.grounded).toBe(true)
    expect(luggage.citations[0]?.section).toContain('无需办理')
    // The scale told last is the thing checked, not the sugar weighed on it.
    const bakery = await ask('开面包店的 后厨称面粉白糖的那台小秤 也得每年拿去强检吗', 'enterprise')
    expect(bakery.grounded).toBe(true)
    expect(bakery.answer).toContain('可以不强检')
    // Selling (拿来卖货) is the use the check is for, not a thing checked; 么 asks as 吗 does.
    const sell = await ask('新买的秤上面有出厂合格证，是可以直接拿来卖货还是得先去检', 'citizen')
    expect(sell.grounded).toBe(true)
    expect(sell.citations[0]?.docId).toBe('metrology-verification')
    // 参展, 样机, 运回去 are the guide's 展览, 样品, 退运 in the asker's words (glossary): the case is one it lists.
    const expo = await ask(
      '下个月参展 从德国运几台样机过来摆着给客户看 看完就运回去不卖 这种要做ccc认证么',
      'enterprise',
    )
    expect(expo.grounded).toBe(true)
    expect(expo.citations[0]?.section).toContain('三、哪些情形可以申请免办')
    // A thing the documents never name stays the thing checked: no guide tells of a forklift's or a meter's check.
    for (const question of ['公司新买了几台叉车，每年都要年检么', '家里电表好像走得特别快，能申请检定吗']) {
      const other = await ask(question, 'citizen')
      expect(other, question).toMatchObject({ grounded: false, refusalReason: 'other-matter', citations: [] })
    }
  })

  it('does not answer a follow-up that swaps the certified scheme from the guide to the first one', async () => {
    const first = await ask('ISO9001认证怎么办', 'enterprise')
    const years = await ask('证书能用几年', 'enterprise', first.sessionId)
    expect(years.answer).toContain('三年')
    const other = await ask('那环境管理体系的呢，要几年审一次', 'enterprise', first.sessionId)
    expect(other).toMatchObject({ grounded: false, refusalReason: 'other-matter', citations: [] })
    const same = await ask('那证书到期前要做什么', 'enterprise', first.sessionId)
    expect(same.grounded).toBe(true)
    expect(same.citations[0]?.docId).toBe('quality-system-certification')
  })

  it('takes the thing a bare check or licence is for from the clause the asker told before it', async () => {
    // The asker's household meter, told first, is what the check is for; the guide tells of trade scales only.
    // (The classifier takes a household matter for out of scope; the scale guide no longer overrides that.)
    const meter = await ask('家里的电表好像走得特别快，能申请检定吗', 'citizen')
    expect(meter).toMatchObject({ grounded: false, citations: [] })
    const licence = await ask('在网上卖旧电脑，要办营业执照吗', 'citizen')
    expect(licence).toMatchObject({ grounded: false, citations: [] })
    const forklift = await ask('厂里新进了两台叉车，每年都要年检吗', 'enterprise')
    expect(forklift).toMatchObject({ grounded: false, refusalReason: 'other-matter', citations: [] })
    // How often is not what for: the gas meter before 每年 stays the thing checked.
    const yearly = await ask('燃气表要每年年检吗', 'citizen')
    expect(yearly).toMatchObject({ grounded: false, refusalReason: 'other-matter', citations: [] })
    // A story about a thing the guide speaks of is that guide's matter.
    const scale = await ask('水果摊新买了台电子秤，还要检定吗', 'enterprise')
    expect(scale.grounded).toBe(true)
    expect(scale.citations[0]?.docId).toBe('metrology-verification')
    // A scheme named in the paper (9001认证) is what it is for; the story before it says who asks.
    const firm = await ask('我们就几个人的小公司，也能做9001认证吗', 'enterprise')
    expect(firm.grounded).toBe(true)
    expect(firm.citations[0]?.docId).toBe('quality-system-certification')
  })

  it('answers whether a business told in everyday words may do a thing by whom it is open to, whatever it says it is not', async () => {
    // Neither 面馆 nor 工厂 is the guide's word: the asker says who asks, and 各种类型、各种规模 answers.
    const noodles = await ask('我们就是开个小面馆的，又不是工厂，也能去做9001吗', 'enterprise')
    expect(noodles.grounded).toBe(true)
    expect(noodles.citations[0]?.section).toBe('一、什么是质量管理体系认证')
    expect(noodles.answer).toContain('各种规模')
    const hardware = await ask('我们是开五金店的，不是生产厂家，也可以自己去申请免办吗', 'enterprise')
    expect(hardware.grounded).toBe(true)
    expect(hardware.answer).toContain('销售商')
    const haulier = await ask('我们公司是做物流的，员工就六个，也能申请9001认证吗', 'enterprise')
    expect(haulier.answer).toContain('各种规模')
    const counted = await ask('作为一家小面馆，也能去做9001认证吗', 'enterprise')
    expect(counted.answer).toContain('各种规模')
    // The shop told first does not make a cost the guide never states answered.
    const repair = await ask('我们是开水果店的，秤坏了拿去修一次大概多少钱', 'enterprise')
    expect(repair).toMatchObject({ grounded: false, citations: [] })
  })

  it('does not answer in part a how-to ask whose doing no document names', async () => {
    // The plan names the training; neither how to sign up nor how long it runs.
    const body = await ask('企业首席质量官任职培训怎么报名，每期几天', 'enterprise')
    expect(body).toMatchObject({ grounded: false, citations: [] })
  })

  it('does not answer a question about something no document names for naming the district they all stand in', async () => {
    // 浦东 is said by a third of the chunks: with nothing else the documents use, it names where, not what.
    const food = await ask('浦东哪里有好吃的', 'citizen')
    expect(food).toMatchObject({ grounded: false, citations: [] })
    // With a matter the documents use, the district still helps find it.
    const help = await ask('浦东有什么帮扶', 'enterprise')
    expect(help.grounded).toBe(true)
    expect(help.citations[0]?.docId).toBe('quality-system-certification')
  })

  it('refuses a question whose asking clause names nothing but things no document names', async () => {
    const review = await ask('对市场监管局的处罚决定不服，怎么申请行政复议？', 'enterprise')
    expect(review).toMatchObject({ grounded: false, refusalReason: 'unknown-matter', citations: [] })
    const prize = await ask('质量知识竞赛有奖品吗？奖品是啥', 'citizen')
    expect(prize).toMatchObject({ grounded: false, refusalReason: 'unknown-matter' })
    // A judgement asked for (靠谱吗) or a thing of everyday words beside one the documents use is answered.
    const agent = await ask('有中介说3000块包拿证，靠谱吗', 'enterprise')
    expect(agent.grounded).toBe(true)
    expect(agent.citations[0]?.docId).toBe('quality-system-certification')
    const shop = await ask('店家乱收费能投诉吗', 'citizen')
    expect(shop.grounded).toBe(true)
    expect(shop.citations[0]?.docId).toBe('complaints-and-reports')
  })

  it('answers where, how or what about a complaint whatever scene the asker sets before it', async () => {
    // The seller, the goods and the platform are the asker's case; the complaint guide answers the ask.
    const where = await ask('网店老板不给退款，去哪投诉', 'citizen')
    expect(where.grounded).toBe(true)
    expect(where.citations[0]?.docId).toBe('complaints-and-reports')
    expect(where.answer).toMatch(/住所地|12315/)
    const materials = await ask('在商场买的羽绒服跑绒，店员不给退，投诉要带什么材料', 'citizen')
    expect(materials.grounded).toBe(true)
    expect(materials.citations[0]?.section).toContain('四、需要准备')
    // Whether a mediator can help does not turn on what was bought either.
    const mediator = await ask('厂家说产品没问题不给换，消协能帮忙调解吗', 'citizen')
    expect(mediator.grounded).toBe(true)
    expect(mediator.answer).toMatch(/消费者协会|调解/)
    // A scene does not make an asked matter no document names answerable…
    const review = await ask('网店老板不给退款，行政复议怎么申请', 'citizen')
    expect(review).toMatchObject({ grounded: false, citations: [] })
    // …and when the ask is only whether, the scene is what is judged: the company's purchase is not consumption.
    const company = await ask('公司给员工买的电热水壶坏了，这个能走消费投诉吗', 'citizen')
    expect(company.grounded).toBe(true)
    expect(company.answer).toContain('生活消费')
  })

  it('judges how long ago a case is, not the goods, when asked whether it can still be complained about', async () => {
    // The goods and the shop are the asker's case; the time passed is what the guide's three-year limit judges.
    const late = await ask('在网上买的蓝牙音箱用了四年多才坏，还能投诉吗', 'citizen')
    expect(late.grounded).toBe(true)
    expect(late.citations[0]?.docId).toBe('complaints-and-reports')
    expect(late.answer).toContain('三年')
  })

  it('says what the summary leaves out when that is what the question asks about', async () => {
    const body = await ask('销售单位不搞日管控周排查，要承担什么法律责任', 'enterprise')
    expect(body).toMatchObject({ grounded: false, refusalReason: 'coverage-gap' })
    expect(body.answer).toContain('法律责任，以官方发布的规章原文为准')
  })

  it('answers how many days only with days, not with a yearly cycle', async () => {
    const scale = await ask('电子秤送去检定，一般几天能拿回来？', 'citizen')
    expect(scale).toMatchObject({ grounded: false, refusalReason: 'other-event' })
    expect(scale.answer).not.toContain('一年')
    const complaint = await ask('投诉交上去几天内会告诉我受不受理？', 'citizen')
    expect(complaint.grounded).toBe(true)
    expect(complaint.answer).toContain('7个工作日')
    // The document saying it has no time limit to give is the honest answer to "几个工作日".
    const exemption = await ask('免办证明从申请到批下来要几个工作日', 'enterprise')
    expect(exemption.grounded).toBe(true)
    expect(exemption.answer).toContain('审核时限')
  })

  it('answers how long until an outcome only from a sentence that times that outcome, not another event of the matter', async () => {
    // The scale guide gives the cycle of checks (检定周期为一年), not how long one check keeps the scale away.
    const scale = await ask('秤拿去检定了，要多长时间才能拿回来', 'citizen')
    expect(scale).toMatchObject({ grounded: false, refusalReason: 'other-event' })
    expect(scale.answer).not.toContain('一年')
    // The certification guide times the audits (12个月内), never the lifting of a suspension.
    const restored = await ask('9001证书暂停以后补了监督审核，多久可以恢复', 'enterprise')
    expect(restored).toMatchObject({ grounded: false, refusalReason: 'other-event' })
    // The outcome the table times is answered: 决定是否立案 says 立案, whatever the asker's 知道 and 没.
    const filed = await ask('举报交上去几天能知道立没立案', 'citizen')
    expect(filed.grounded).toBe(true)
    expect(filed.answer).toContain('15个工作日')
    // A result waited for (结果) is what any of the procedure's decisions gives, not an event of its own.
    const result = await ask('投诉以后要等多久才能有结果', 'citizen')
    expect(result.grounded).toBe(true)
    expect(result.answer).toContain('7个工作日')
  })

  it('takes "有没有…电话" for a request for a number', async () => {
    const body = await ask('质量月活动有没有咨询电话', 'citizen')
    expect(body).toMatchObject({ grounded: false, refusalReason: 'no-typed-fact' })
  })

  it("sends a merchant's certification question to staff, not to 12315", async () => {
    const body = await ask('商家的ISO 14001认证证书怎么申请？', 'enterprise')
    expect(body.grounded).toBe(false)
    expect(body.answer).not.toContain('12315')
    expect(body.answer).toContain('转人工')
    const complaint = await ask('商家卖的ISO 14001认证产品有问题，怎么投诉？', 'citizen')
    expect(complaint.grounded).toBe(false)
    expect(complaint.answer).toContain('12315')
  })
})

describe('scope follows a folder of general passages', () => {
  const folder = 'test/fixtures/general-passages'
  const ask = chatApp({ knowledge: folder, env: { KNOWLEDGE_DIR: folder } })

  it('answers what the passages answer strongly, though the classifier takes it for out of scope', async () => {
    const ferry = await ask('周末想去白沙渡口坐船，早上几点有第一班？')
    expect(ferry.grounded).toBe(true)
    expect(ferry.intent).not.toBe('out_of_scope')
    expect(ferry.citations[0]?.docId).toBe('river-ferry')
    expect(ferry.answer).toContain('早上六点')
  })

  it('takes a solar term for a date', async () => {
    const body = await ask('云岭茶园的春茶什么时候采？')
    expect(body.grounded).toBe(true)
    expect(body.answer).toContain('清明前')
  })

  it('answers how a thing came about from what happened: "是怎么…的" is no how-to procedure', async () => {
    const bridge = await ask('青溪石桥被洪水冲毁以后是怎么修好的')
    expect(bridge.grounded).toBe(true)
    expect(bridge.citations[0]?.docId).toBe('stone-bridge')
    expect(bridge.answer).toContain('按原样修复')
  })

  it('declines what no passage supports, by name', async () => {
    const fare = await ask('白沙渡口的船票多少钱？')
    expect(fare).toMatchObject({ grounded: false, refusalReason: expect.stringMatching(/^[a-z-]+$/) })
    const weather = await ask('明天会下雨吗？')
    expect(weather).toMatchObject({ grounded: false, intent: 'out_of_scope', refusalReason: 'out-of-scope' })
    const tax = await ask('小微企业增值税有什么减免政策？')
    expect(tax.grounded).toBe(false)
    expect(tax.refusalReason).toMatch(/^[a-z-]+$/)
  })
})

describe('either/or questions ("A还是B")', () => {
  const ask = chatApp()

  it('answers from the passage that names one of the alternatives, leading with its sentence', async () => {
    // jieba tags neither 打电话 nor 发短信 as a thing; 五 says "常见的有电话、短信" of how a named reporter is told.
    const told = await ask('实名举报了以后，他们会怎么联系我，打电话还是发短信', 'citizen')
    expect(told.grounded).toBe(true)
    expect(told.citations[0]).toMatchObject({ docId: 'complaints-and-reports', section: '五、监管部门的处理时限' })
    expect(told.answer.split('\n')[0]).toContain('电话、短信')
    const visit = await ask('秤的强检是我自己送过去，还是有人上门来检', 'citizen')
    expect(visit.grounded).toBe(true)
    expect(visit.citations[0]).toMatchObject({ docId: 'metrology-verification', section: '三、谁来申请，怎么申请' })
    expect(visit.answer).toContain('上门')
  })

  it('settles which of two to choose by the sentence telling when each is chosen, not by the story before it', async () => {
    const body = await ask('超市卖过期食品，我不要赔偿就想让他们被查处，该选投诉还是举报', 'citizen')
    expect(body.grounded).toBe(true)
    expect(body.citations[0]).toMatchObject({ docId: 'complaints-and-reports', section: '一、投诉和举报有什么区别' })
    expect(body.answer).toContain('属于举报')
  })

  it('refuses when the passages on the matter name neither alternative for what is asked', async () => {
    // The ISO guide says internal audits are done "按策划的时间间隔": neither a year nor half of one.
    const audit = await ask('内部审核是一年做一次还是半年做一次', 'enterprise')
    expect(audit).toMatchObject({ grounded: false, refusalReason: 'unsaid-alternative', citations: [] })
    // 三 says the certification body 颁发证书, not whether it is posted or fetched: 认证机构 repeats the 认证 asked about.
    const delivery = await ask('认证通过以后，证书是快递寄过来还是要自己去认证机构拿', 'enterprise')
    expect(delivery).toMatchObject({ grounded: false, refusalReason: 'unsaid-alternative', citations: [] })
  })

  it('settles an either/or asked of a case put first (要是…) by the rule that holds in general', async () => {
    // 第三条: 主要负责人…负全面责任; the case (厂里出了问题) is the asker's, no sentence need say it.
    const body = await ask('厂里要是出了产品质量安全问题，到底是老板负总责还是质量安全总监负责？', 'enterprise')
    expect(body.grounded).toBe(true)
    expect(body.citations[0]?.section).toMatch(/^第三条/)
    expect(body.answer).toContain('全面责任')
  })
})

describe('an aspect the documents never state', () => {
  const ask = chatApp()

  it('refuses a reward, secrecy, payout time, signer or venue asked of a topic the guides do treat', async () => {
    for (const [message, audience] of [
      ['举报商店卖假货，查实以后举报人能拿奖金吗', 'citizen'],
      ['实名举报以后我的个人信息会不会泄露给商家', 'citizen'],
      ['投诉调解成了，商家赔的钱得多久到账', 'citizen'],
      ['电子秤检定证书上签字的人是谁', 'citizen'],
      ['质量月启动仪式在哪个会场办', 'enterprise'],
    ] as const) {
      const body = await ask(message, audience)
      expect(body, message).toMatchObject({ grounded: false, refusalReason: 'unsaid-aspect', citations: [] })
    }
  })

  it('answers the same kinds of aspect where a guide states them', async () => {
    // 检定费 停止征收: the fee is stated as waived.
    const fee = await ask('电子秤送去强检要花钱吗', 'enterprise')
    expect(fee.grounded).toBe(true)
    expect(fee.citations[0]?.docId).toBe('metrology-verification')
    expect(fee.answer).toMatch(/停止征收|不需要交检定费|免费/)
    // 严重违法失信名单: the blacklist is stated for false certification.
    const blacklist = await ask('认证机构给人出假证书，会不会上黑名单', 'enterprise')
    expect(blacklist.grounded).toBe(true)
    expect(blacklist.citations[0]?.docId).toBe('quality-system-certification')
    expect(blacklist.answer).toContain('失信')
  })

  it('answers free help, a free check or free teaching from the service the plan offers, not from a passage beside it', async () => {
    // Item 25 (质量服务惠民便民活动) offers the check; items 9 and 10 cover the question as well and offer nothing.
    const check = await ask('质量月能免费帮忙检测东西吗', 'citizen')
    expect(check).toMatchObject({ grounded: true, intent: 'event_inquiry' })
    expect(check.citations[0]?.section).toMatch(/惠民便民/)
    expect(check.answer).toContain('检测鉴定')
    // Item 11's 公益培训, not item 2's 公益宣传, which covers the question alike.
    const course = await ask('质量月有没有免费的质量课', 'enterprise')
    expect(course.grounded).toBe(true)
    expect(course.citations[0]?.section).toMatch(/中小企业质量提升/)
    expect(course.answer).toContain('公益培训')
  })

  it('refuses a pick among brands or shops, what goods or a repair cost, the hours an office keeps, retaliation, and where to have a broken thing mended', async () => {
    for (const message of [
      '摊位上的秤坏了想买台新的 哪个牌子的电子秤检定容易过',
      // The ISO guide's 严重违法失信名单 is no list of bodies to pick from.
      '浦东有哪几家认证机构可以做9001 给个名单',
      '秤检定不合格了，得去哪儿修',
      '秤检不合格要拿去修 修一下大概多少钱',
      '想买个带CPA标志的电子秤 一台大概多少钱',
      '浦东计量质量检测所周末开门不',
      '我下班都晚上十点了 12315热线这个点还有人接吗 周末打得通不',
      '12315那个app注册一直收不到验证码 咋弄',
      '投诉完商家打电话骂我 威胁我 怎么办',
    ]) {
      const body = await ask(message, 'citizen')
      expect(body, message).toMatchObject({ grounded: false, refusalReason: 'unsaid-aspect', citations: [] })
    }
    // Whether one goes on a blacklist is no pick: the guide states it (列入严重违法失信名单).
    const blacklist = await ask('认证机构给人出假证书 会不会上黑名单', 'citizen')
    expect(blacklist.grounded).toBe(true)
    // Units opening their doors to visitors is no office's hours: the plan names them.
    const openDay = await ask('质量开放日是哪些单位开门给大家参观的？', 'citizen')
    expect(openDay.grounded).toBe(true)
    expect(openDay.answer).toContain('政府质量奖')
    // What the guide does say of the broken scale is still answered: repaired, then verified again.
    const repaired = await ask('秤坏了修好以后，还要重新检吗', 'citizen')
    expect(repaired.grounded).toBe(true)
    expect(repaired.answer).toContain('重新检定')
    // Retaliation only feared asks how to report, which the guide tells (实名 or not).
    const feared = await ask('隔壁超市老卖过期面包 我想举报一下 能不能不留名字啊 怕被报复', 'citizen')
    expect(feared.grounded).toBe(true)
    // A fee for the check is the fee's, stated as waived, not the price of goods.
    const checkFee = await ask('检一台秤多少钱', 'citizen')
    expect(checkFee.grounded).toBe(true)
    expect(checkFee.answer).toMatch(/停止征收|不需要交检定费/)
  })

  it('refuses an aspect no guide states (after-the-fact doings, taxes, which is quicker, sign-up …), and answers one they do', async () => {
    for (const message of [
      '免办证明弄丢了去哪里补一份',
      '全国12315平台的登录密码忘了，怎么找回来',
      '免办证明上的产品数量填错了，怎么改过来',
      '3C免办申请被驳回了还能再申请吗',
      '质量月活动的书面小结9月30日前交不上，能申请延期吗',
      '检过的秤搬到另一个菜场去用，要不要重新检定',
      '我们小厂的产品刚做完3c认证 花了不少钱 区里有没有补贴可以申请',
    ]) {
      const body = await ask(message, 'enterprise')
      expect(body, message).toMatchObject({ grounded: false, refusalReason: 'unsaid-aspect', citations: [] })
    }
    // Taxes, which of two ways is quicker, and how the hotline's staff behaved: the guides state none of them.
    for (const message of [
      '个体户给客户开发票要交多少税',
      '投诉跟举报哪个处理得快一点',
      '打12315的时候接电话那个人态度特别差 能投诉他吗',
      // Whether the result is made public, a lawyer may come along, or a credit record is marked.
      '投诉了一家装修公司 处理结果会不会在网上公示出来',
      '投诉的时候能请律师帮我一起去吗',
      '认证机构的审核员来厂里现场审核，他们的差旅费要我们出吗',
      // A template, a notary's seal, a payout's deadline: the guides name the paper and the mediation, not these.
      '帮老人代投诉用的授权委托书，需要去公证处公证吗？有没有固定模板',
      '投诉调解成功了，商家答应退钱，那规定他最晚几天之内必须把钱退给我？',
      // Firms counted but not named, a leader's name.
      '首批拿到免办证明的那4家供应链企业是哪几家？想去对标学习一下',
      '质量强国建设领导小组组长是谁啊',
      '快递把东西弄丢了不赔，投诉会影响快递员的征信吗',
    ]) {
      const body = await ask(message, 'citizen')
      expect(body, message).toMatchObject({ grounded: false, refusalReason: 'unsaid-aspect', citations: [] })
    }
    // A station's presenter, jobs at the bureau, the way to the airport: places and bodies the documents name, not these.
    for (const message of [
      '浦东电视台新闻主持人是谁',
      '市场监管局今年招公务员吗，考什么',
      '从陆家嘴去浦东机场怎么走最快',
    ]) {
      const body = await ask(message, 'citizen')
      expect(body.grounded, message).toBe(false)
      expect(body.citations, message).toEqual([])
    }
    // How an errand goes, put as the way to go, is still the errand's.
    const errand = await ask('免办流程怎么走', 'enterprise')
    expect(errand.grounded).toBe(true)
    // How to sign up for an event, its prizes, volunteers, a guide in English: the plan lists its events, not these.
    for (const message of [
      '质量开放日去参观要提前报名吗，在哪报',
      '质量知识竞赛的奖品都有哪些',
      '外国朋友想去质量开放日看看 有英文讲解吗',
    ]) {
      const body = await ask(message, 'citizen')
      expect(body, message).toMatchObject({ grounded: false, refusalReason: 'unsaid-aspect', citations: [] })
    }
    // …but not how long it may run; the time limits table does state a report check's extension (再延长15个工作日).
    const longest = await ask('免办两年核销到期申请延期，最多能延多久', 'enterprise')
    expect(longest).toMatchObject({ grounded: false, refusalReason: 'unsaid-aspect' })
    const check = await ask('举报后核查的时间不够，最多还能再延长多久', 'citizen')
    expect(check.grounded).toBe(true)
    expect(check.answer).toContain('15个工作日')
    // 核销期限可申请延期: the CCC guide states this extension.
    const extension = await ask('免办进来的汽车配件两年内用不完 能不能申请延期', 'enterprise')
    expect(extension.grounded).toBe(true)
    expect(extension.answer).toContain('延期')
    // A move told before another ask is the asker's case, not a relocation asked about.
    const moved = await ask(
      '公司去年从苏州搬到浦东了 之前免办是在那边办的 这次进的几台设备的免办该向哪里提',
      'enterprise',
    )
    expect(moved.grounded).toBe(true)
  })

  it('still refuses free help of a kind the plan never offers', async () => {
    for (const message of ['质量月有没有给老人免费体检的', '摊位上的电子秤坏了 质量月有没有免费帮忙修秤的']) {
      const body = await ask(message, 'citizen')
      expect(body, message).toMatchObject({ grounded: false, refusalReason: 'unsaid-aspect', citations: [] })
    }
  })
})

// An owner tells their case and asks whether a rule reaches it (src/query/owner-case.ts, src/answer/judged-case.ts).
describe("an owner's case judged by a yes/no ask", () => {
  const ask = chatApp()

  it('is answered by the scope that covers it, though the guide never says the goods or the country', async () => {
    const body = await ask(
      '我们公司做打印机驱动开发的 要从日本带两台还没上市的新型号回来做测试 这个也得先拿3c吗',
      'enterprise',
    )
    expect(body.grounded).toBe(true)
    expect(body.citations[0]?.docId).toBe('ccc-exemption')
    expect(body.citations[0]?.section).toMatch(/哪些情形可以申请免办/)
    expect(body.answer).toContain('测试')
  })

  it('is refused when the passage says nothing of the case, only what the rule is', async () => {
    const body = await ask('我们店从国外进了一批校服，这种能不做3C吗', 'enterprise')
    expect(body).toMatchObject({ grounded: false, refusalReason: 'unjudged-case', citations: [] })
  })
})

describe('everyday asks that were refused', () => {
  const ask = chatApp()

  it('answers from the order whose summary states the rule, not the one that only says it leaves it out', async () => {
    const body = await ask('质量安全员发现产品有安全隐患，按规定该怎么处理', 'enterprise')
    expect(body.grounded).toBe(true)
    expect(body.citations[0]).toMatchObject({ docId: 'samr-order-76', section: expect.stringMatching(/第四条/) })
    expect(body.answer).toContain('否决性建议')
  })

  it('reads 资料 and 交啥东西 as the materials to hand in, and 公开资料显示 as none', async () => {
    for (const question of ['3C免办要交什么资料', '申请免办要交啥东西']) {
      const body = await ask(question, 'enterprise')
      expect(body.grounded, question).toBe(true)
      expect(body.citations[0]?.section, question).toMatch(/五、怎样申请/)
      expect(body.answer, question).toContain('责任担保书')
    }
  })

  it('answers a case told with a shop named by its code (4S店) and hearsay before the ask', async () => {
    const repair = await ask('我们是做汽车配件进口的贸易公司 有一批零件是给4S店维修用的 这种能申请免办吗', 'enterprise')
    expect(repair.grounded).toBe(true)
    expect(repair.citations[0]?.section).toMatch(/哪些情形可以申请免办/)
    const policy = await ask('听人说免办证明浦东批得特别快 是有什么特殊政策吗', 'enterprise')
    expect(policy.grounded).toBe(true)
    expect(policy.citations[0]?.section).toMatch(/浦东新区的特别举措/)
  })

  it('answers which of a thing when the question word is glued to it (哪五进), and 怎么处罚 as the consequence', async () => {
    const fiveInto = await ask('五进是哪五进', 'citizen')
    expect(fiveInto.grounded).toBe(true)
    expect(fiveInto.answer).toContain('进社区')
    const punished = await ask('使用作弊秤怎么处罚', 'citizen')
    expect(punished.grounded).toBe(true)
    expect(punished.citations[0]?.section).toMatch(/不检、超期或作弊的后果/)
  })

  it('answers whether one may complain where one lives with the jurisdiction, 浦东 naming no document', async () => {
    const body = await ask('我买的奶粉有问题，厂家在外省，我能在浦东投诉吗', 'citizen')
    expect(body.grounded).toBe(true)
    expect(body.citations[0]).toMatchObject({
      docId: 'complaints-and-reports',
      section: expect.stringMatching(/由哪里的市场监管部门处理/),
    })
    expect(body.answer).toMatch(/经营地|住所地/)
  })

  it('answers when an event is held by its date, holding it being only the form of the ask', async () => {
    for (const question of ['质量月一般什么时候举办', 'When is Quality Month held?']) {
      const body = await ask(question, 'citizen')
      expect(body.grounded, question).toBe(true)
      expect(body.citations[0]?.section, question).toBe('前言')
      expect(body.answer, question).toMatch(/2023\s*年\s*9\s*月/)
    }
  })

  it('answers what to do now a check has failed from what follows 不合格, not from the steps of applying', async () => {
    const body = await ask('电子秤检定不合格怎么办', 'citizen')
    expect(body.grounded).toBe(true)
    expect(body.citations[0]?.section).toMatch(/多久检一次/)
    expect(body.answer).toContain('停止使用')
  })

  it('answers how to find out which things need a thing from the passage that says how it is told', async () => {
    const body = await ask('如何查询哪些秤需要强检', 'citizen')
    expect(body.grounded).toBe(true)
    expect(body.citations[0]?.section).toMatch(/哪些计量器具必须强检/)
  })
})
