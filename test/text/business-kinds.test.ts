import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadBusinessKinds } from '../../src/text/business-kinds.ts'

describe('loadBusinessKinds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qd-kinds-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads the knowledge folder’s lexicon: a seller and a maker, each with the orders’ word for it first', () => {
    const kinds = loadBusinessKinds('knowledge/business-kinds.json')
    expect(kinds.map((kind) => [kind.unit, kind.terms[0]])).toEqual([
      ['销售单位', '销售单位'],
      ['生产单位', '生产单位'],
    ])
  })

  it('reads a missing file as no kinds, and names a malformed one', () => {
    expect(loadBusinessKinds(join(dir, 'absent.json'))).toEqual([])
    const bad = join(dir, 'business-kinds.json')
    writeFileSync(bad, JSON.stringify([{ unit: '销售单位', terms: [] }]))
    expect(() => loadBusinessKinds(bad)).toThrow(bad)
  })
})
