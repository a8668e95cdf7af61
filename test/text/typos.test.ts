import { describe, expect, it } from 'vitest'
import { foldQuestion } from '../../src/text/typos.ts'

describe('foldQuestion', () => {
  it('reads the pinyin misspellings of 投诉 and 举报 as the words', () => {
    expect(foldQuestion('头诉商家 要带啥材料')).toBe('投诉商家，要带啥材料')
    expect(foldQuestion('举抱了多久有回音')).toBe('举报了多久有回音')
    expect(foldQuestion('想举保这家店')).toBe('想举报这家店')
  })

  it('reads a yes/no ask typed with 么 as 吗, and leaves 什么, 怎么, 这么 alone', () => {
    expect(foldQuestion('这种要做ccc认证么')).toBe('这种要做ccc认证吗')
    expect(foldQuestion('也必须送去强检么？')).toBe('也必须送去强检吗?')
    expect(foldQuestion('要带什么，怎么办，有这么难')).toBe('要带什么,怎么办,有这么难')
  })

  it('leaves words that only share a character alone', () => {
    expect(foldQuestion('保证书')).toBe('保证书')
    expect(foldQuestion('抱歉')).toBe('抱歉')
  })

  it("reads a phone's space between words as a comma, also before a number starting the next words", () => {
    expect(foldQuestion('有许可证 75号令说要配啥人啊')).toBe('有许可证，75号令说要配啥人啊')
    // A number with no word after it, or Latin before the space, is no new clause.
    expect(foldQuestion('iso 9001')).toBe('iso 9001')
  })

  it('reads the spoken forms the guides write otherwise', () => {
    // 反映 after a how is a report; what a work 反映s, and whom to turn to, stay.
    expect(foldQuestion('证书是假的，怎么反映')).toBe('证书是假的,怎么举报')
    expect(foldQuestion('这反映了什么')).toBe('这反映了什么')
    expect(foldQuestion('这种去哪反映')).toBe('这种去哪反映')
    expect(foldQuestion('快俩月了')).toBe('快两个月了')
    expect(foldQuestion('菜场电子称不准')).toBe('菜场电子秤不准')
    expect(foldQuestion('称一下')).toBe('称一下')
    expect(foldQuestion('检测那段时间算不算在期限里面')).toBe('检测那段时间是否计入期限里面')
    // The stuff handed in for an errand is its materials; 东西 bought stays.
    expect(foldQuestion('免办要交哪些东西')).toBe('免办要交哪些材料')
    expect(foldQuestion('买的东西坏了')).toBe('买的东西坏了')
    // 免 asked alone is the exemption; 免费 keeps its word.
    expect(foldQuestion('样品也能免吗')).toBe('样品也能免办吗')
    expect(foldQuestion('能免费吗')).toBe('能免费吗')
    // What costs nothing is 免费; whether it costs is still asked.
    expect(foldQuestion('有没有不要钱的质量课')).toBe('有没有免费的质量课')
    expect(foldQuestion('检定要不要钱的')).toBe('检定要不要钱的')
  })

  // Each row: what is read, and the questions as typed beside how they are read.
  it.each<[string, Array<[string, string]>]>([
    [
      "whether a thing looked into is genuine as its 真伪, leaving hearsay's 真的假的 as asked",
      [
        ['我咋查他这证是真的还是假的', '我咋查他这证真伪'],
        ['怎么辨别证书是真是假', '怎么辨别证书真伪'],
        ['听说检秤不要钱了，真的假的', '听说检秤不要钱了,真的假的'],
      ],
    ],
    [
      'a sum heard of as a fee asked about, not a sum told before another ask',
      [
        ['隔壁摊跟我讲拿秤去查要交好几百块钱，真的假的', '隔壁摊跟我讲拿秤去查要交钱,真的假的'],
        ['检秤要交300块钱吗', '检秤要交钱吗'],
        ['中介说交三千块 不用来厂里审核', '中介说交三千块，不用来厂里审核'],
      ],
    ],
    [
      'a certificate counted (那张证) as the 证书 the guides say, not as its measure glued on',
      [
        ['质量体系那张证拿到手能管几年', '质量体系那证书拿到手能管几年'],
        ['这张证书还有效吗', '这张证书还有效吗'],
      ],
    ],
    [
      'a year said by its last two digits in full, not a span of years',
      [
        ['那24年的呢', '那2024年的呢'],
        ['这台秤是15年的', '这台秤是2015年的'],
        ['用了15年了', '用了15年了'],
        ['3年内能投诉吗', '3年内能投诉吗'],
      ],
    ],
  ])('reads %s', (_, rows) => {
    for (const [typed, read] of rows) expect(foldQuestion(typed)).toBe(read)
  })
})
