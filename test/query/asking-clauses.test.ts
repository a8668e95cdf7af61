import { describe, expect, it } from 'vitest'
import { askingClausesOf, saidOnlyInToldClause } from '../../src/query/asking-clauses.ts'
import { foldQuestion } from '../../src/text/typos.ts'

const clauses = (text: string) => askingClausesOf(foldQuestion(text))

describe('askingClausesOf', () => {
  it('keeps the clauses that ask, dropping the scene', () => {
    expect(clauses('碰到用作弊秤的商家，该去哪里举报？')).toEqual(['该去哪里举报'])
  })

  it('reads a few told after 没 as how soon it went wrong, not a count asked', () => {
    expect(clauses('在陆家嘴商场买的包没用几天就开线了 去哪投诉')).toEqual(['去哪投诉'])
    expect(clauses('买回来没几天就坏了，能投诉吗')).toEqual(['能投诉吗'])
    expect(clauses('用了几天就坏了，几天内能退')).toEqual(['用了几天就坏了', '几天内能退'])
  })

  it('reads a space between Chinese words typed on a phone as a pause', () => {
    expect(clauses('你好 电子秤年检在哪里办 要带什么')).toEqual(['电子秤年检在哪里办', '要带什么'])
  })

  it('reads a choice between two as asking, and 还是 alone as "still"', () => {
    expect(clauses('新买的电饭煲用两天就坏了 我就想退钱 该选投诉还是举报啊')).toEqual(['该选投诉还是举报啊'])
    expect(clauses('修了两次还是坏，想投诉')).toEqual([])
  })

  it('parts two asks run on without a pause, each opened by a modal', () => {
    expect(clauses('免办要什么材料要多久能批下来')).toEqual(['免办要什么材料', '要多久能批下来'])
    expect(clauses('电子秤要多久检一次要交钱吗')).toEqual(['电子秤要多久检一次', '要交钱吗'])
  })

  it('leaves one ask whole when its question word has no verb before it or the modal goes on from it', () => {
    expect(clauses('哪些产品要多久检一次')).toEqual(['哪些产品要多久检一次'])
    expect(clauses('要怎么做才能要到赔偿吗')).toEqual(['要怎么做才能要到赔偿吗'])
  })
})

describe('saidOnlyInToldClause', () => {
  const folded = foldQuestion('厂里要搞ISO认证，我当老板的自己要做些什么')

  it('holds for a word only the clause that asks nothing says', () => {
    expect(saidOnlyInToldClause(folded, '厂里')).toBe(true)
  })

  it('does not hold for a word of the clause that asks, nor for any word of a question with no such clause', () => {
    expect(saidOnlyInToldClause(folded, '老板')).toBe(false)
    expect(saidOnlyInToldClause(foldQuestion('厂里的老板要做些什么'), '厂里')).toBe(false)
  })
})
