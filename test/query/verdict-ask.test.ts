import { describe, expect, it } from 'vitest'
import { coverageOfFolded } from '../../src/answer/evidence.ts'
import { asksPenalty } from '../../src/query/answer-types.ts'
import { questionsOver } from '../support/questions.ts'

// The grounds for refusing a complaint state whether it is taken, never in the asker's 会怎么样 or 管不管.
const refused = '投诉人知道或应当知道自己权益受到侵害之日起已超过三年的，市场监管部门不予受理投诉'
const ways = '消费争议还可以通过协商和解、调解组织调解、申请仲裁、向人民法院起诉等方式解决'
const unrelated = '投诉时必须提供投诉人的姓名、电话号码、通讯地址，以及处理的经过'
const { prepare } = questionsOver(
  [
    ['投诉', '消费投诉'],
    ['后果', '会怎么样', '会咋样'],
    ['收费', '花钱', '收钱'],
    ['认证', '认证证书'],
    ['适用范围', '管不管'],
  ],
  [
    refused,
    ways,
    unrelated,
    '企业购买假证书同样会被处罚，认证证书收费以合同为准',
    // The ask's own words, which some other passage of the store says.
    '违规的后果：会怎么样，管不管，适用范围，只能按初次认证，四年，去，告知',
  ],
)
const covers = (question: string, passage: string) => coverageOfFolded(prepare(question).concepts, passage)

describe('a verdict asked in the asker’s words', () => {
  it('is said by the passage stating the outcome, not only by one saying 后果', () => {
    const question = '东西是四年前买的，现在才去投诉会怎么样'
    expect(covers(question, refused)).toBeGreaterThan(covers(question, unrelated))
  })

  it('reads 还管不管 after a complaint as whether it is taken', () => {
    const ask = prepare('冰箱坏了一直拖着没管，现在去投诉还管不管').concepts.find((concept) =>
      concept.word.endsWith('不管'),
    )
    expect(ask?.requested?.test(refused)).toBe(true)
    expect(ask?.requested?.test(unrelated)).toBe(false)
  })

  it('reads 是不是只能 as whether other ways are open', () => {
    expect(covers('调解没成，是不是只能去法院告了', ways)).toBeGreaterThan(
      covers('调解没成，是不是只能去法院告了', unrelated),
    )
  })

  it('leaves a time asked of the verdict to the time limits', () => {
    // "啥时候能告诉我受不受理": when it will be told, not whether it is taken.
    expect(
      prepare('昨天投诉了，啥时候能告诉我受不受理').concepts.find((c) => c.word.includes('受理'))?.requested ?? null,
    ).toBeNull()
  })

  it('takes the money of the story before it as told, not a fee asked', () => {
    expect(prepare('找中介花钱买了张假的认证证书，被查出来会怎么样').answerTypes).toEqual([])
    expect(prepare('买回来没多久就不制冷，现在去投诉还管不管').answerTypes).toEqual([])
    // Asked in its own clause, a sum still is.
    expect(prepare('做认证要花钱吗').answerTypes.map((type) => type.name)).toContain('amount')
  })

  it('reads 还给处理吗 as whether a complaint is taken, not a penalty asked', () => {
    expect(asksPenalty('电话地址都没填，这样会怎么样还给处理吗')).toBe(false)
    expect(asksPenalty('摊主把秤改过了，会被咋处理')).toBe(true)
  })

  it('asks nothing in the story before a verdict: the fee gate reads only the asking part', () => {
    const question = prepare('托人花钱买了张假的认证证书，被查出来会怎么样')
    expect(question.askingPart).not.toContain('花钱')
    expect(question.askingPart).toContain('会怎么样')
    // Asked outright, the same words ask for a fee.
    expect(prepare('买认证证书要花钱吗').askingPart).toContain('花钱')
  })
})
