import { describe, expect, it } from 'vitest'
import { createVocabulary } from '../../src/retrieval/vocabulary.ts'

describe('the store’s vocabulary', () => {
  const vocabulary = createVocabulary(
    ['电子秤检定周期为一年', '投诉人的姓名、电话号码'],
    ['scales', 'complaints'],
    ['2023年浦东新区“质量月”活动方案', '消费投诉与违法举报（12315）办事指引'],
  )

  it('counts the passages that say a word, and tells which document says it', () => {
    expect(vocabulary.documentFrequency('电话')).toBe(1)
    expect(vocabulary.documentSays('complaints', '电话')).toBe(true)
    expect(vocabulary.documentSays('scales', '电话')).toBe(false)
  })

  it('knows the matters the titles name, quotes and spaces aside', () => {
    // The title quotes 质量月: a question's 质量月活动方案 is the plan all the same.
    expect(vocabulary.titleSays('质量月活动方案')).toBe(true)
    expect(vocabulary.titleSays('投诉')).toBe(true)
    expect(vocabulary.titleSays('签证')).toBe(false)
    expect(vocabulary.titleSays('')).toBe(false)
  })
})
