import { describe, expect, it } from 'vitest'
import { coverageOfFolded } from '../../src/answer/evidence.ts'
import { prepareQuestion } from '../../src/query/prepare-question.ts'
import { createVocabulary } from '../../src/retrieval/vocabulary.ts'
import { paraphrasesOf } from '../../src/text/paraphrases.ts'

const REPAIR = '直接用于最终用户维修的产品'
const vocabulary = createVocabulary([REPAIR, '工厂生产线配套需要的设备'])

describe('everyday words said in writing', () => {
  it('reads a repair as a garage says it (修车) as the guide writes it (维修)', () => {
    expect(paraphrasesOf('修车')).toEqual(expect.arrayContaining(['维修']))
    const question = prepareQuestion('进口一批零件专门给客户修车用', {
      glossary: { groups: [], english: [] },
      vocabulary,
    })
    const repair = question.concepts.find((concept) => concept.word === '修车')
    expect(repair?.known).toBe(true)
    expect(coverageOfFolded([repair!], REPAIR)).toBe(1)
    expect(coverageOfFolded([repair!], '工厂生产线配套需要的设备')).toBe(0)
  })
})
