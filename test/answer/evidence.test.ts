import { describe, expect, it } from 'vitest'
import { coverageOfFolded, saysConcept } from '../../src/answer/evidence.ts'
import type { Concept } from '../../src/query/concepts.ts'

const concept = (word: string, parts: string[]): Concept => ({
  word,
  alternatives: [word],
  parts,
  weight: 1,
  known: true,
  aspect: false,
  asks: null,
  filler: false,
  scene: false,
  optional: false,
  judged: false,
  requested: null,
  setting: false,
})

// Search-mode segmentation's parts of 免办证明, overlapping as jieba yields them.
const PERMIT = concept('免办证明', ['免办', '办证', '证明', '免办证'])

describe('coverage of a long word said in parts', () => {
  it('counts the characters the parts said hold, not how many of the overlapping parts are said', () => {
    // 办证 and 免办证 straddle the split: a text saying the word in two places never says them.
    expect(saysConcept(PERMIT, '免办工作…获批后可在系统中查看证明')).toBe(true)
    expect(coverageOfFolded([PERMIT], '免办工作…获批后可在系统中查看证明')).toBe(0.5)
    expect(coverageOfFolded([PERMIT], '获批后可在系统中查看证明')).toBe(0.25)
    // A character no part holds (证 of 合格证) asks nothing of the text.
    expect(coverageOfFolded([concept('合格证', ['合格'])], '检定合格的')).toBe(0.5)
  })

  it('counts the word whole where the document’s names say its start and the text the rest', () => {
    expect(coverageOfFolded([PERMIT], '免办…查看证明', '免予办理强制性产品认证(ccc免办)办事指引')).toBe(1)
    // A title naming only its end does not make the text's 免办 and 证明 one word.
    expect(coverageOfFolded([PERMIT], '免办…查看证明', '证明文件办事指引')).toBe(0.5)
  })
})

describe('coverage of the asker’s own kind told', () => {
  it('counts the kind where a passage names it, and asks it of no passage that does not', () => {
    const matter = concept('免办', [])
    // "我们是做仓储配送的供应链公司": who asks, and their case — a filler the passage need not say.
    const kind = { ...concept('供应链', []), filler: true, optional: true }
    expect(coverageOfFolded([matter, kind], '免办申请人可以是收货人')).toBe(1)
    expect(coverageOfFolded([{ ...matter, weight: 3 }, kind], '供应链企业可作为申请人')).toBe(0.25)
    // A word that only puts the question counts nowhere.
    const form = { ...concept('供应链', []), filler: true }
    expect(coverageOfFolded([{ ...matter, weight: 3 }, form], '供应链企业可作为申请人')).toBe(0)
  })
})
