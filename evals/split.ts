/**
 * Assigns each gold case to the dev split (the only one weights and rules may be tuned on) or the
 * test split (reported and gated, never tuned on), once: a case that has a split keeps it.
 *   npx tsx evals/split.ts          writes the missing `split` fields into evals/cases/*.jsonl
 *   npx tsx evals/split.ts --check  exits 1 when a case has none (nothing written)
 * New cases are spread per stratum (file × answered/refused × intent) so that both halves see every
 * kind of question; a conversation (cases sharing their first history message) stays in one split, so
 * that no topic is tuned on in one half and tested in the other.
 * Since the draw (161 test cases of 321), cases are written blind and added with `"split": "dev"`: the
 * test split stays the one drawn, so its figures compare from run to run (test/evals/split.test.ts).
 * A case added to a conversation of the test split would take the test split: none has been.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { CASES_DIR, type Split } from './cases.ts'

/** Fixed, so that a re-run assigns new cases the same way on every machine. */
export const SPLIT_SEED = 20261201

/** A case as it stands in its file: only the fields the split reads are typed. */
export type RawCase = {
  id: string
  split?: Split
  intent?: string
  grounded?: boolean
  history?: string[]
  [key: string]: unknown
}

// mulberry32: small, seedable, and the same in every Node version (Math.random is neither).
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const hashOf = (text: string): number => {
  let hash = 2166136261
  for (const char of text) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619)
  return hash >>> 0
}

/** The conversation a case belongs to: its first earlier message, or the case itself. */
export const threadOf = (file: string, c: RawCase): string => `${file}\u0000${c.history?.[0] ?? c.id}`

const stratumOf = (file: string, c: RawCase): string => `${file}|${c.grounded ? 'answer' : 'refuse'}|${c.intent ?? ''}`

/**
 * The split of every case, keyed by id: existing splits kept, a thread that has one gives it to its
 * new cases, and each stratum's new threads are shuffled (seeded) and dealt to whichever split of
 * that stratum holds fewer cases so far (on a tie, to the smaller split over all).
 */
export function assignSplits(files: ReadonlyArray<{ file: string; cases: RawCase[] }>, seed = SPLIT_SEED) {
  const assigned = new Map<string, Split>()
  const threadSplit = new Map<string, Split>()
  for (const { file, cases } of files) {
    for (const c of cases) {
      if (!c.split) continue
      assigned.set(c.id, c.split)
      threadSplit.set(threadOf(file, c), c.split)
    }
  }
  type Thread = { key: string; cases: RawCase[]; stratum: string }
  const pending = new Map<string, Thread>()
  const counts = new Map<string, Record<Split, number>>()
  const countOf = (stratum: string) => {
    const existing = counts.get(stratum)
    if (existing) return existing
    const fresh = { dev: 0, test: 0 }
    counts.set(stratum, fresh)
    return fresh
  }
  for (const { file, cases } of files) {
    for (const c of cases) {
      const key = threadOf(file, c)
      const known = c.split ?? threadSplit.get(key)
      if (known) {
        assigned.set(c.id, known)
        countOf(stratumOf(file, c))[known] += 1
        continue
      }
      const thread = pending.get(key) ?? { key, cases: [], stratum: stratumOf(file, c) }
      thread.cases.push(c)
      pending.set(key, thread)
    }
  }
  const strata = [...new Set([...pending.values()].map((thread) => thread.stratum))].sort()
  const total = { dev: 0, test: 0 }
  for (const split of assigned.values()) total[split] += 1
  for (const stratum of strata) {
    const random = seededRandom(seed ^ hashOf(stratum))
    const threads = [...pending.values()].filter((thread) => thread.stratum === stratum)
    // Fisher–Yates over the file order: the file order is stable, the shuffle is seeded.
    for (let i = threads.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1))
      ;[threads[i], threads[j]] = [threads[j] as Thread, threads[i] as Thread]
    }
    const count = countOf(stratum)
    for (const thread of threads) {
      // A tie in the stratum goes to the split that is smaller over all: odd strata do not all favour dev.
      const split: Split =
        count.dev < count.test || (count.dev === count.test && total.dev <= total.test) ? 'dev' : 'test'
      for (const c of thread.cases) assigned.set(c.id, split)
      count[split] += thread.cases.length
      total[split] += thread.cases.length
    }
  }
  return assigned
}

// The files' own layout, `{"id": "a", "list": ["x", "y"]}`, so that a re-split changes one field per line.
function formatJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatJson).join(', ')}]`
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}: ${formatJson(item)}`)
      .join(', ')}}`
  return JSON.stringify(value)
}

/** The case with its split placed right after its id. */
export function withSplit(c: RawCase, split: Split): RawCase {
  const { id, split: _old, ...rest } = c
  return { id, split, ...rest }
}

function readCaseFiles(dir: string) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((file) => {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n')
      const cases = lines.filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as RawCase)
      return { file, cases }
    })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { check: { type: 'boolean' } } })
  const files = readCaseFiles(CASES_DIR)
  const missing = files.flatMap(({ file, cases }) => cases.filter((c) => !c.split).map((c) => `${file}: ${c.id}`))
  if (values.check) {
    if (missing.length > 0)
      console.error(`cases without a split (run npx tsx evals/split.ts):\n  ${missing.join('\n  ')}`)
    process.exit(missing.length > 0 ? 1 : 0)
  }
  const splits = assignSplits(files)
  for (const { file, cases } of files) {
    const lines = cases.map((c) => formatJson(withSplit(c, splits.get(c.id) as Split)))
    writeFileSync(join(CASES_DIR, file), `${lines.join('\n')}\n`)
  }
  const total = { dev: 0, test: 0 }
  for (const split of splits.values()) total[split] += 1
  console.log(`${missing.length} cases newly assigned; dev ${total.dev}, test ${total.test}`)
}
