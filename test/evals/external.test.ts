import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  type ExternalResult,
  GATED_FOLDER,
  holdsGoldSpan,
  judgeExternal,
  parseQuestions,
  runExternalCheck,
  summariseExternal,
} from '../../evals/external.ts'
import type { ChatResponse } from '../../src/conversation/turn.ts'

const response = (overrides: Partial<ChatResponse>): ChatResponse => ({
  sessionId: 's',
  turnId: 1,
  answer: '根据《石塘灯塔》：石塘灯塔建于 1931 年。[1]',
  grounded: true,
  intent: 'policy_question',
  mode: 'extractive',
  citations: [{ n: 1, chunkId: 1, docId: 'lighthouse', title: '石塘灯塔', section: '石塘灯塔', quote: 'q', score: 1 }],
  resolvedQuery: 'q',
  ...overrides,
})
const question = { id: 'L1', q: '石塘灯塔是哪一年建成的？', docId: 'lighthouse', answers: ['1931年'] }

describe('judging an external question', () => {
  it('finds a gold span whatever the white space and width of its digits', () => {
    expect(holdsGoldSpan('建于 １９３１ 年', ['1931年'])).toBe(true)
    expect(holdsGoldSpan('建于1932年', ['1931年', '民国二十年'])).toBe(false)
  })

  it('records rank, citation, span and answering of one question', () => {
    const judged = judgeExternal(question, response({}), ['tea', 'lighthouse'])
    expect(judged).toMatchObject({ rank: 2, cited: true, answered: true, declined: false, holdsSpan: true })
  })

  it('tells a decline (out of scope) from a refusal by a named gate', () => {
    const declined = judgeExternal(question, response({ grounded: false, intent: 'out_of_scope', citations: [] }), [])
    expect(declined).toMatchObject({ rank: null, answered: false, declined: true, refusalReason: 'out_of_scope' })
    const refused = judgeExternal(
      question,
      response({ grounded: false, refusalReason: 'low-coverage', citations: [] }),
      ['lighthouse'],
    )
    expect(refused).toMatchObject({ answered: false, declined: false, refusalReason: 'low-coverage', holdsSpan: false })
  })

  it('summarises into the gated figures', () => {
    const results = [
      judgeExternal(question, response({}), ['lighthouse']),
      judgeExternal(question, response({ grounded: false, intent: 'out_of_scope', citations: [] }), [
        'x',
        'y',
        'z',
        'lighthouse',
      ]),
    ] satisfies ExternalResult[]
    const figures = Object.fromEntries(summariseExternal(results).map((row) => [row.key, row.value]))
    expect(figures).toMatchObject({
      'recall@1': 0.5,
      'recall@3': 0.5,
      'recall@5': 1,
      cited: 0.5,
      answerHoldsSpan: 0.5,
      answered: 0.5,
      refused: 0,
      declined: 0.5,
    })
  })

  it('parses the questions file, keeping empty questions for the run to skip', () => {
    const questions = parseQuestions(readFileSync('test/fixtures/external/questions.jsonl', 'utf8'))
    expect(questions.map((q) => q.id)).toEqual(['L1', 'L2', 'T1', 'E1'])
    expect(() => parseQuestions('{"id": "x"}')).toThrow(/questions\.jsonl:1/)
  })
})

/** What runExternalCheck prints, and its exit code. */
async function runQuietly(dir: string, out: string) {
  const lines: string[] = []
  const log = console.log
  console.log = (...parts: unknown[]) => lines.push(parts.join(' '))
  try {
    const code = await runExternalCheck({ dir, out })
    return { code, output: lines.join('\n') }
  } finally {
    console.log = log
  }
}

describe('npm run eval -- --external', () => {
  it('ingests the folder on its own and asks every question through the HTTP API', { timeout: 120_000 }, async () => {
    const { code, output } = await runQuietly('test/fixtures/external', 'test/artifacts/external.json')
    expect(output).toContain('3 questions')
    expect(output).toContain('skipped, empty in the data set: E1')
    expect(output).toMatch(/gold passage in top 5\s+1\.000\s+3\/3/)
    expect(output).toMatch(/answered\s+\d\.\d{3}\s+\d\/3/)
    // Every miss is listed with what went wrong; the exit status is the gate's verdict.
    const report = JSON.parse(readFileSync('test/artifacts/external.json', 'utf8'))
    const results = report.results as ExternalResult[]
    for (const result of results.filter((r) => !r.answered))
      expect(output).toMatch(new RegExp(`${result.id} .*(declined|refused) \\[`))
    // What the extractive answer quotes holds the gold span whenever it answers.
    expect(results.filter((r) => r.answered).every((r) => r.holdsSpan && r.cited)).toBe(true)
    expect(code).toBe(output.includes('BELOW THRESHOLD') ? 1 : 0)
  })

  it('gates the CMRC2018 trial folder only: another folder, tuned on, is reported against no minimum', {
    timeout: 120_000,
  }, async () => {
    const plain = await runQuietly('test/fixtures/external', 'test/artifacts/external-plain.json')
    expect(plain.output).toContain(`not gated: the minimums are those of ${GATED_FOLDER}`)
    expect(plain.output).not.toMatch(/≥ 0\.\d\d/)
    expect(plain.code).toBe(0)
    const gatedDir = join(mkdtempSync(join(tmpdir(), 'external-')), GATED_FOLDER)
    cpSync('test/fixtures/external', gatedDir, { recursive: true })
    const gated = await runQuietly(gatedDir, 'test/artifacts/external-gated.json')
    expect(gated.output).toMatch(/gold passage cited\s+\d\.\d{3}\s+\d\/3 questions\s+[✓✗] ≥ 0\.\d\d/)
    expect(gated.output).not.toContain('not gated')
  })
})
