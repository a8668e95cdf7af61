import { describe, expect, it } from 'vitest'
import { listLevelOf, listOrdinalOf, numberedLineOf } from '../../src/conversation/list-item.ts'

describe('list items by their place', () => {
  it('reads the place of an item, not an article of an order', () => {
    expect(listOrdinalOf('第四个详细讲讲')).toBe(4)
    expect(listOrdinalOf('第2项是什么')).toBe(2)
    expect(listOrdinalOf('第十一点呢')).toBe(11)
    expect(listOrdinalOf('第三条讲的啥')).toBeNull()
    expect(listOrdinalOf('有哪些活动')).toBeNull()
  })

  it('finds the list in passages quoted at one level, and none in a single passage', () => {
    expect(listLevelOf(['三、（一）1．', '', '三、（三）11．', '四、（一）'])).toBe('3:N．')
    expect(listLevelOf(['第一条', '第三条'])).toBe('1:第N条')
    expect(listLevelOf(['三、（一）'])).toBeNull()
    expect(listLevelOf([])).toBeNull()
  })

  it('finds the line numbered so inside one passage, not the heading it opens with', () => {
    const content =
      '（二）主要目标\n到2025年：总体。\n1. **经济发展**：甲。\n2. **产业质量竞争力持续增强**：乙。\n（三）丙'
    expect(numberedLineOf(content, 2)).toBe('产业质量竞争力持续增强：乙。')
    // With no item so numbered in figures, the Chinese forms count.
    expect(numberedLineOf(content, 3)).toBe('丙')
    expect(numberedLineOf(content, 5)).toBeNull()
  })
})
