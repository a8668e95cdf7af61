import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'

// Swaps that keep a sentence readable, so that copies differ in text (and so in hash, words and
// vectors) without changing how documents are cut.
const VARIANTS: Array<[string, string]> = [
  ['企业', '单位'],
  ['申请', '申办'],
  ['办理', '受理'],
  ['需要', '须'],
  ['产品', '商品'],
  ['可以', '能够'],
  ['提供', '提交'],
  ['部门', '机关'],
  ['检查', '核查'],
  ['相关', '有关'],
]

/** A small deterministic generator, so that a corpus of a given scale is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 2 ** 32
  }
}

/** Copy `n` of a document: its title marked, and about a third of its body lines lightly reworded. */
export function varyDocument(text: string, copy: number): string {
  const next = random(copy * 7919 + text.length)
  const lines = text.split('\n')
  const frontMatterEnd = lines[0] === '---' ? lines.indexOf('---', 1) : -1
  return lines
    .map((line, index) => {
      if (index <= frontMatterEnd) return line.startsWith('title:') ? `${line}（副本${copy}）` : line
      if (line.startsWith('#') || line.trim() === '' || next() > 0.33) return line
      const [from, to] = VARIANTS[Math.floor(next() * VARIANTS.length)] as [string, string]
      return line.replaceAll(from, to)
    })
    .join('\n')
}

export type SyntheticCorpus = { dir: string; files: number; remove(): void }

/**
 * The knowledge folder `scale` times over in a temporary folder: the originals plus scale − 1
 * varied copies of each, named `<id>-copy<n>` so that every copy is a document of its own.
 */
export function createSyntheticCorpus(source: string, scale: number): SyntheticCorpus {
  const dir = mkdtempSync(join(tmpdir(), `qd-bench-corpus-x${scale}-`))
  const originals = readdirSync(source).filter((name) => ['.md', '.txt'].includes(extname(name)))
  for (const name of originals) {
    const text = readFileSync(join(source, name), 'utf8')
    const ext = extname(name)
    writeFileSync(join(dir, name), text)
    for (let copy = 1; copy < scale; copy++) {
      writeFileSync(join(dir, `${name.slice(0, -ext.length)}-copy${copy}${ext}`), varyDocument(text, copy))
    }
  }
  return { dir, files: originals.length * scale, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
