import { describe, expect, it } from 'vitest'
import { composeExtractiveAnswer } from '../../src/answer/extractive.ts'
import { unnamedAudienceOf } from '../../src/answer/unnamed-audience.ts'
import { prepareQuestion } from '../../src/query/prepare-question.ts'
import { createVocabulary } from '../../src/retrieval/vocabulary.ts'
import { scoredChunk } from '../support/chunks.ts'

// Shaped like the Quality Month plan's items for everyone and for a kind it names.
const EXPERIENCE = scoredChunk(
  1,
  '24．组织开展人民群众质量体验活动',
  '24．组织开展人民群众质量体验活动\n开展质量小侦探等形式多样的市民质量体验活动，推进质量知识进社区、进校区，举办质量讲座。',
  '质量月活动方案',
)
const CEO_CLASS = scoredChunk(
  2,
  '12．举办浦东新区企业总裁知识产权高级研修班',
  '12．举办浦东新区企业总裁知识产权高级研修班\n组织举办企业总裁高级研修班，通过集中授课等方式提升管理水平。',
  '质量月活动方案',
)
const vocabulary = createVocabulary(
  [EXPERIENCE, CEO_CLASS].map((item) => `${item.title} ${item.section} ${item.content}`),
)
const prepare = (text: string) => prepareQuestion(text, { glossary: { groups: [], english: [] }, vocabulary })

describe('an activity asked as held for a kind of person no document names', () => {
  it('is refused: the activities for everyone do not answer it', () => {
    expect(unnamedAudienceOf(prepare('质量月有哪些专门给老年人办的讲座'))).toBe('老年人')
    // jieba cuts 快递员 into 快递 and 员: the word as the clause says it names a person.
    expect(unnamedAudienceOf(prepare('质量月有给我们快递员搞的活动没'))).toBeDefined()
    const result = composeExtractiveAnswer(prepare('质量月有哪些专门给老年人办的讲座'), [EXPERIENCE, CEO_CLASS])
    expect(result).toMatchObject({ grounded: false, reason: 'unnamed-audience' })
  })

  it('leaves a kind the plan names, and one asked only as who may join', () => {
    expect(unnamedAudienceOf(prepare('质量月有没有专门给总裁开的班'))).toBeUndefined()
    expect(unnamedAudienceOf(prepare('大学生能参加质量体验活动吗'))).toBeUndefined()
    const result = composeExtractiveAnswer(prepare('质量月有没有专门给总裁开的研修班'), [CEO_CLASS, EXPERIENCE])
    expect(result.grounded).toBe(true)
  })
})
