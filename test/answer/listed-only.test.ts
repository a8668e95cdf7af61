import { describe, expect, it } from 'vitest'
import { composeExtractiveAnswer } from '../../src/answer/extractive.ts'
import { saysMatterOnlyInLists } from '../../src/answer/listed-only.ts'
import { prepareQuestion } from '../../src/query/prepare-question.ts'
import { createVocabulary } from '../../src/retrieval/vocabulary.ts'
import { scoredChunk } from '../support/chunks.ts'

const chunk = (id: number, section: string, content: string) => scoredChunk(id, section, content, '质量月活动方案')

// Shaped like the Quality Month plan's items: a campaign whose body lists the places it reaches, the line broken in a word.
const CANTEENS = chunk(
  1,
  '18．开展集中用餐单位食品安全问题专项整治行动',
  '18．开展集中用餐单位食品安全问题专项整治行动\n督促学校、托幼机构、医院、养老\n 院、机关等集中用餐单位落实主体责任，全面提升集中用餐单位食品安全水平。',
)
const POSTERS = chunk(
  2,
  '2．广泛开展质量公益宣传活动',
  '2．广泛开展质量公益宣传活动\n在街镇、园区、企业、商场、地铁等场所张贴质量月宣传海报。',
)
// A sentence whose two-item list is what it is about.
const SHORT_WEIGHT = chunk(
  3,
  '七、商户自查清单',
  '七、商户自查清单\n消费者发现短斤缺两、作弊秤等问题，可以通过12315举报。',
)
// A list with no 等 after it is what its sentence is about.
const REDRESS = chunk(4, '一、投诉和举报有什么区别', '一、投诉和举报有什么区别\n要求商家退货、退款、赔偿，属于投诉。')
const CHUNKS = [CANTEENS, POSTERS, SHORT_WEIGHT, REDRESS]
// 养老院 is a word of the documents elsewhere, unbroken.
const vocabulary = createVocabulary([
  ...CHUNKS.map((item) => `${item.title} ${item.section} ${item.content}`),
  '养老院',
])
const prepare = (text: string) => prepareQuestion(text, { glossary: { groups: [], english: [] }, vocabulary })

describe('a passage that names the matter asked only in a list of places it reaches', () => {
  it('does not answer "which hospital is good" from a canteen campaign listing hospitals', () => {
    expect(saysMatterOnlyInLists(prepare('浦东看牙哪家医院比较好'), CANTEENS)).toBe(true)
    const result = composeExtractiveAnswer(prepare('浦东哪家医院比较好'), [CANTEENS])
    expect(result).toMatchObject({ grounded: false, reason: 'listed-only' })
  })

  it('reads a word the line broke (养老\\n 院) as listed too', () => {
    expect(saysMatterOnlyInLists(prepare('哪家养老院条件好'), CANTEENS)).toBe(true)
  })

  it('leaves a question that shares a word the passage speaks of outside its lists', () => {
    expect(saysMatterOnlyInLists(prepare('质量月的宣传海报贴在商场吗'), POSTERS)).toBe(false)
    expect(saysMatterOnlyInLists(prepare('医院食堂的食品安全有专项整治吗'), CANTEENS)).toBe(false)
  })

  it('leaves a two-item list, which may be what the sentence is about', () => {
    expect(saysMatterOnlyInLists(prepare('遇到作弊秤怎么办'), SHORT_WEIGHT)).toBe(false)
  })

  it('leaves a list that is what its sentence is about, not examples of something else (no 等)', () => {
    expect(saysMatterOnlyInLists(prepare('商家不给退货怎么办'), REDRESS)).toBe(false)
  })
})
