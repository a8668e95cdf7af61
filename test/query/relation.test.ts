import { describe, expect, it } from 'vitest'
import { relationOf, tiesRelation } from '../../src/query/relation.ts'

// No concepts: each thing is read as the asker's own last words of its span, as for a word the store lacks.
describe('relationOf / tiesRelation', () => {
  it('reads the two things of a relation asked, framed as its answer or not', () => {
    expect(relationOf('上海方案里把质量说成是上海的什么', [])).toEqual({ terms: [['质量'], ['上海']], framed: true })
    expect(relationOf('总监跟负责人是啥关系', [])).toEqual({ terms: [['总监'], ['负责人']], framed: false })
    expect(relationOf('总监和负责人之间关系是啥', [])).toEqual({ terms: [['总监'], ['负责人']], framed: false })
    expect(relationOf('总监要做什么', [])).toBeNull()
  })

  it('takes a sentence tying the two, not one listing them side by side', () => {
    const pair = { terms: [['总监'], ['负责人']] as [string[], string[]], framed: false }
    expect(tiesRelation(pair, '总监和安全员依照各自职责,协助负责人开展工作')).toBe(true)
    expect(tiesRelation(pair, '把负责人、总监、安全员的职责写明确')).toBe(false)
  })

  it('takes for a framed relation only the sentence saying "A是B的"', () => {
    const framed = { terms: [['质量'], ['上海']] as [string[], string[]], framed: true }
    expect(tiesRelation(framed, '把“质量是上海的生命”作为基本遵循')).toBe(true)
    expect(tiesRelation(framed, '有关质量强国建设的部署、加快把上海建成质量强市')).toBe(false)
  })
})
