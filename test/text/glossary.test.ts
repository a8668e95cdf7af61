import { describe, expect, it } from 'vitest'
import { type Glossary, groupOf } from '../../src/text/glossary.ts'

describe('groupOf', () => {
  it('finds a term’s group, the first where two groups hold it, and nothing for a term of none', () => {
    const glossary: Glossary = {
      groups: [
        ['强制检定', '强检', '年检'],
        ['免予办理', '免办', 'ccc免办'],
        ['年检', '年度检验'],
      ],
      english: [],
    }
    expect(groupOf(glossary, '强检')).toEqual(['强制检定', '强检', '年检'])
    expect(groupOf(glossary, 'ccc免办')).toBe(glossary.groups[1])
    // Indexed once per glossary: the first group holding a term still wins over a later one.
    expect(groupOf(glossary, '年检')).toBe(glossary.groups[0])
    expect(groupOf(glossary, '年度检验')).toBe(glossary.groups[2])
    expect(groupOf(glossary, '检定')).toBeUndefined()
    // Another glossary has an index of its own.
    expect(groupOf({ groups: [['年检', '年审']], english: [] }, '年检')).toEqual(['年检', '年审'])
  })
})
