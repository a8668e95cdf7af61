import { describe, expect, it } from 'vitest'
import { findPhone, maskPhone, parsePhone } from '../../src/text/phone.ts'

describe('parsePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 13800138000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['021-12345678', '021-12345678'],
    ['02112345678', '021-12345678'],
    ['(021)12345678', '021-12345678'],
    ['021-1234-5678', '021-12345678'],
    ['0571-87654321', '0571-87654321'],
    ['021-12345678-801', '021-12345678-801'],
    ['58881234', '021-58881234'],
  ])('reads %s', (input, expected) => {
    expect(parsePhone(input)).toBe(expected)
  })

  it.each(['12345678901', '1380013800', '138001380001', '12315', '021-123', 'abc', '10086', '310115199001011234'])(
    'rejects %s',
    (input) => {
      expect(parsePhone(input)).toBeNull()
    },
  )
})

describe('findPhone', () => {
  it('finds a number inside a sentence', () => {
    expect(findPhone('我叫王芳，电话13800138000，谢谢')).toMatchObject({ phone: '13800138000', index: 7, length: 11 })
  })

  it('finds a number followed by other digits after a space', () => {
    expect(findPhone('13800138000 12345')?.phone).toBe('13800138000')
  })

  it('ignores long digit runs and returns null without a number', () => {
    expect(findPhone('订单号 2026112512345678')).toBeNull()
    expect(findPhone('没有号码')).toBeNull()
  })
})

describe('maskPhone', () => {
  it('keeps the prefix and the last four digits', () => {
    expect(maskPhone('13800138000')).toBe('138****8000')
    expect(maskPhone('021-12345678')).toBe('021-****5678')
  })
})
