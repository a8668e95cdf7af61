import { describe, expect, it } from 'vitest'
import { completeQuestion } from '../../src/query/complete-question.ts'
import { prepareQuestion } from '../../src/query/prepare-question.ts'
import { createVocabulary } from '../../src/retrieval/vocabulary.ts'
import type { Glossary } from '../../src/text/glossary.ts'

const glossary: Glossary = { groups: [['强制检定', '强检', '年检']], english: [] }
const vocabulary = createVocabulary(['电子秤强制检定周期为一年，不收费', '76号令适用于销售单位'])
const context = { glossary, vocabulary }

describe('completeQuestion', () => {
  it('puts the subject before a follow-up and keeps what the follow-up asks', () => {
    const followUp = prepareQuestion('要交钱吗？', context)
    const completed = completeQuestion(followUp, ['电子秤', '年检'], context, 'before')
    expect(completed.text).toBe('电子秤 年检 要交钱吗？')
    expect(completed.concepts.map((concept) => concept.word)).toEqual(
      expect.arrayContaining(['电子秤', '年检', ...followUp.concepts.map((concept) => concept.word)]),
    )
    expect(completed.expansions).toEqual(expect.arrayContaining(['强制检定']))
    expect(completed.answerTypes.map((type) => type.name)).toEqual(['amount'])
    expect(completed.leansOnContext).toBe(false)
  })

  it('asks the last question again after a new matter named alone', () => {
    const other = prepareQuestion('那76号令呢？', context)
    const completed = completeQuestion(other, ['适用', '哪些', '企业'], context, 'after')
    expect(completed.text).toBe('那76号令呢？ 适用 哪些 企业')
    expect(completed.orderNumbers).toEqual([76])
    expect(completed.shape).toBe('list')
  })

  it('leaves a question without words to add as it is', () => {
    const question = prepareQuestion('电子秤多久检一次', context)
    expect(completeQuestion(question, [], context, 'before')).toBe(question)
  })
})
