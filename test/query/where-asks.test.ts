import { describe, expect, it } from 'vitest'
import { outcomeAsked } from '../../src/answer/outcome.ts'
import { unsaidAspect } from '../../src/answer/unsaid-aspect.ts'
import { answerTypesOf, givesAnswerTypes } from '../../src/query/answer-types.ts'
import { askingClausesOf } from '../../src/query/asking-clauses.ts'
import { asksUnnamedJurisdiction } from '../../src/query/recourse.ts'
import { tiesRelation } from '../../src/query/relation.ts'
import { foldQuestion } from '../../src/text/typos.ts'
import { scoredChunk } from '../support/chunks.ts'
import { questionsOver } from '../support/questions.ts'

// Where, how long and why asked after a story: the story's words are the asker's case, not what is asked.
const { prepare } = questionsOver(
  [
    ['免予办理', '免办', '3c免办'],
    ['归哪里管', '哪里的市场监管'],
  ],
  [
    '免予办理强制性产品认证的申请人向所在地市场监管部门提出申请，获批后可在系统中查看证明',
    '秤送去检定，检定周期为一年',
    '线下消费投诉由被投诉经营者实际经营地或者住所地的县级市场监管部门处理',
  ],
)
const typeNames = (text: string) => answerTypesOf(foldQuestion(text)).map((type) => type.name)
// Whether a sentence gives every kind of fact the question asks for.
const gives = (question: string, sentence: string) => givesAnswerTypes(answerTypesOf(foldQuestion(question)), sentence)
const passage = (content: string) => scoredChunk(1, '五、监管部门的处理时限', content, '消费投诉与违法举报办事指引')

describe('a story told before a where, how-long or why ask', () => {
  it('reads 好几 as many told, not a count asked', () => {
    expect(askingClausesOf(foldQuestion('以前免办都是找海关 我们公司好几年没办了 现在要去哪里申请'))).toEqual([
      '现在要去哪里申请',
    ])
    expect(typeNames('我们公司好几年没办了 现在要去哪里申请')).toEqual([])
    // Time gone by still asks years: the three-year limit judges it.
    expect(typeNames('过了好几年了还能投诉吗')).toEqual(['years'])
  })

  it('takes getting what the decision issues as the decision, not an event of its own', () => {
    expect(outcomeAsked(prepare('客户催着要货，3c免办递上去大概多久能拿到证明'))).toEqual([])
    expect(outcomeAsked(prepare('秤送去检定多久能拿回来')).length).toBeGreaterThan(0)
  })

  it('reads a part of the day as a time of day given', () => {
    expect(gives('食安360那个节目一般几点钟播啊', '电视宣传节目（每周三、五晚）')).toBe(true)
    expect(gives('食安360那个节目一般几点钟播啊', '每周开展一次宣传')).toBe(false)
  })

  it('reads a number of pieces or firms asked as given by a number in that measure', () => {
    expect(gives('维修用零件申请免办一次最多能报多少件', '维修类一般由维修单位申请且数量要合理')).toBe(false)
    expect(gives('维修用零件申请免办一次最多能报多少件', '每次不超过20件')).toBe(true)
    expect(gives('高新技术企业要发展到多少家', '全市高新技术企业数量突破2.6万家')).toBe(true)
    expect(gives('高新技术企业要发展到多少家', '培育了两批试点')).toBe(false)
    // Bodies are counted by 个 as well.
    expect(gives('多少家单位联合发的', '18个部门印发')).toBe(true)
    // "这几年" is a time told, not a length asked.
    expect(typeNames('浦东这几年一共发了多少张3C免办的证')).toEqual(['count'])
    expect(typeNames('证书有效期几年')).toContain('years')
    // 几台 told in a story asks no count.
    expect(typeNames('我们公司要进口几台打印机做软件测试 要不要办3C')).toEqual([])
  })

  it('reads an address or a number asked to be sent as asked, not a call told', () => {
    expect(typeNames('那具体是杭州哪个区局？地址电话发我一下')).toEqual(['phone', 'address'])
    expect(typeNames('投诉受理以后工作人员会打电话给我吗')).toEqual([])
  })

  it('reads a fine asked as given by a sum fined, not by any sum', () => {
    expect(gives('买了假证被查到会被罚多少钱', '支付3000元就拿到一张电子版证书')).toBe(false)
    expect(gives('买了假证被查到会被罚多少钱', '责令停止使用，可以并处1000元以下罚款')).toBe(true)
  })

  it('reads a day asked as given by a month or a day, not by a year alone', () => {
    expect(gives('质量月那个主题活动是哪天在哪开的', '发布 2023 年浦东新区质量发展扶持项目名单')).toBe(false)
    expect(gives('质量月那个主题活动是哪天在哪开的', '定于 2023 年 9 月联合开展')).toBe(true)
    // A year asked is still given by a year; 几号表 asks no day.
    expect(gives('这个活动是哪年开始的', '2019年开始')).toBe(true)
    expect(typeNames('投诉要填的那个表是几号表')).toEqual([])
  })

  it("reads a buyer's which-bureau ask as the complaint's jurisdiction", () => {
    expect(asksUnnamedJurisdiction(foldQuestion('网上买的吹风机用两次就坏了 这种归哪边管'))).toBe(true)
    expect(asksUnnamedJurisdiction(foldQuestion('网上买的羽绒服充绒量跟写的不一样 这种归哪里管'))).toBe(true)
    expect(asksUnnamedJurisdiction(foldQuestion('在张江一家健身房办的年卡 店突然关门了 该找哪里的市场监管'))).toBe(true)
    // No buyer: an elevator that keeps failing is no complaint the guide's jurisdiction covers.
    expect(asksUnnamedJurisdiction(foldQuestion('小区电梯老是坏 这种归哪里管'))).toBe(false)
    // The body in charge of an errand is asked, not where a buyer's case is handled.
    expect(asksUnnamedJurisdiction(foldQuestion('厂里新买了几台进口设备 听说要办免办 这事归哪个部门管'))).toBe(false)
    const jacket = prepare('网上买的羽绒服充绒量跟写的不一样 这种归哪里管')
    expect(jacket.concepts.find((concept) => concept.word === '羽绒服')?.scene).toBe(true)
    expect(jacket.concepts.some((concept) => concept.word === '投诉')).toBe(true)
  })

  it('answers why only from a passage that lists the cases leading to the outcome', () => {
    const why = prepare('投诉交上去一个礼拜 回复说不予受理 一般是啥原因')
    expect(unsaidAspect(why, passage('有下列情形之一的，市场监管部门不予受理投诉'))).toBeUndefined()
    expect(unsaidAspect(why, passage('收到投诉之日起7个工作日内作出受理或不予受理的决定'))).toBe('reason')
    expect(unsaidAspect(why, passage('一方不参加调解等情形，也会导致调解终止'))).toBeUndefined()
  })
})

describe('what to get ready for a date told', () => {
  it('asks the steps due before it, not materials to hand in', () => {
    expect(typeNames('我们的9001证书明年三月到期，现在该准备什么')).toEqual([])
    expect(typeNames('投诉要准备什么')).toEqual(['materials'])
    expect(typeNames('申请免办需要准备哪些材料')).toEqual(['materials'])
  })
})

describe('two names of one thing, asked whether one counts as the other', () => {
  const { prepare: ask } = questionsOver(
    [['质量管理体系认证', 'iso9001', 'iso 9001', 'gb/t 19001', 'gb/t19001']],
    ['国家标准gb/t 19001-2016等同采用国际标准iso 9001:2015，指的是同一套要求'],
  )

  it('asks how the two names stand, answered by the sentence tying them', () => {
    const relation = ask('客户点名要ISO9001，我们拿的是GB/T19001的证书，算数吗').relation
    expect(relation).not.toBeNull()
    if (!relation) return
    expect(tiesRelation(relation, 'gb/t 19001-2016《质量管理体系 要求》，等同采用国际标准iso 9001:2015')).toBe(true)
    expect(tiesRelation(relation, '质量管理体系认证就是对企业按gb/t 19001建立的体系进行审核')).toBe(false)
  })

  it('asks none when only one name is used', () => {
    expect(ask('拿证一年多了一直没做监督审核，iso9001证书还算数吗').relation).toBeNull()
  })
})

describe('a report made, told after the case it was about', () => {
  it('reads the case told before it as the story, not the matter asked', () => {
    const { prepare: ask } = questionsOver(
      [],
      ['举报核查、决定是否立案：收到材料之日起15个工作日内核查并决定是否立案', '实名举报的'],
    )
    const asked = ask('小区门口的作坊在卖没标签的散装酱油 我实名举报了 大概多少天能知道立没立案')
    const scene = (word: string) => asked.concepts.find((concept) => concept.word === word)?.scene
    expect(scene('酱油')).toBe(true)
    expect(scene('立案')).toBe(false)
  })
})
