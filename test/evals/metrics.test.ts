import { describe, expect, it } from 'vitest'
import { checkThresholds, GATED_METRICS, type Thresholds } from '../../evals/gate.ts'
import type { CaseResult } from '../../evals/harness.ts'
import {
  citationPrecision,
  countMatchingCitations,
  missingPatterns,
  unresolvedMarkers,
} from '../../evals/metrics/answers.ts'
import { firstRelevantRank, hitAtK, mrr, passageMatches } from '../../evals/metrics/retrieval.ts'
import { percentile, ratio, refusalScores } from '../../evals/metrics/stats.ts'
import { listMisses } from '../../evals/misses.ts'
import { flattenRows, summarise } from '../../evals/summary.ts'

const expected = { docId: 'samr-order-75', section: '第三条|附' }

describe('retrieval metrics', () => {
  it('matches a passage on its document and on the section pattern over section and locator', () => {
    expect(passageMatches(expected, { docId: 'samr-order-75', section: '第三条 管理制度', locator: '第三条' })).toBe(
      true,
    )
    expect(passageMatches(expected, { docId: 'samr-order-75', section: '要点', locator: '第三条' })).toBe(true)
    expect(passageMatches(expected, { docId: 'samr-order-76', section: '第三条 管理制度', locator: null })).toBe(false)
    expect(passageMatches(expected, { docId: 'samr-order-75', section: '第二条 适用范围' })).toBe(false)
  })

  it('ranks the first matching passage from 1, null when none matches', () => {
    const passages = [
      { docId: 'samr-order-76', section: '第三条' },
      { docId: 'samr-order-75', section: '第二条' },
      { docId: 'samr-order-75', section: '第三条' },
      { docId: 'samr-order-75', section: '附：工作机制' },
    ]
    expect(firstRelevantRank(passages, expected)).toBe(3)
    expect(firstRelevantRank(passages.slice(0, 2), expected)).toBeNull()
  })

  it('counts hits within k and averages reciprocal ranks, a miss counting 0', () => {
    const ranks = [1, 3, null, 5]
    expect(hitAtK(ranks, 1)).toBe(0.25)
    expect(hitAtK(ranks, 3)).toBe(0.5)
    expect(hitAtK(ranks, 5)).toBe(0.75)
    expect(mrr([1, 2, null, 4])).toBe((1 + 0.5 + 0 + 0.25) / 4)
    expect(hitAtK([], 3)).toBeNull()
    expect(mrr([])).toBeNull()
  })
})

describe('answer metrics', () => {
  it('pools citations over answers rather than averaging per answer', () => {
    const first = countMatchingCitations(expected, [
      { n: 1, docId: 'samr-order-75', section: '第三条 管理制度' },
      { n: 2, docId: 'samr-order-76', section: '第三条 管理制度' },
      { n: 3, docId: 'samr-order-75', section: '第四条' },
    ])
    expect(first).toEqual({ matched: 1, total: 3 })
    // 3 of 5 citations; the mean of the per-answer shares would be 2/3.
    expect(citationPrecision([first, { matched: 2, total: 2 }])).toBe(0.6)
    expect(citationPrecision([{ matched: 0, total: 0 }])).toBeNull()
  })

  it('finds markers that name no citation, in either bracket width, each once', () => {
    const citations = [{ n: 1 }, { n: 2 }]
    expect(unresolvedMarkers('甲[1]，乙［2］，丙[3]。再说丙[3]、丁[ 4 ]', citations)).toEqual([3, 4])
    expect(unresolvedMarkers('没有标记的回答', [])).toEqual([])
  })

  it('lists the must-contain patterns the answer does not match', () => {
    const answer = '一般在7个工作日内告知是否受理，可以拨打12315。'
    expect(missingPatterns(answer, ['7个工作日|七个工作日', '12315', '90日|九十日'])).toEqual(['90日|九十日'])
  })
})

describe('stats', () => {
  it('takes nearest-rank percentiles of unsorted values', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i)
    expect(percentile(values, 50)).toBe(10)
    expect(percentile(values, 95)).toBe(19)
    expect(percentile(values, 100)).toBe(20)
    expect(percentile(values, 0)).toBe(1)
    expect(percentile([42], 95)).toBe(42)
    expect(percentile([], 50)).toBeNull()
  })

  it('scores refusals: precision over what refused, recall over what should have', () => {
    const pairs = [
      ...Array.from({ length: 3 }, () => ({ shouldRefuse: true, refused: true })),
      { shouldRefuse: false, refused: true },
      ...Array.from({ length: 2 }, () => ({ shouldRefuse: true, refused: false })),
      { shouldRefuse: false, refused: false },
    ]
    expect(refusalScores(pairs)).toEqual({
      precision: 0.75,
      recall: 0.6,
      truePositives: 3,
      refused: 4,
      shouldRefuse: 5,
    })
    expect(refusalScores([{ shouldRefuse: false, refused: false }])).toMatchObject({ precision: null, recall: null })
    expect(ratio(0, 0)).toBeNull()
  })
})

describe('checkThresholds', () => {
  const halves = (keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, 0.5]))
  const thresholds: Thresholds = {
    test: halves(GATED_METRICS.test),
    original: { files: ['x.jsonl'], minimums: halves(GATED_METRICS.original) },
    external: halves(GATED_METRICS.external),
  }
  const passing = halves(GATED_METRICS.test)

  it('passes a metric at its minimum and fails one below it or without data, naming the scope', () => {
    expect(checkThresholds('test', passing, thresholds)).toEqual([])
    const failures = checkThresholds('test', { ...passing, mustContain: 0.49, refusalRecall: null }, thresholds)
    expect(failures).toEqual([
      { scope: 'test', key: 'mustContain', value: 0.49, minimum: 0.5 },
      { scope: 'test', key: 'refusalRecall', value: null, minimum: 0.5 },
    ])
  })

  it('gates the follow-up accuracy on the test split only', () => {
    expect(checkThresholds('test', { ...passing, followUpAccuracy: 0.4 }, thresholds)).toHaveLength(1)
    expect(checkThresholds('original', { ...passing, followUpAccuracy: 0.4 }, thresholds)).toEqual([])
  })
})

describe('summarise and listMisses', () => {
  const result = (id: string, overrides: Partial<CaseResult>): CaseResult => ({
    id,
    split: 'dev',
    added: false,
    file: 'x.jsonl',
    line: 1,
    question: `问题${id}`,
    history: [],
    expected: { intent: 'policy_question', grounded: true, docId: 'd', section: '一、' },
    response: {
      sessionId: 's',
      answer: '答[1]',
      grounded: true,
      refusalReason: null,
      intent: 'policy_question',
      mode: 'extractive',
      resolvedQuery: `问题${id}`,
      citations: [{ n: 1, docId: 'd', section: '一、概述' }],
      ticket: false,
    },
    latencyMs: 10,
    retrieval: null,
    citations: { matched: 1, total: 1 },
    unresolvedMarkers: [],
    mustContain: { passed: true, missing: [] },
    ...overrides,
  })
  const refusedWrongly = result('b', {
    response: {
      ...result('b', {}).response,
      grounded: false,
      refusalReason: 'low-coverage',
      intent: 'out_of_scope',
      citations: [],
      answer: '抱歉',
    },
    citations: null,
    mustContain: { passed: false, missing: ['一'] },
  })
  const results = [result('a', {}), refusedWrongly]

  it('counts a refusal of a grounded case as a must-contain miss and a wrong refusal', () => {
    const metrics = flattenRows(summarise(results).rows)
    expect(metrics).toMatchObject({ mustContain: 0.5, intentAccuracy: 0.5, refusalPrecision: 0, refusalRecall: null })
    expect(metrics.citationPrecision).toBe(1)
    expect(metrics.latencyP50).toBe(10)
  })

  it('lists each miss of the wrong case once, grouped by kind', () => {
    expect(listMisses(results).map((miss) => `${miss.kind} ${miss.id}`)).toEqual([
      'missing must-contain b',
      'wrong intent b',
      'wrong refusal b',
    ])
  })

  it('names the gate that refused in a refusal miss', () => {
    const refusal = listMisses(results).find((miss) => miss.kind === 'wrong refusal')
    expect(refusal?.detail).toContain('refused [low-coverage]')
    expect(refusal?.split).toBe('dev')
  })

  it('scores a multi-turn case by its last turn: the right passage and every pattern, or a refusal', () => {
    const followUp = (id: string, overrides: Partial<CaseResult>) =>
      result(id, { history: ['早先的问题'], ...overrides })
    const rows = summarise([
      followUp('f1', {}),
      followUp('f2', { citations: { matched: 0, total: 1 } }),
      followUp('f3', { mustContain: { passed: false, missing: ['x'] } }),
      followUp('f4', {
        expected: { intent: 'policy_question', grounded: false },
        response: { ...refusedWrongly.response },
        citations: null,
        mustContain: null,
      }),
      result('single', { citations: { matched: 0, total: 1 } }),
    ]).rows
    expect(flattenRows(rows).followUpAccuracy).toBe(0.5)
    expect(rows.find((row) => row.key === 'followUpAccuracy')?.basis).toBe('2/4 multi-turn cases')
  })
})
