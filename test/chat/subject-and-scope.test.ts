import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPgliteDb, type Db } from '../../src/db/index.ts'
import { createTestApp } from '../support/app.ts'
import { captureLog } from '../support/log-capture.ts'

type ChatBody = {
  sessionId: string
  answer: string
  grounded: boolean
  intent: string
  mode: string
  refusalReason?: string
  resolvedQuery: string
  citations: Array<{ docId: string; section: string; quote: string }>
}

const chat = (app: () => FastifyInstance) => async (message: string, sessionId?: string) => {
  const response = await app().inject({ method: 'POST', url: '/api/chat', payload: { message, sessionId } })
  expect(response.statusCode).toBe(200)
  return response.json() as ChatBody
}

describe('a conversation keeps its subject', () => {
  let db: Db
  let app: FastifyInstance
  const { lines, stream } = captureLog()
  const ask = chat(() => app)

  beforeAll(async () => {
    db = await createPgliteDb()
    ;({ app } = await createTestApp(db, { logger: { level: 'info', stream } }))
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  it('answers follow-ups about the matter asked, not the last word', async () => {
    const first = await ask('CCC免办需要哪些材料？')
    expect(first.citations[0]?.docId).toBe('ccc-exemption')
    const steps = await ask('办理流程是怎样的？', first.sessionId)
    expect(steps.resolvedQuery).toMatch(/ccc免办/i)
    expect(steps.citations[0]?.docId).toBe('ccc-exemption')
    const duration = await ask('那需要多久？', first.sessionId)
    expect(duration.resolvedQuery).toMatch(/ccc免办/i)
    // Answered from the CCC guide, or refused by name — never the scale guide's "检定周期为一年".
    expect(duration.answer).not.toContain('检定周期')
    if (duration.grounded) expect(duration.citations.every((citation) => citation.docId === 'ccc-exemption')).toBe(true)
    else expect(duration.refusalReason).toBeTruthy()
  })

  it('lets a new topic replace the subject', async () => {
    const first = await ask('CCC免办需要哪些材料？')
    const scale = await ask('电子秤强制检定收费吗？', first.sessionId)
    expect(scale.citations[0]?.docId).toBe('metrology-verification')
    const followUp = await ask('那多久检一次？', first.sessionId)
    expect(followUp.citations[0]?.docId).toBe('metrology-verification')
  })

  it('reads an article without its order in the order being discussed', async () => {
    const first = await ask('76号令第三条说了什么？')
    const next = await ask('第四条呢？', first.sessionId)
    expect(next.citations[0]?.docId).toBe('samr-order-76')
    expect(next.citations[0]?.section).toMatch(/^第四条/)
  })

  it('answers a question that comes after a greeting, and still greets small talk that asks nothing', async () => {
    const greeted = await ask('你好，电子秤多久检一次')
    expect(greeted).toMatchObject({ grounded: true, intent: 'policy_question' })
    expect(greeted.citations[0]?.docId).toBe('metrology-verification')
    expect(greeted.answer).toContain('一年')
    for (const message of ['谢谢，你们服务真好', '你是谁？']) {
      const smalltalk = await ask(message)
      expect(smalltalk).toMatchObject({ grounded: false, intent: 'smalltalk' })
      expect(smalltalk.citations).toEqual([])
    }
  })

  it('answers a question about an order as a whole with the articles on its purpose and scope', async () => {
    const whole = await ask('76号令是管什么的')
    expect(whole.grounded).toBe(true)
    expect(whole.citations.map((citation) => citation.section.slice(0, 3))).toEqual(['第一条', '第二条'])
    expect(whole.answer).toContain('国家市场监督管理总局令第76号')
    // A matter in the order is asked about itself, not the order as a whole.
    const matter = await ask('75号令里质量安全总监是干什么的')
    expect(matter.citations[0]?.section).toMatch(/^第三条/)
  })

  it('says a later article of the order being discussed is not in the summary, whatever the last turn cited', async () => {
    const first = await ask('76号令是管什么的')
    const next = await ask('第八条说了什么', first.sessionId)
    expect(next).toMatchObject({ grounded: false, refusalReason: 'article-not-covered' })
    expect(next.answer).toContain('第八条')
    const covered = await ask('第三条讲什么', first.sessionId)
    expect(covered.citations[0]?.section).toMatch(/^第三条/)
  })

  it('answers an English question from the Chinese documents with an English lead', async () => {
    const body = await ask("How often must a shop's weighing scale be verified?")
    expect(body.intent).toBe('policy_question')
    expect(body.grounded).toBe(true)
    expect(body.answer.split('\n')[0]).toMatch(/^From the bureau's documents/)
    expect(body.citations[0]?.docId).toBe('metrology-verification')
    expect(body.answer).toContain('一年')
  })

  it('reads the forms an English verb takes (failed, repaired, still use), not only its dictionary form', async () => {
    const body = await ask("Our shop's scale failed verification. Can we still use it once it is repaired?")
    expect(body.intent).toBe('policy_question')
    expect(body.grounded).toBe(true)
    expect(body.citations[0]?.docId).toBe('metrology-verification')
    expect(body.answer).toContain('重新检定')
  })

  it('understands an English complaint question, and refuses one whose matter it cannot translate', async () => {
    const complaint = await ask('How many working days until my complaint is accepted?')
    expect(complaint.grounded).toBe(true)
    expect(complaint.citations[0]?.docId).toBe('complaints-and-reports')
    expect(complaint.answer).toContain('7个工作日')
    // "how long" and "valid" are in the term list; the passport, the matter asked about, is not.
    const passport = await ask('How long is a passport valid?')
    expect(passport).toMatchObject({ grounded: false })
    expect(passport.citations).toEqual([])
  })

  it('answers an English story whose words the term list lacks when its question names a matter of the documents', async () => {
    // handbag, mall, strap, snapped, ring: the story's words; the hotline asked of a shop's refusal is the guide's.
    const body = await ask(
      "I bought a handbag at a mall in Pudong and the strap snapped after a week. The shop won't refund me. Which hotline should I ring?",
    )
    expect(body.grounded).toBe(true)
    expect(body.citations[0]?.docId).toBe('complaints-and-reports')
    expect(body.answer).toContain('12315')
    // Naming no document's matter, what is left untranslated is what is asked about.
    expect(await ask('How do I extend my work visa in Shanghai?')).toMatchObject({
      grounded: false,
      intent: 'out_of_scope',
    })
  })

  it('counts only content words as untranslated: "until", "whether" do not send a question out of scope', async () => {
    const body = await ask('How long until they tell me whether my complaint is accepted?')
    expect(body.intent).toBe('policy_question')
    expect(body.grounded).toBe(true)
    expect(body.answer).toContain('7个工作日')
  })

  it('translates everyday words and phrases as citizens type them (expired, years ago, too late, require a)', async () => {
    const late = await ask('I bought a phone 4 years ago, is it too late to complain?')
    expect(late.grounded).toBe(true)
    expect(late.citations[0]?.section).toMatch(/^六、哪些投诉不予受理/)
    expect(late.answer).toContain('三年')
    // "require a" of a post is to have one (配备), which 第三条 says, not the scope of 第二条.
    const director = await ask('Does order 76 require a quality safety director?')
    expect(director.citations[0]?.section).toMatch(/^第三条/)
    expect(director.answer).toContain('质量安全总监')
  })

  it('keeps an English story and its question as two clauses, as Chinese writes them', async () => {
    // Run together ("中介保证证书几天不用审核 5000 元靠谱吗") the amount read as the fact asked for.
    const offer = await ask(
      'A consultant promises a certificate in a few days without an audit for 5000 yuan, is it legit?',
    )
    expect(offer.grounded).toBe(true)
    expect(offer.citations[0]?.section).toMatch(/买证/)
    const mediation = await ask('The seller refused to mediate. What else can we do?')
    expect(mediation.grounded).toBe(true)
    expect(mediation.answer).toMatch(/仲裁|诉讼|起诉/)
  })

  it('offers a route that fits the asker with a refusal', async () => {
    const enterprise = await ask('ISO 14001认证证书怎么申请？')
    expect(enterprise).toMatchObject({ grounded: false, refusalReason: 'missing-identifier' })
    expect(enterprise.answer).not.toContain('12315')
    expect(enterprise.answer).toContain('转人工')
  })

  it('names the gate of every refusal and logs one line per turn without the message', async () => {
    const body = await ask('宠物猫的疫苗多久打一次？')
    expect(body.grounded).toBe(false)
    expect(body.refusalReason).toMatch(/^[a-z-]+$/)
    const turns = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'chat turn')
    const last = turns.at(-1)
    expect(last.turn).toMatchObject({
      intent: body.intent,
      grounded: false,
      mode: body.mode,
      refusalReason: body.refusalReason,
    })
    expect(typeof last.turn.latencyMs).toBe('number')
    expect(lines.join('\n')).not.toContain('宠物猫')
  })
})

describe('scope follows the knowledge that is loaded', () => {
  let db: Db
  let app: FastifyInstance
  const ask = chat(() => app)

  beforeAll(async () => {
    db = await createPgliteDb()
    const folder = 'test/fixtures/encyclopedia'
    ;({ app } = await createTestApp(db, { knowledge: folder, env: { KNOWLEDGE_DIR: folder } }))
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  it('answers what the loaded passages answer, topic words and all', async () => {
    const phones = await ask('为什么第三代移动电话就难窃听？')
    expect(phones.grounded).toBe(true)
    expect(phones.citations[0]?.docId).toBe('mobile-phones')
    expect(phones.answer).toContain('加密')
  })

  it('takes dates in Chinese numerals and era names as dates', async () => {
    const body = await ask('李守仁是在哪一年成婚的？')
    expect(body.grounded).toBe(true)
    expect(body.answer).toContain('万历十一年二月')
  })

  it('does not decline as out of scope what the documents answer strongly', async () => {
    const body = await ask('电影《江城旧梦》是在哪一年首映的？')
    expect(body.grounded).toBe(true)
    expect(body.citations[0]?.docId).toBe('old-film')
    expect(body.answer).toContain('一九六二年')
  })

  it('answers a question about a document’s own subject that the classifier took as off topic', async () => {
    // 猫 is on the off-topic list, and the family word 小猫 belongs to the other cat passage, so the
    // leopard-cat passage covers the question only in part: naming its subject is what makes it its own.
    const body = await ask('豹猫一胎生几只小猫')
    expect(body).toMatchObject({ grounded: true, intent: 'policy_question' })
    expect(body.citations[0]?.docId).toBe('leopard-cat')
  })

  it('takes a bare passage, titled by its first sentence, to be about its subject as a titled one is', async () => {
    // 灰林鸮 has a title line and names 雕鸮 in passing; the bare 雕鸮 passage's title is its whole first
    // sentence, which the question names only in part. Its subject is what that sentence opens with.
    const level = await ask('雕鸮的保护级别哪年下调的')
    expect(level.grounded).toBe(true)
    expect(level.citations[0]?.docId).toBe('eagle-owl')
    expect(level.answer).toContain('2021年')
    const named = await ask('灰林鸮是哪一年定名的')
    expect(named.citations[0]?.docId).toBe('tawny-owl')
    expect(named.answer).toContain('1830年')
  })

  it('answers a question put as small talk ("…干嘛了") from the passages, and never greets a question for a fact', async () => {
    const retired = await ask('李守仁辞官以后干嘛了')
    expect(retired).toMatchObject({ grounded: true, intent: 'policy_question' })
    expect(retired.answer).toContain('开设书院讲学')
    const dam = await ask('三峡大坝哪年建好的')
    expect(dam).toMatchObject({ grounded: false, intent: 'out_of_scope', refusalReason: 'out-of-scope' })
  })

  it('still declines what no passage supports, and says why', async () => {
    const body = await ask('明天浦东会下雨吗？')
    expect(body).toMatchObject({ grounded: false, intent: 'out_of_scope', refusalReason: 'out-of-scope' })
  })
})
