import { describe, expect, it } from 'vitest'
import { composeExtractiveAnswer } from '../../src/answer/extractive.ts'
import { prepareQuestion } from '../../src/query/prepare-question.ts'
import type { ScoredChunk } from '../../src/retrieval/search.ts'
import { createVocabulary } from '../../src/retrieval/vocabulary.ts'
import { scoredChunk } from '../support/chunks.ts'

// Inline chunks shaped like the stored ones: a heading line, then the body as ingest keeps it.
const chunk = (id: number, section: string, content: string, title = '消费投诉办事指引'): ScoredChunk =>
  scoredChunk(id, section, content, title)

const DIFFERENCE = chunk(
  1,
  '一、投诉和举报有什么区别',
  '一、投诉和举报有什么区别\n两者分得很清楚：\n| | 投诉 | 举报 |\n| 谁可以提 | 消费者本人 | 任何人 |\n| 想要的结果 | 调解解决争议 | 查处违法行为 |\n简单说，要退款找投诉，要查处找举报。',
)
const MATERIALS = chunk(
  2,
  '四、需要准备哪些材料',
  '四、需要准备哪些材料\n投诉时必须提供：\n1. 投诉人的姓名、电话号码、通讯地址；\n2. 被投诉人的名称、地址；\n3. 具体的投诉请求和争议事实。',
)
const STEPS = chunk(
  3,
  '三、投诉的步骤',
  '三、投诉的步骤\n按下面的顺序办理：\n1. 登录全国12315平台注册账号；\n2. 选择被投诉的经营者并填写投诉请求；\n3. 上传凭证后提交，等待受理通知。',
)
const TIME_LIMITS = chunk(
  4,
  '五、处理时限',
  '五、处理时限\n监管部门依法处理投诉。\n| 环节 | 时限 |\n| 投诉是否受理 | 收到投诉之日起7个工作日内作出决定 |\n| 投诉调解 | 自受理之日起45个工作日内 |',
)
const CHUNKS = [DIFFERENCE, MATERIALS, STEPS, TIME_LIMITS]
// A body written as "- " items, as the Markdown guides are: asked on its own, not among CHUNKS.
const BULLETED = chunk(
  5,
  '六、多久检一次',
  '六、多久检一次\n- 用于贸易结算的电子秤检定周期为一年，也就是每年都要检。\n- 检定合格的，会在秤体上粘贴合格标志。',
)
// A table as the store keeps it (no ruler), too long to be quoted whole: asked on its own too.
const LONG_TABLE = chunk(
  6,
  '七、各环节时限',
  '七、各环节时限\n| 环节 | 时限 | 依据 |\n| 投诉是否受理 | 收到投诉之日起7个工作日内作出受理或不予受理的决定，并告知投诉人 | 《办法》 |\n| 投诉调解 | 自受理之日起45个工作日内双方仍未达成调解协议的，终止调解 | 《办法》 |\n| 告知终止调解 | 作出终止调解决定之日起7个工作日内告知投诉人和被投诉人 | 《办法》 |\n| 举报核查 | 收到材料之日起15个工作日内核查并由负责人决定是否立案；特殊情况经批准可再延长15个工作日 | 《程序规定》 |\n| 立案后的案件处理 | 适用普通程序的案件，一般自立案之日起90日内作出处理决定，经批准可延长30日 | 《程序规定》 |',
)
const EXTRA = [BULLETED, LONG_TABLE]
const vocabulary = createVocabulary(
  [...CHUNKS, BULLETED].map((item) => `${item.title} ${item.section} ${item.content}`),
)
const ask = (text: string, candidates = CHUNKS) =>
  composeExtractiveAnswer(prepareQuestion(text, { glossary: { groups: [], english: [] }, vocabulary }), candidates)

/** Every citation's quote is a verbatim slice of the chunk it names. */
function expectVerbatim(result: ReturnType<typeof ask>) {
  if (!result.grounded) throw new Error('expected an answer')
  for (const citation of result.citations) {
    const source = [...CHUNKS, ...EXTRA].find((item) => item.id === citation.chunkId)
    expect(source?.content).toContain(citation.quote)
  }
}

describe('composeExtractiveAnswer shapes the answer by the question', () => {
  it('keeps a comparison table whole, as a Markdown table with its ruler', () => {
    const result = ask('投诉和举报有什么区别？')
    expectVerbatim(result)
    if (!result.grounded) return
    expect(result.answer).toContain('| | 投诉 | 举报 |\n| --- | --- | --- |')
    expect(result.answer).toContain('| 想要的结果 | 调解解决争议 | 查处违法行为 |')
  })

  it('lists every item of a list question', () => {
    const result = ask('投诉需要准备哪些材料？')
    expectVerbatim(result)
    if (!result.grounded) return
    for (const item of ['1. 投诉人的姓名', '2. 被投诉人的名称', '3. 具体的投诉请求'])
      expect(result.answer).toContain(item)
  })

  it('gives the steps of a procedure in order from the first', () => {
    const result = ask('投诉的步骤是怎样的，怎么办理？')
    expectVerbatim(result)
    if (!result.grounded) return
    const first = result.answer.indexOf('1. 登录')
    expect(first).toBeGreaterThan(0)
    expect(result.answer.indexOf('3. 上传')).toBeGreaterThan(first)
  })

  it('leads a fact question with the row that states the fact, under its column names', () => {
    const result = ask('投诉多久会决定受不受理？')
    expectVerbatim(result)
    if (!result.grounded) return
    expect(result.citations[0]?.chunkId).toBe(TIME_LIMITS.id)
    expect(result.answer).toContain('| 环节 | 时限 |')
    expect(result.answer).toContain('7个工作日')
  })

  it('quotes a later row under its column names although the store dropped the ruler', () => {
    const result = ask('立案后的案件一般多久作出处理决定？', [LONG_TABLE])
    expectVerbatim(result)
    if (!result.grounded) return
    expect(result.answer).toContain('90日')
    expect(result.answer).toContain('| 环节 | 时限 | 依据 |\n| --- | --- | --- |')
  })

  it('starts a quote of "- " items on a line of its own, so that each item renders as one', () => {
    const result = ask('电子秤多久检一次？', [BULLETED])
    expectVerbatim(result)
    if (!result.grounded) return
    expect(result.answer).toContain('检定周期为一年')
    expect(result.answer).not.toMatch(/[：:]- /)
    const items = result.answer.split('\n').filter((line) => line.includes('用于贸易结算') || line.includes('合格标志'))
    for (const line of items) expect(line).toMatch(/^- /)
  })

  it('names the gate that refuses', () => {
    const typed = ask('投诉调解要多少钱？')
    expect(typed).toMatchObject({ grounded: false, reason: 'no-typed-fact' })
    const identifier = ask('ISO 14001认证怎么办理？')
    expect(identifier).toMatchObject({ grounded: false, reason: 'missing-identifier' })
    // A model told of the goods bought is the asker's case: the time limits answer whatever it is.
    const told = ask('网店卖的SK-II面霜是假货，投诉以后几天告诉我受不受理')
    expect(told.grounded).toBe(true)
    if (told.grounded) expect(told.answer).toContain('7个工作日')
    const unrelated = ask('浦东哪个小区的房子值得买？')
    expect(unrelated.grounded).toBe(false)
    expect(ask('随便问问', [])).toMatchObject({ grounded: false, reason: 'no-passages' })
  })
})

// A second document: a plan whose sections carry the words the question names, and a guide whose
// sections are titled by the question each answers.
const ofDocument =
  (docId: string, title: string) =>
  (id: number, section: string, content: string): ScoredChunk => ({ ...chunk(id, section, content, title), docId })
const plan = ofDocument('plan', '质量强国建设纲要')
const GOALS = plan(
  11,
  '二、总体要求 > （二）主要目标',
  '（二）主要目标\n《纲要》采用定性与定量相结合的方式，从以下方面细化了2025年目标：\n1. 产业质量竞争力持续增强：产业链现代化水平大幅提高；制造业质量竞争力指数要达到86；服务业供给较好满足需要。',
)
const CASES_LISTED = chunk(
  12,
  '三、哪些情形可以申请免办 > （一）规章列举的情形',
  '（一）规章列举的情形\n目录内产品在下列情形下可以申请免办：\n1. 科研、测试需要的产品；\n2. 直接用于最终用户维修的产品；\n3. 只作商业展示、不对外销售的产品。',
  '免办办事指引',
)
const CASES_CHECKED = chunk(
  13,
  '三、哪些情形可以申请免办 > （二）审核时掌握的条件',
  '（二）审核时掌握的条件\n市场监管部门审核免办申请时掌握下列情形：\n1. 认证检测所需的样品；\n2. 以整机全数出口为目的而进口的零部件。',
  '免办办事指引',
)
const MEASURES = chunk(
  14,
  '六、浦东新区的特别举措',
  '六、浦东新区的特别举措\n浦东发布规定，明确了具体免办情形、申请人情况核实和延期申请条件，申请免办的企业情况各不相同，可以按需申请延期。',
  '免办办事指引',
)
const EXEMPTION = [MEASURES, CASES_LISTED, CASES_CHECKED]
const exemptionVocabulary = createVocabulary(EXEMPTION.map((item) => `${item.title} ${item.section} ${item.content}`))
const askAbout = (text: string, candidates: ScoredChunk[], words = exemptionVocabulary) =>
  composeExtractiveAnswer(
    prepareQuestion(text, { glossary: { groups: [], english: [] }, vocabulary: words }),
    candidates,
  )

describe('composeExtractiveAnswer quotes the part that answers', () => {
  it('leads a fact question with the sentence stating it, not one repeating the section’s own words', () => {
    const words = createVocabulary([GOALS, ...CHUNKS].map((item) => `${item.title} ${item.section} ${item.content}`))
    const result = askAbout('纲要对制造业质量竞争力指数定的目标是多少？', [GOALS], words)
    if (!result.grounded) throw new Error('expected an answer')
    // "目标" is in the section's name already; the number is what the question adds.
    expect(result.answer.startsWith('制造业质量竞争力指数要达到86')).toBe(true)
    expect(GOALS.content).toContain(result.citations[0]?.quote)
  })

  it('leads a date question about a person with the sentence of the event asked, not the first dated one', () => {
    // The title names the person; most sentences name him too, and each has a date.
    const life = {
      ...chunk(
        16,
        '李守仁',
        '李守仁，字静之，祖籍江南。万历五年，李守仁考中进士，先后在翰林院和礼部任职。万历十一年二月，李守仁在京城成婚，妻子是同乡王氏。万历三十年，他辞官回乡，在家乡开设书院讲学，直到天启二年去世。',
        '李守仁',
      ),
      docId: 'scholar-li',
    }
    const words = createVocabulary([life, ...CHUNKS].map((item) => `${item.title} ${item.section} ${item.content}`))
    const result = askAbout('李守仁是在哪一年去世的？', [life], words)
    if (!result.grounded) throw new Error('expected an answer')
    expect(result.answer.startsWith('万历三十年，他辞官回乡，在家乡开设书院讲学，直到天启二年去世。')).toBe(true)
    expect(life.content).toContain(result.citations[0]?.quote)
  })

  it('answers a list question from the section that lists them, with its sibling section’s list', () => {
    // The measures section names more of the question's words; the headings say where the cases are listed.
    const result = askAbout('哪几种情况下可以申请免办？', EXEMPTION)
    if (!result.grounded) throw new Error('expected an answer')
    expect(result.citations.map((citation) => citation.chunkId)).toEqual([CASES_LISTED.id, CASES_CHECKED.id])
    expect(result.answer).toContain('1. 科研、测试需要的产品；\n2. 直接用于最终用户维修的产品；')
    expect(result.answer).toContain('- **（二）审核时掌握的条件**：')
    for (const citation of result.citations)
      expect(EXEMPTION.find((item) => item.id === citation.chunkId)?.content).toContain(citation.quote)
  })

  it('lists a gathered plan item by what its body says, not its own heading again', () => {
    // A plan's items as ingest keeps them: the numbered title runs on into the body on one line.
    const plan = (id: number, heading: string, body: string) =>
      chunk(id, `三、活动内容 > （三）质量提升 > ${heading}`, `${heading}。${body}`, '质量月活动方案')
    const items = [
      plan(20, '13．推进首席质量官任职培训', '组织园区企业开展首席质量官任职培训，举行颁证仪式。'),
      plan(21, '5．开展质量宣传活动', '举行质量大讲堂活动，发动企业开展升旗仪式、质量知识竞赛、质量管理培训等活动。'),
      plan(22, '14．开展重点企业质量安全培训', '组织对区内生产企业开展政策培训，重点宣贯75号、76号令。'),
    ]
    const words = createVocabulary(items.map((item) => `${item.title} ${item.section} ${item.content}`))
    const result = askAbout('质量月都有哪些培训', items, words)
    if (!result.grounded) throw new Error('expected an answer')
    expect(result.citations.map((citation) => citation.chunkId).sort()).toEqual([20, 21, 22])
    expect(result.answer).toContain('政策培训')
    expect(result.answer).not.toContain('**14．开展重点企业质量安全培训**：14．')
    for (const citation of result.citations)
      expect(items.find((item) => item.id === citation.chunkId)?.content).toContain(citation.quote)
  })

  it('says how many items of a long list it leaves out', () => {
    const items = Array.from(
      { length: 12 },
      (_, n) => `${n + 1}. 第${n + 1}类情形：${'产品用于科研测试并按申报用途使用，'.repeat(3)}`,
    )
    const long = chunk(15, '三、哪些情形可以申请免办', `三、哪些情形可以申请免办\n${items.join('\n')}`, '免办办事指引')
    const words = createVocabulary([`${long.title} ${long.section} ${long.content}`])
    const result = askAbout('哪些情形可以申请免办？', [long], words)
    if (!result.grounded) throw new Error('expected an answer')
    const shown = items.filter((item) => result.answer.includes(item)).length
    expect(shown).toBeGreaterThan(1)
    expect(shown).toBeLessThan(items.length)
    expect(result.answer).toContain(`还有 ${items.length - shown} 项未列出`)
  })
})

describe('composeExtractiveAnswer weighs the subject of an ask over the generic word for it', () => {
  const order = ofDocument('order', '生产单位质量安全主体责任规定')
  const DUTIES = order(
    21,
    '第三条 人员配备',
    '第三条 人员配备\n生产单位须配备质量安全员。质量安全员依照岗位职责，协助主要负责人开展质量安全管理工作。',
  )
  const SCOPE = order(
    22,
    '第二条 适用范围',
    '第二条 适用范围\n本规定适用于有强制性国家标准要求的产品的生产单位，以及其主要负责人、质量安全员的履职活动。',
  )

  it('answers "对质量安全员有什么要求" from the article on the 质量安全员, not the one that says 要求', () => {
    const words = createVocabulary(
      [DUTIES, SCOPE, ...CHUNKS].map((item) => `${item.title} ${item.section} ${item.content}`),
    )
    const result = askAbout('生产单位对质量安全员有什么要求？', [DUTIES, SCOPE], words)
    if (!result.grounded) throw new Error('expected an answer')
    expect(result.citations[0]?.chunkId).toBe(DUTIES.id)
    expect(result.answer).toContain('生产单位须配备质量安全员')
  })

  it('takes an item labelled by what the question asks (超期后果) as a section headed so', () => {
    // Twins but for one item's label; the one without the consequence label is found first.
    const twin = (id: number, label: string) =>
      chunk(id, '四、获证以后', `四、获证以后\n- 年度监督审核：每12个月一次。\n- ${label}：超过间隔的，证书必须暂停。`)
    const [plain, labelled] = [twin(7, '超期情形'), twin(8, '超期后果')]
    const words = createVocabulary([plain, labelled].map((item) => `${item.title} ${item.section} ${item.content}`))
    const result = askAbout('年度监督审核没按时做，证书会怎么样', [plain, labelled], words)
    if (!result.grounded) throw new Error('expected an answer')
    expect(result.citations[0]?.chunkId).toBe(labelled.id)
  })

  it('does not answer from a passage that leaves out what the question is about, though it says its other words', () => {
    // The garden's passage is found first and names 颐和园, but not 叫 or 名字; the typhoon passage, found
    // later, says both.
    const garden = ofDocument('district', '海淀区')(
      31,
      '海淀区',
      '海淀区\n清漪园后由慈禧太后挪用海军经费重建，1888年改名颐和园。区内还有圆明园遗址和香山公园。',
    )
    const typhoons = {
      ...ofDocument('typhoon', '台风')(
        32,
        '台风',
        '台风\n台风的名字由亚太地区十四个国家和地区共同提供。造成严重灾害的台风，它的名字会被永久除名，这种台风也叫退役台风。',
      ),
      score: 0.001,
      lexicalRank: 40,
      vectorRank: 40,
    }
    const words = createVocabulary([garden, typhoons].map((item) => `${item.title} ${item.section} ${item.content}`))
    const result = askAbout('颐和园叫什么名字', [garden, typhoons], words)
    expect(result.grounded && result.citations[0]?.docId).not.toBe('typhoon')
  })
})

describe('composeExtractiveAnswer leads with the sentence on what the asker asks, not on where they stand', () => {
  const guide = ofDocument('certification', '质量管理体系认证办事指引')
  const STEPS_OF_CERTIFICATION = guide(
    31,
    '三、中小企业获证的一般步骤',
    '三、中小企业获证的一般步骤\n以下是常见的做法。\n1. 领导重视：最高管理者作出承诺，指定体系负责人。\n2. 建立体系：编写必要的体系文件，开展全员培训。\n3. 第二阶段审核：审核组到企业现场，通过访谈、查阅记录等方式收集证据。\n4. 认证决定：认证机构作出认证决定并颁发证书。',
  )
  const words = createVocabulary(
    [STEPS_OF_CERTIFICATION, ...CHUNKS].map((item) => `${item.title} ${item.section} ${item.content}`),
  )
  const glossary = { groups: [['主要负责人', '老板', '最高管理者']], english: [] }
  const lead = (text: string) => {
    const result = composeExtractiveAnswer(prepareQuestion(text, { glossary, vocabulary: words }), [
      STEPS_OF_CERTIFICATION,
    ])
    if (!result.grounded) throw new Error(`expected an answer, refused: ${result.reason}`)
    expect(STEPS_OF_CERTIFICATION.content).toContain(result.citations[0]?.quote)
    return result.answer.split('\n')[0]
  }

  it('does not lead with the sentence saying 厂里 (企业现场) when the clause that asks names the asker’s part', () => {
    expect(lead('厂里要搞质量管理体系认证，我当老板的自己要做些什么')).toContain('最高管理者作出承诺')
  })

  it('still weighs the told clause when the ask names no part of the asker’s own', () => {
    expect(lead('审核组到企业现场以后，要看些什么')).toContain('审核组到企业现场')
  })
})
