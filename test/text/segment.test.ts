import { describe, expect, it } from 'vitest'
import { addWords, namesAThing, segmentWord, segmentWords, unglued } from '../../src/text/segment.ts'

describe('unglued', () => {
  it('takes a glued particle or one-character adverb off the word it was glued to', () => {
    expect(unglued('证能')).toEqual(['证'])
    expect(unglued('秤刚')).toEqual(['秤'])
  })

  it('leaves nothing of a word glued only from such words, and a name guessed whole alone', () => {
    // "我能找谁": 我 and 能, both function words, are no topic.
    expect(unglued('我能')).toEqual([])
    expect(unglued('潞王')).toBeNull()
  })
})

describe('word classes', () => {
  it('follow words added to the dictionary after a word was first judged', () => {
    // Tags are remembered per word (a turn judges the same words again and again); a glossary term added
    // later is tagged a noun by jieba, and must be judged as one from then on.
    expect(namesAThing('秒批办')).toBe(false)
    addWords(['秒批办'])
    expect(namesAThing('秒批办')).toBe(true)
  })
})

describe('segmentWord', () => {
  it('cuts a word as segmentWords does, hands out a fresh array, and follows words added later', () => {
    expect(segmentWord('质量管理体系认证')).toEqual(segmentWords('质量管理体系认证'))
    // Remembered per word: a caller changing its copy changes nothing for the next.
    segmentWord('质量管理体系认证').push('改动')
    expect(segmentWord('质量管理体系认证')).toEqual(segmentWords('质量管理体系认证'))
    const before = segmentWord('秒批快办窗')
    addWords(['秒批快办窗'])
    expect(segmentWord('秒批快办窗')).toEqual(segmentWords('秒批快办窗'))
    expect(segmentWord('秒批快办窗')).not.toEqual(before)
  })
})
