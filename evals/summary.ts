import { INTENTS } from '../src/routing/intents.ts'
import { type CaseResult, RETRIEVAL_MODES } from './harness.ts'
import { citationPrecision } from './metrics/answers.ts'
import { type ConfusionMatrix, confusionMatrix } from './metrics/confusion.ts'
import { hitAtK, mrr } from './metrics/retrieval.ts'
import { percentile, type RefusalScores, ratio, refusalScores } from './metrics/stats.ts'

type Mode = (typeof RETRIEVAL_MODES)[number]

/** One headline number: `key` names it in thresholds.json and in comparisons. */
export type MetricRow = {
  key: string
  label: string
  value: number | null
  /** What it was computed over, e.g. "150/163 cases". */
  basis: string
  unit: 'ratio' | 'ms'
}

export type EvalSummary = {
  rows: MetricRow[]
  intents: ConfusionMatrix
  refusal: RefusalScores
}

const count = (part: number, whole: number, of: string) => `${part}/${whole} ${of}`

function retrievalRows(results: readonly CaseResult[], mode: Mode): MetricRow[] {
  const ranks = results.flatMap((result) => (result.retrieval ? [result.retrieval[mode].rank] : []))
  const within = (k: number) => ranks.filter((rank) => rank !== null && rank <= k).length
  return [
    ...[1, 3, 5].map((k) => ({
      key: `${mode}.hit@${k}`,
      label: `hit@${k} ${mode}`,
      value: hitAtK(ranks, k),
      basis: count(within(k), ranks.length, 'cases'),
      unit: 'ratio' as const,
    })),
    { key: `${mode}.mrr`, label: `MRR ${mode}`, value: mrr(ranks), basis: `${ranks.length} cases`, unit: 'ratio' },
  ]
}

/**
 * A multi-turn case is right when its last turn is: refused when it should be, else answered with a
 * matching citation and every must-contain pattern — the topic was kept, not just some passage found.
 */
export function followUpCorrect(result: CaseResult): boolean {
  if (!result.expected.grounded) return !result.response.grounded
  return (result.citations?.matched ?? 0) > 0 && result.mustContain?.passed === true
}

/** All metrics of a run, from its per-case results. */
export function summarise(results: readonly CaseResult[]): EvalSummary {
  const cited = results.flatMap((result) => (result.citations ? [result.citations] : []))
  const matchedCitations = cited.reduce((sum, c) => sum + c.matched, 0)
  const totalCitations = cited.reduce((sum, c) => sum + c.total, 0)
  const resolving = results.filter((result) => result.unresolvedMarkers.length === 0).length
  const judged = results.flatMap((result) => (result.mustContain ? [result.mustContain] : []))
  const contained = judged.filter((verdict) => verdict.passed).length
  const intents = confusionMatrix(
    results.map((result) => ({ expected: result.expected.intent, predicted: result.response.intent })),
    INTENTS,
  )
  // A partial answer (`refusalReason: 'partial'`: the asks the documents answer, then the ones they do
  // not named) is an answer: grounded, so not a refusal here, and its must-contain patterns and
  // citations are judged like any answer's — the part it gives must hold the key facts.
  const refusal = refusalScores(
    results.map((result) => ({ shouldRefuse: !result.expected.grounded, refused: !result.response.grounded })),
  )
  const partial = results.filter((result) => result.response.grounded && result.response.refusalReason === 'partial')
  const answered = results.filter((result) => result.response.grounded).length
  const followUps = results.filter((result) => result.history.length > 0)
  const followUpsRight = followUps.filter(followUpCorrect).length
  const latencies = results.map((result) => result.latencyMs)
  const rows: MetricRow[] = [
    ...RETRIEVAL_MODES.flatMap((mode) => retrievalRows(results, mode)),
    {
      key: 'citationPrecision',
      label: 'citation precision',
      value: citationPrecision(cited),
      basis: count(matchedCitations, totalCitations, `citations in ${cited.length} answers`),
      unit: 'ratio',
    },
    {
      key: 'markersResolve',
      label: 'markers resolve',
      value: ratio(resolving, results.length),
      basis: count(resolving, results.length, 'answers'),
      unit: 'ratio',
    },
    {
      key: 'mustContain',
      label: 'must-contain',
      value: ratio(contained, judged.length),
      basis: count(contained, judged.length, 'grounded cases'),
      unit: 'ratio',
    },
    {
      key: 'intentAccuracy',
      label: 'intent accuracy',
      value: ratio(intents.correct, intents.total),
      basis: count(intents.correct, intents.total, 'cases'),
      unit: 'ratio',
    },
    {
      key: 'refusalPrecision',
      label: 'refusal precision',
      value: refusal.precision,
      basis: count(refusal.truePositives, refusal.refused, 'refusals'),
      unit: 'ratio',
    },
    {
      key: 'refusalRecall',
      label: 'refusal recall',
      value: refusal.recall,
      basis: count(refusal.truePositives, refusal.shouldRefuse, 'should refuse'),
      unit: 'ratio',
    },
    {
      key: 'partialShare',
      label: 'answered in part',
      value: ratio(partial.length, answered),
      basis: count(partial.length, answered, 'answers'),
      unit: 'ratio',
    },
    {
      key: 'followUpAccuracy',
      label: 'follow-up accuracy',
      value: ratio(followUpsRight, followUps.length),
      basis: count(followUpsRight, followUps.length, 'multi-turn cases'),
      unit: 'ratio',
    },
    { key: 'latencyP50', label: 'latency p50', value: percentile(latencies, 50), basis: 'final turn', unit: 'ms' },
    { key: 'latencyP95', label: 'latency p95', value: percentile(latencies, 95), basis: 'final turn', unit: 'ms' },
  ]
  return { rows, intents, refusal }
}

/** The rows as `key → value`, the shape stored in reports and read by the gate and comparisons. */
export const flattenRows = (rows: readonly MetricRow[]): Record<string, number | null> =>
  Object.fromEntries(rows.map((row) => [row.key, row.value]))
