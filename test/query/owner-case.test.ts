import { describe, expect, it } from 'vitest'
import { coverageOfFolded } from '../../src/answer/evidence.ts'
import { questionsOver } from '../support/questions.ts'

const { prepare, wordsWhere } = questionsOver(
  [
    ['免予办理', '免办', '3c免办', '免3c'],
    ['需要准备哪些材料', '准备什么材料', '哪些材料'],
    ['怎样申请', '怎么申请', '去哪申请'],
    ['生产许可证', '工业产品生产许可证'],
  ],
  ['申请人向所在地市场监管部门提出免办申请，提交责任担保书等材料', '工厂生产线配套需要的设备可以申请免办'],
)
const caseWords = (text: string) => wordsWhere(text, (concept) => concept.optional)

describe("an owner's case told before an open ask about an errand", () => {
  it('is what no passage need say, while the ask is', () => {
    const told = caseWords('厂里要从德国进一套生产线上配的设备，申请免3c得准备啥材料')
    expect(told).toEqual(expect.arrayContaining(['生产线', '设备']))
    expect(told).not.toContain('免3c')
    expect(told).not.toContain('材料')
  })

  it('is judged by a yes/no ask: its words the documents use are optional, and the passage must say one', () => {
    const question = prepare('厂里进了一套生产线上配的设备，这种能申请免办吗')
    const judged = question.concepts.filter((concept) => concept.judged).map((concept) => concept.word)
    expect(judged).toEqual(expect.arrayContaining(['生产线', '设备']))
    expect(caseWords('厂里进了一套生产线上配的设备，这种能申请免办吗')).toEqual(expect.arrayContaining(judged))
    // A thing the documents never name is no case their scope judges: it stays asked.
    const forklift = prepare('公司新买了几台叉车，这种能申请免办吗').concepts.find((concept) => concept.word === '叉车')
    expect(forklift).toMatchObject({ optional: false, judged: false })
    // "调几个原厂电机过来" tells how many before the yes/no ask; it does not ask.
    expect(caseWords('厂里要从德国调几个生产线上配的设备过来，这种能申请免办吗')).toContain('设备')
  })

  it('is what is asked when the ask names no errand, or the case names one', () => {
    // The ask names no errand: the case is the errand.
    expect(caseWords('厂里的锅炉要年检，去哪申请')).toEqual([])
    // The case names the bureau's matter itself.
    expect(caseWords('厂里要办免办，老板要准备什么')).toEqual([])
    // A consumer's story is no owner's case.
    expect(caseWords('我妈在超市买了台电器，免办要准备什么材料')).toEqual([])
  })

  it('keeps counts asked: how many is what a rule on size judges', () => {
    const told = caseWords('我们厂总共二十来个人，做的是生产线设备，免办要准备什么材料')
    expect(told.some((word) => /二十/.test(word))).toBe(false)
  })

  it('weighs in coverage only where the passage says it', () => {
    const question = prepare('厂里要从德国进一套生产线上配的设备，申请免3c得准备啥材料')
    const materials = '申请人向所在地市场监管部门提出免办申请，提交责任担保书等材料'
    const asked = question.concepts.filter((concept) => !concept.optional)
    // The passage on the materials says none of the case: it covers the question as much as the ask alone.
    expect(coverageOfFolded(question.concepts, materials)).toBeCloseTo(coverageOfFolded(asked, materials))
    const strict = question.concepts.map((concept) => ({ ...concept, optional: false }))
    expect(coverageOfFolded(question.concepts, materials)).toBeGreaterThan(coverageOfFolded(strict, materials))
  })

  it("is the trade told before an ask about the orders' duties, even naming a licence; the roles stay asked", () => {
    // 第二条 judges the unit by its kind, never by the goods: the cables and the licence are the case.
    const told = caseWords('我们厂做电线电缆，有生产许可证的，按75号令要配哪些人')
    expect(told).toEqual(expect.arrayContaining(['电线电缆', '生产许可证']))
    expect(told).not.toContain('75号令')
    // The holder of a role tells it: the role is still what is asked of.
    expect(caseWords('我是门店的质量安全员，发现一批插线板有安全隐患，按规定我该做什么')).not.toContain('质量安全员')
    // A phone's space before the order's number is a comma: the case ends there.
    expect(caseWords('我家是做光伏电缆的小厂 有许可证 75号令说要配啥人啊')).toContain('许可证')
    // Without the orders the licence the case names is still what is asked about.
    expect(caseWords('厂里有生产许可证，免办要准备什么材料')).toEqual([])
  })
})
