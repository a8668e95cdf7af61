import { describe, expect, it } from 'vitest'
import { questionsOver } from '../support/questions.ts'

const { wordsWhere } = questionsOver(
  [['认证机构', '认证公司']],
  ['认证机构须经国家认监委批准；凡是声称不用审核的，基本可以判定不正规', '免办审核要多久', '报价'],
)
const remarked = (text: string) => wordsWhere(text, (concept) => concept.optional)

describe('a remark after the question', () => {
  it('tells what prompted the ask: no passage need say it', () => {
    const told = remarked('怎么看一家认证公司是不是正规的，有的报价特别低')
    expect(told).toEqual(expect.arrayContaining(['报价', '特别']))
    expect(told).not.toContain('认证公司')
    expect(told).not.toContain('正规')
  })

  it('is only a clause after the last ask that opens as a remark does', () => {
    // The matter named after the ask stays asked.
    expect(remarked('多久能办好，免办审核')).toEqual([])
    // Told before the ask, it is no remark (other readings judge a story).
    expect(remarked('有的报价特别低，怎么看认证公司是不是正规的')).not.toContain('报价')
  })
})
