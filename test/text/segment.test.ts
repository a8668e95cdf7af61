import { describe, expect, it } from 'vitest'
import { unglued } from '../../src/text/segment.ts'

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
