import { describe, expect, it } from 'vitest'
import { isAside } from '../../src/intake/intake-parse.ts'

describe('isAside', () => {
  it('takes a question typed without a question mark for a question', () => {
    expect(isAside('找哪里的市场监管局')).toBe(true)
    expect(isAside('多久能有结果')).toBe(true)
    expect(isAside('投诉要多久才有结果？')).toBe(true)
  })

  it('takes an answer that says what the asker does not know for an answer', () => {
    expect(isAside('不知道哪天买的')).toBe(false)
    expect(isAside('忘了在哪个店买的')).toBe(false)
    expect(isAside('11月20日买的电热水壶')).toBe(false)
  })
})
