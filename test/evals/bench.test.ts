import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createSyntheticCorpus, varyDocument } from '../../evals/bench/corpus.ts'
import { formatTable } from '../../evals/bench/table.ts'
import { documentIdOf } from '../../ingest/loaders/index.ts'

const SOURCE = 'test/fixtures/knowledge'

describe('synthetic corpus for the ingest bench', () => {
  const corpus = createSyntheticCorpus(SOURCE, 3)
  afterAll(() => corpus.remove())

  it('holds the originals and scale − 1 copies of each, every one a document of its own', () => {
    const originals = readdirSync(SOURCE).filter((name) => /\.(md|txt)$/.test(name))
    const files = readdirSync(corpus.dir)
    expect(files).toHaveLength(originals.length * 3)
    expect(corpus.files).toBe(files.length)
    expect(new Set(files.map(documentIdOf)).size).toBe(files.length)
    for (const name of originals)
      expect(readFileSync(join(corpus.dir, name), 'utf8')).toBe(readFileSync(join(SOURCE, name), 'utf8'))
  })

  it('varies the text lightly and the same way every time, front matter intact but the title', () => {
    const text =
      '---\ntitle: 计量检定\ndoc_no: 第1号\n---\n# 一、申请\n企业需要申请。\n企业需要申请。\n企业需要申请。\n企业需要申请。\n企业需要申请。\n企业需要申请。'
    const copy = varyDocument(text, 2)
    expect(copy).toBe(varyDocument(text, 2))
    expect(copy).not.toBe(text)
    expect(copy.split('\n').slice(0, 5)).toEqual([
      '---',
      'title: 计量检定（副本2）',
      'doc_no: 第1号',
      '---',
      '# 一、申请',
    ])
    expect(copy.split('\n')).toHaveLength(text.split('\n').length)
  })
})

describe('bench tables', () => {
  it('align figures right and text left, counting CJK characters as two columns', () => {
    const table = formatTable(
      ['存储', 'req/s'],
      [
        ['pglite', 67.7],
        ['中文', 1234],
      ],
    )
    expect(table.split('\n')).toEqual(['存储    req/s', '------  -----', 'pglite   67.7', '中文    1,234'])
  })
})
