import { describe, expect, it } from 'vitest'
import { maskName, maskPersonalData } from '../../src/text/mask.ts'

describe('maskPersonalData', () => {
  it.each([
    ['我的电话13800138000，谢谢', '我的电话138****8000，谢谢'],
    ['手机 138-0013-8000', '手机 138****8000'],
    ['+86 138 0013 8000', '+86 138****8000'],
    ['全角１３８００１３８０００', '全角１３８****８０００'],
    ['座机021-12345678转人工', '座机021-****5678转人工'],
    ['杭州 0571-87654321', '杭州 0571-****4321'],
    ['身份证310115199001011234', '身份证310***********1234'],
    ['身份证号 31011519900101123X。', '身份证号 310***********123X。'],
    ['邮箱 wang.fang@example.com 联系', '邮箱 w***@example.com 联系'],
  ])('masks %s', (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected)
  })

  it('masks every identifier in a longer text and keeps the rest', () => {
    const text = '王芳，13800138000，身份证310115199001011234，邮箱a@b.cn，热水器漏电'
    const masked = maskPersonalData(text)
    expect(masked).toBe('王芳，138****8000，身份证310***********1234，邮箱a***@b.cn，热水器漏电')
    expect(masked).not.toMatch(/\d{7,}/)
  })

  it('leaves numbers that are not phone or ID numbers alone', () => {
    for (const text of ['订单 2026112512', '价格 1380 元', '三十多台电子秤', '2026-11-25 10:00', '12315']) {
      expect(maskPersonalData(text)).toBe(text)
    }
  })

  it('does not mask a mobile-like run inside a longer number', () => {
    expect(maskPersonalData('快递单号 9813800138000123')).toBe('快递单号 9813800138000123')
  })
})

describe('maskName', () => {
  it('keeps the first character', () => {
    expect(maskName('王芳')).toBe('王*')
    expect(maskName('欧阳娜娜')).toBe('欧***')
    expect(maskName('李')).toBe('李*')
    expect(maskName('')).toBe('')
  })
})
