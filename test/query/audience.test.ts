import { describe, expect, it } from 'vitest'
import { coverageOfFolded } from '../../src/answer/evidence.ts'
import { composeExtractiveAnswer } from '../../src/answer/extractive.ts'
import { prepareQuestion } from '../../src/query/prepare-question.ts'
import { createVocabulary } from '../../src/retrieval/vocabulary.ts'
import type { Glossary } from '../../src/text/glossary.ts'
import { scoredChunk } from '../support/chunks.ts'

const glossary: Glossary = { groups: [['质量月', '质量月活动']], english: [] }
// Items of the Quality Month plan, in its own words for whom they are.
const openDay = '质量月 组织开展质量开放日活动，通过现场参观等形式，向广大企业和市民群众展示先进质量管理模式'
const experience = '质量月 开展质量小侦探等市民质量体验活动，推进质量知识进社区、进校区'
const ceoClass = '质量月活动 举办浦东新区企业总裁知识产权高级研修班'
const vocabulary = createVocabulary([openDay, experience, ceoClass, '居民 老板 孩子 参加 去 活动'])
const prepare = (text: string) => prepareQuestion(text, { glossary, vocabulary })
const coverageOf = (question: string, passage: string) => coverageOfFolded(prepare(question).concepts, passage)

describe('a kind of person asked as who may take part', () => {
  it("is said by the plan's word for that audience", () => {
    expect(coverageOf('我退休在家，质量月有没有我们居民能去的，有哪些', openDay)).toBe(1)
    expect(coverageOf('企业老板能参加质量月哪些活动', ceoClass)).toBe(1)
    expect(coverageOf('质量月有没有适合带孩子去参加的', experience)).toBe(1)
  })

  it('asks for every such activity', () => {
    expect(prepare('质量月有没有适合带孩子去参加的').shape).toBe('list')
    expect(prepare('质量月有小朋友能玩的活动不').shape).toBe('list')
  })

  it('tells who the child is in a clause before the ask, which no passage need say', () => {
    const told = prepare('家里娃上小学三年级，质量月有小朋友能玩的活动不')
      .concepts.filter((concept) => concept.filler)
      .map((concept) => concept.word)
    expect(told).toEqual(expect.arrayContaining(['家里', '三年级']))
    expect(told).not.toContain('小朋友')
  })

  it('keeps its own sense for an activity only for that kind, or when nothing is joined', () => {
    // "专门给老年人办的讲座": only naming the kind itself says an activity is for them alone.
    expect(coverageOf('质量月有没有专门给居民办的讲座', openDay)).toBeLessThan(1)
    // One held for a kind the plan names exactly is said by that name: 总裁…研修班.
    expect(coverageOf('质量月有没有专门给总经理办的活动', ceoClass)).toBe(1)
    // A 老板 complained about is no audience.
    const complaint = prepare('店里老板不给退货').concepts.find((concept) => concept.word === '老板')
    expect(complaint?.alternatives).toEqual(['老板'])
  })
})

describe('free teaching asked for', () => {
  const course = '质量月 推广中小企业质量提升公益培训——质量基础课程'
  const words = createVocabulary([course, '免费上门检定', '课 培训'])
  const ask = (text: string) => prepareQuestion(text, { glossary, vocabulary: words })

  it("is said by the plan's 公益培训", () => {
    expect(coverageOfFolded(ask('质量月有没有免费的培训').concepts, course)).toBe(1)
  })

  it('is answered by it: a 公益培训 is given at no charge', () => {
    const item = scoredChunk(1, '11．开展中小企业质量提升活动', course, '质量月活动方案')
    expect(composeExtractiveAnswer(ask('质量月有没有免费的培训'), [item]).grounded).toBe(true)
  })

  it('keeps 免费 of anything else', () => {
    const free = ask('上门检定免费吗').concepts.find((concept) => concept.word === '免费')
    expect(free?.alternatives).toEqual(['免费'])
  })
})

describe('a free service asked for', () => {
  const consult = '质量月 为中小微企业、个体工商户提供质量咨询、质量诊断、质量帮扶等专业服务'
  const openDayItem = '质量月 组织开展质量开放日活动，通过现场参观等形式展示先进质量管理模式'
  const words = createVocabulary([consult, openDayItem, '免费 咨询 帮忙'])
  const ask = (text: string) => prepareQuestion(text, { glossary, vocabulary: words })

  it("is said by the plan's words for the services it lays on", () => {
    expect(coverageOfFolded(ask('质量月有没有免费做质量咨询的').concepts, consult)).toBe(1)
  })

  it('is answered by the item offering it, and not by one offering nothing', () => {
    const item = (heading: string, text: string) => scoredChunk(1, heading, text, '质量月活动方案')
    const question = ask('质量月有没有免费做质量咨询的')
    expect(composeExtractiveAnswer(question, [item('23．一站式助企服务', consult)]).grounded).toBe(true)
    const free = ask('质量开放日免费吗')
    expect(composeExtractiveAnswer(free, [item('21．质量开放日', openDayItem)])).toMatchObject({
      grounded: false,
      reason: 'unsaid-aspect',
    })
  })
})
