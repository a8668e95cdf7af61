import { describe, expect, it } from 'vitest'
import { type ClaimPassage, checkClaims, numbersIn } from '../../src/answer/claims.ts'

const CCC: ClaimPassage = {
  n: 1,
  header: '《强制性产品认证免予办理指南》 二、申请材料',
  parts: [
    {
      chunkId: 11,
      content:
        '二、申请材料\n企业应当提交免予办理强制性产品认证申请书。申请书须附产品用途说明和进口合同。审核部门在5个工作日内作出决定。',
    },
  ],
}
const ORDER: ClaimPassage = {
  n: 2,
  header: '《工业产品生产单位落实质量安全主体责任监督管理规定》 国家市场监督管理总局令第75号 第二条',
  parts: [
    { chunkId: 21, content: '第二条 本规定适用于实行生产许可和强制性产品认证管理的工业产品生产单位。' },
    { chunkId: 22, content: '生产单位主要负责人对本单位质量安全工作全面负责。' },
  ],
}

describe('numbersIn', () => {
  it('reads digits, measured Chinese numerals and ordinals, but not words that contain a numeral', () => {
    expect(numbersIn('2023年5月5日起施行，罚款五万元，第三条，三类产品[2]')).toEqual([
      '2023',
      '5',
      '5',
      '50000',
      '3',
      '3',
    ])
    expect(numbersIn('一站式服务，统一办理，进一步提升')).toEqual([])
  })
})

describe('checkClaims', () => {
  it('keeps sentences whose terms and numbers are in the passage they cite, and quotes the supporting span', () => {
    const check = checkClaims('需要提交免予办理强制性产品认证申请书[1]。审核部门在5个工作日内作出决定[1]。', [
      CCC,
      ORDER,
    ])
    expect(check.removed).toEqual([])
    expect(check.trustworthy).toBe(true)
    expect(check.text).toBe('需要提交免予办理强制性产品认证申请书[1]。审核部门在5个工作日内作出决定[1]。')
    expect(check.spans).toEqual([
      {
        n: 1,
        chunkId: 11,
        quote:
          '企业应当提交免予办理强制性产品认证申请书。申请书须附产品用途说明和进口合同。审核部门在5个工作日内作出决定。',
      },
    ])
  })

  it('removes a sentence with a number its passage does not state, and one its passage does not support', () => {
    const check = checkClaims(
      '需要提交免予办理强制性产品认证申请书[1]。审核部门在30个工作日内作出决定[1]。未按期申请的企业将被吊销营业执照并处罚款[1]。',
      [CCC],
    )
    expect(check.removed).toEqual([
      { reason: 'number-not-in-passage', markers: [1] },
      { reason: 'unsupported-terms', markers: [1] },
    ])
    expect(check.text).toBe('需要提交免予办理强制性产品认证申请书[1]。')
    expect(check.text).not.toContain('30')
    // Too little survived to trust the answer.
    expect(check.trustworthy).toBe(false)
  })

  it('checks a sentence against the passage it cites, not any passage', () => {
    const check = checkClaims(
      '主要负责人对本单位质量安全工作全面负责[1]。主要负责人对本单位质量安全工作全面负责[2]。',
      [CCC, ORDER],
    )
    expect(check.removed).toEqual([{ reason: 'unsupported-terms', markers: [1] }])
    expect(check.spans).toEqual([{ n: 2, chunkId: 22, quote: '生产单位主要负责人对本单位质量安全工作全面负责。' }])
  })

  it('requires quoted text verbatim and names the header holds', () => {
    expect(checkClaims('规定写明“生产单位主要负责人对本单位质量安全工作负总责”[2]。', [ORDER]).removed).toEqual([
      { reason: 'quote-not-verbatim', markers: [2] },
    ])
    const named = checkClaims(
      '《工业产品生产单位落实质量安全主体责任监督管理规定》第二条适用于实行生产许可的工业产品生产单位[2]。',
      [ORDER],
    )
    expect(named.removed).toEqual([])
    expect(named.spans[0]?.chunkId).toBe(21)
  })

  it('removes sentences citing a passage that was not given, and numbers in unmarked sentences', () => {
    const check = checkClaims('需要提交免予办理强制性产品认证申请书[1]。\n- 申请费用为200元。\n- 另见[7]。', [CCC])
    expect(check.removed.map((item) => item.reason)).toEqual(['number-not-in-passage', 'unknown-marker'])
    expect(check.text).toBe('需要提交免予办理强制性产品认证申请书[1]。')
  })

  it('accepts glossary synonyms of a term', () => {
    const glossary = { groups: [['强制性产品认证', '3c认证', 'ccc认证']], english: [] }
    expect(checkClaims('免予办理3C认证需要提交申请书[1]。', [CCC], glossary).removed).toEqual([])
  })
})
