import { describe, expect, it } from 'vitest'
import { coverageOfFolded } from '../../src/answer/evidence.ts'
import { questionsOver } from '../support/questions.ts'

const consequence = '未按规定申请检定，或检定不合格仍继续使用：责令停止使用，可以并处1000元以下罚款，后果自负'
const { prepare, wordsWhere } = questionsOver(
  [
    ['计量器具', '电子秤', '秤'],
    ['投诉', '消费投诉'],
    ['后果', '会怎么样', '会咋样'],
  ],
  [
    consequence,
    '师傅上门维修电子秤，先用公平秤复核',
    '投诉人知道或应当知道自己权益受到侵害之日起已超过三年的，不予受理；打电话到12315',
  ],
)
const storyWords = (text: string) => wordsWhere(text, (concept) => concept.optional)

describe('a story told before an outcome ask', () => {
  it('is what no passage need say, while the state judged is asked', () => {
    const told = storyWords('水果店的秤上个月检定没过，师傅说要修，我这几天生意忙先凑合用着，会怎么样')
    expect(told).toEqual(expect.arrayContaining(['师傅', '修', '先']))
    // The clause naming the matter (秤…检定没过) is the state the guide judges.
    for (const word of ['秤', '检定', '没']) expect(told).not.toContain(word)
  })

  it('keeps when it happened and what was not done asked', () => {
    const told = storyWords('前年冬天商场买的羽绒服，当时懒得弄，现在才想起来要投诉，还能受理不')
    expect(told).toContain('商场')
    expect(told.some((word) => /前年|冬天/.test(word))).toBe(false)
    expect(told).not.toContain('投诉')
  })

  it('is nothing when the one clause told names the matter, or no outcome is asked', () => {
    // What happened after the complaint is what is asked about.
    expect(storyWords('投诉完那家店老板打电话来骂我还说要找人堵我，他这样会被怎么处理')).toEqual([])
    expect(storyWords('水果店的秤上个月检定没过，师傅说要修，去哪修')).toEqual([])
  })

  it('lets the passage stating the consequence cover the question without the story', () => {
    const question = prepare('水果店的秤上个月检定没过，师傅说要修，我这几天生意忙先凑合用着，会怎么样')
    const strict = question.concepts.map((concept) => ({ ...concept, optional: false }))
    expect(coverageOfFolded(question.concepts, consequence)).toBeGreaterThan(coverageOfFolded(strict, consequence))
  })

  it('takes days the asker tells (这几天, 前几天) for no ask of days', () => {
    const told = prepare('水果店的秤上个月检定没过，师傅说要修，我这几天生意忙先凑合用着，会怎么样')
    expect(told.answerTypes.map((type) => type.name)).not.toContain('duration')
    expect(told.concepts.find((concept) => concept.word === '几天')?.asks ?? null).toBeNull()
    const asked = prepare('秤送去检几天能拿回来')
    expect(asked.answerTypes.map((type) => type.name)).toContain('days')
  })
})
