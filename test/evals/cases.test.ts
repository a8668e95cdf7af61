import { readdirSync } from 'node:fs'
import { extname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCases, parseCaseFile } from '../../evals/cases.ts'
import { documentIdOf, SUPPORTED_EXTENSIONS } from '../../ingest/loaders/index.ts'

const cases = loadCases()
const knowledgeIds = new Set(
  readdirSync('knowledge')
    .filter((name) => extname(name).toLowerCase() in SUPPORTED_EXTENSIONS)
    .map(documentIdOf),
)

describe('gold cases', () => {
  it('parse from every case file', () => {
    const files = readdirSync('evals/cases').filter((name) => name.endsWith('.jsonl'))
    expect(new Set(cases.map((c) => c.file))).toEqual(new Set(files))
    expect(cases.length).toBeGreaterThan(200)
  })

  it('have unique ids', () => {
    const ids = cases.map((c) => c.id)
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([])
  })

  it('have patterns that compile', () => {
    for (const c of cases) {
      for (const source of [c.section ?? '', ...(c.mustContain ?? [])]) {
        expect(() => new RegExp(source), `${c.id}: /${source}/`).not.toThrow()
      }
    }
  })

  it('name the passage whenever they should be answered, in a document that exists', () => {
    const grounded = cases.filter((c) => c.grounded)
    expect(grounded.filter((c) => !c.docId || !c.section).map((c) => c.id)).toEqual([])
    expect(cases.filter((c) => c.docId && !knowledgeIds.has(c.docId)).map((c) => `${c.id}: ${c.docId}`)).toEqual([])
  })

  it('keep a filter to the cases whose id or file name contains it', () => {
    const followUps = loadCases({ filter: 'followups' })
    expect(followUps.length).toBeGreaterThan(0)
    expect(followUps.every((c) => c.file === 'followups.jsonl')).toBe(true)
    expect(loadCases({ filter: 'cr-diff-1' }).map((c) => c.id)).toEqual(['cr-diff-1'])
  })
})

describe('parseCaseFile', () => {
  const good = '{"id":"a","split":"dev","audience":"citizen","question":"你好","intent":"smalltalk","grounded":false}'

  it('names the file and line of a bad case', () => {
    expect(() => parseCaseFile('x.jsonl', `${good}\n{"id":"b"`)).toThrow(/x\.jsonl:2: not valid JSON/)
    const noSection =
      '{"id":"c","split":"test","audience":"citizen","question":"q","intent":"policy_question","grounded":true,"docId":"d"}'
    expect(() => parseCaseFile('x.jsonl', `${good}\n\n${noSection}`)).toThrow(/x\.jsonl:3: .*docId and section/)
    const badPattern = good.replace('}', ',"mustContain":["(unclosed"]}')
    expect(() => parseCaseFile('y.jsonl', badPattern)).toThrow(/y\.jsonl:1: mustContain\.0: not a valid regular/)
    const unsplit = good.replace('"split":"dev",', '')
    expect(() => parseCaseFile('z.jsonl', unsplit)).toThrow(/z\.jsonl:1: split: .*evals\/split\.ts/)
  })

  it('keeps where each case came from', () => {
    expect(parseCaseFile('dir/z.jsonl', `\n${good}`)).toMatchObject([{ id: 'a', file: 'z.jsonl', line: 2 }])
  })
})
