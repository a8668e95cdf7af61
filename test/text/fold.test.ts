import { describe, expect, it } from 'vitest'
import { foldText } from '../../src/text/fold.ts'
import { segmentWords } from '../../src/text/segment.ts'

describe('foldText', () => {
  it('drops the dot of a transliterated name, which askers leave out ("马可波罗怎么称呼泉州")', () => {
    expect(foldText('被马可·波罗称为“东方第一大港”')).toBe('被马可波罗称为“东方第一大港”')
    expect(foldText('丹增・诺尔盖')).toBe('丹增诺尔盖')
    // …so the passage and the question segment the name into the same word.
    expect(segmentWords('被马可·波罗称为')).toContain('马可波罗')
    // A dot between digits or letters is no name's.
    expect(foldText('42·195 a·b')).toBe('42·195 a·b')
  })
})
