import { describe, expect, it } from 'vitest'
import { namesDocument } from '../../src/answer/named-documents.ts'
import { prepareQuestion } from '../../src/query/prepare-question.ts'
import { createVocabulary } from '../../src/retrieval/vocabulary.ts'
import type { Glossary } from '../../src/text/glossary.ts'

const PLAN = '2023年浦东新区“质量月”活动方案'
const GUIDE = '小商户计量器具强制检定（电子秤“年检”）办事指引'
const vocabulary = createVocabulary([`${PLAN} 质量月 活动`, `${GUIDE} 电子秤 强制检定`])
const withMonth: Glossary = { groups: [['质量月', '质量月活动']], english: [] }
const without: Glossary = { groups: [], english: [] }

describe('namesDocument', () => {
  it('finds the question’s naming terms once per question and glossary, the same for every title asked of', () => {
    const question = prepareQuestion('质量月方案里有没有上门检电子秤', { glossary: withMonth, vocabulary })
    // Asked of many titles in a turn (every candidate, every passage): each answer is the title's own.
    for (let round = 0; round < 3; round += 1) {
      expect(namesDocument(question, PLAN, withMonth)).toBe(true)
      expect(namesDocument(question, '消费投诉与违法举报办事指引', withMonth)).toBe(false)
    }
    // A copy of the question with the same words (answerEachOrder's per-order copies) names the same documents.
    expect(namesDocument({ ...question, orderNumbers: [] }, PLAN, withMonth)).toBe(true)
  })

  it('takes a part of a longer word as a name only where the glossary it is asked with has that part', () => {
    // "年检费" is one word of the question; its part 年检 names the scale guide only as a glossary term. The same
    // question asked with either glossary, in either order, gets that glossary's answer.
    const question = prepareQuestion('年检费多少', { glossary: without, vocabulary })
    const withAnnual: Glossary = { groups: [['年检', '强制检定']], english: [] }
    expect(namesDocument(question, GUIDE, without)).toBe(false)
    expect(namesDocument(question, GUIDE, withAnnual)).toBe(true)
    expect(namesDocument(question, GUIDE, without)).toBe(false)
  })
})
