import { describe, expect, it } from 'vitest'
import { assessPriority } from '../../src/tickets/priority.ts'

describe('assessPriority', () => {
  it.each([
    '网上买的充电宝用了两天就鼓包冒烟，商家不理我',
    '買的電暖器一插上就冒火花，差點著火，我要投訴',
    '电热水壶漏电，我被电了一下',
    '家里燃气泄漏报警器不响',
    '在饭店吃完饭全家食物中毒',
    '电动车充电器起火了',
    '孩子玩的玩具零件脱落差点误吞',
  ])('rates a described safety risk high: %s', (text) => {
    const result = assessPriority(text)
    expect(result.priority).toBe('high')
    expect(result.reasons.length).toBeGreaterThan(0)
  })

  it.each([
    '我们市场三十多台电子秤想申请上门检定',
    '免办的申请材料我们不会填',
    '儿童玩具出口需要做CCC认证吗',
    '想找人辅导我们小厂做ISO9001',
  ])('rates an ordinary request normal: %s', (text) => {
    expect(assessPriority(text)).toEqual({ priority: 'normal', reasons: [] })
  })

  it('names the words that raised it', () => {
    expect(assessPriority('充电宝冒烟后爆炸').reasons).toEqual(expect.arrayContaining(['冒烟', '爆炸']))
  })
})
