import { describe, expect, it } from 'vitest'
import { coverageOfFolded } from '../../src/answer/evidence.ts'
import { draggingOnOf } from '../../src/query/dragging-on.ts'
import { questionsOver } from '../support/questions.ts'

const limits = '投诉调解：自受理之日起45个工作日内双方仍未达成调解协议的，终止调解'
const { prepare, wordsWhere } = questionsOver(
  [
    ['投诉', '消费投诉'],
    ['商家', '经营者', '卖家'],
  ],
  [
    limits,
    '投诉是否受理：收到投诉之日起7个工作日内作出受理或不予受理的决定，没有结果的一直可以查询',
    '商家拖欠货款还会被耗上，下去看看，快递答复',
  ],
)
const fillers = (text: string) => wordsWhere(text, (concept) => concept.filler)

describe('a matter told dragging on', () => {
  it('takes the words of its dragging on for no matter, when a wait is told or its going on asked', () => {
    const told = fillers('调解都快两个多月了商家一直拖着不给答复，还会一直调下去吗')
    expect(told).toEqual(expect.arrayContaining(['一直', '拖', '还会', '快']))
    // Who the other side is judges none of the time limits.
    expect(told).toContain('商家')
    expect(told).not.toContain('调解')
    expect(fillers('调解老是没结果，过了多少天就不调了')).toEqual(expect.arrayContaining(['没', '结果']))
  })

  it('is nothing without a wait told or asked', () => {
    expect(draggingOnOf('商家一直不给退款，我能投诉吗')).toEqual([])
    expect(fillers('商家一直不给退款，我能投诉吗')).not.toContain('一直')
  })

  it('lets the passage on the time limits cover the question', () => {
    const question = prepare('调解都快两个多月了商家一直拖着不给答复，还会一直调下去吗')
    const strict = question.concepts.map((concept) => ({ ...concept, filler: false }))
    expect(coverageOfFolded(question.concepts, limits)).toBeGreaterThanOrEqual(0.5)
    expect(coverageOfFolded(strict, limits)).toBeLessThan(0.5)
  })
})
