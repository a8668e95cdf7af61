import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import { displayWidth } from '../src/text/fold.ts'
import { type GateFailure, minimumsOf, type Thresholds } from './gate.ts'
import type { CaseResult } from './harness.ts'
import { MISS_KINDS, type Miss } from './misses.ts'
import type { EvalSummary, MetricRow } from './summary.ts'

/** What `npm run eval` writes: enough to compare runs and to look up any case afterwards. */
export type EvalReport = {
  generatedAt: string
  /** "in-process" or the server's URL. */
  target: string
  filter: string | null
  durationMs: number
  cases: number
  /** Flat `key → value` over every case: what comparisons and the `all` gate read. */
  metrics: Record<string, number | null>
  /** The same per split; the `test` gate reads `test`. */
  splitMetrics: { dev: Record<string, number | null>; test: Record<string, number | null> }
  summary: EvalSummary
  misses: Miss[]
  results: CaseResult[]
}

const StoredReportSchema = z.looseObject({
  generatedAt: z.string(),
  target: z.string(),
  metrics: z.record(z.string(), z.number().nullable()),
})

export function writeReport(path: string, report: object): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`)
}

/** Reads an earlier report for comparison; only its metrics are needed, so older shapes still load. */
export function readReport(path: string): z.output<typeof StoredReportSchema> {
  const result = StoredReportSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  if (!result.success) throw new Error(`${path} is not an eval report: ${result.error.issues[0]?.message}`)
  return result.data
}

const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)))
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text

/** Columns padded to their widest cell; `right` says which columns hold numbers. */
function alignColumns(rows: string[][], right: readonly boolean[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => displayWidth(row[column] ?? ''))))
  return rows
    .map((row) =>
      row
        .map((cell, column) => (right[column] ? padStart(cell, widths[column]!) : padEnd(cell, widths[column]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

export const formatValue = (value: number | null, unit: MetricRow['unit']): string =>
  value === null ? '–' : unit === 'ms' ? `${Math.round(value)} ms` : value.toFixed(3)

/** A run's metrics per split: dev (tuned on), test (never tuned on), and the original files' cases. */
export type SplitRows = { dev: readonly MetricRow[]; test: readonly MetricRow[]; original: readonly MetricRow[] }

const signed = (delta: number, unit: MetricRow['unit']) =>
  `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${unit === 'ms' ? Math.round(Math.abs(delta)) : Math.abs(delta).toFixed(3)}`

const signedGap = (test: number | null, dev: number | null, unit: MetricRow['unit']) =>
  test === null || dev === null ? '' : signed(test - dev, unit)

/**
 * The headline table: one row per metric with its value on dev, on test, the gap (test − dev: how
 * much tuning flatters the dev figure) and over the original files' cases, the test basis, and the
 * minimums of the gated scopes — marked ✓ or ✗ when the gate was checked (`failures` null: a subset run, the
 * minimums are shown for reference).
 */
export function formatSplitTable(
  rows: SplitRows,
  thresholds: Thresholds | null,
  failures: GateFailure[] | null,
): string {
  const failing = new Set((failures ?? []).map((failure) => `${failure.scope}:${failure.key}`))
  const gate = (scope: 'test' | 'original', key: string) => {
    const minimum = thresholds ? minimumsOf(thresholds, scope)[key] : undefined
    if (minimum === undefined) return ''
    const mark = failures === null ? ' ' : failing.has(`${scope}:${key}`) ? '✗' : '✓'
    return `${mark} ≥ ${minimum.toFixed(2)}`
  }
  const metricOf = (list: readonly MetricRow[], key: string) => list.find((row) => row.key === key)?.value ?? null
  const body = rows.test.map((row) => {
    const dev = metricOf(rows.dev, row.key)
    return [
      row.label,
      formatValue(dev, row.unit),
      formatValue(row.value, row.unit),
      signedGap(row.value, dev, row.unit),
      formatValue(metricOf(rows.original, row.key), row.unit),
      row.basis,
      gate('test', row.key),
      gate('original', row.key),
    ]
  })
  return alignColumns(
    [['metric', 'dev', 'test', 'gap', 'original', 'test over', 'test min', 'original min'], ...body],
    [false, true, true, true, true, false, false, false],
  )
}

/** A one-split table (the external check): value, basis and minimum. */
export function formatTable(
  rows: readonly MetricRow[],
  minimums: Record<string, number>,
  failures: GateFailure[] | null,
) {
  const failing = new Set((failures ?? []).map((failure) => failure.key))
  const body = rows.map((row) => {
    const minimum = minimums[row.key]
    const mark = failures === null ? ' ' : failing.has(row.key) ? '✗' : '✓'
    return [
      row.label,
      formatValue(row.value, row.unit),
      row.basis,
      minimum === undefined ? '' : `${mark} ≥ ${minimum.toFixed(2)}`,
    ]
  })
  return alignColumns([['metric', 'value', 'over', 'minimum'], ...body], [false, true, false, false])
}

/** The misses, grouped by kind, one line each: id, question, what went wrong. */
export function formatMisses(misses: readonly Miss[]): string {
  if (misses.length === 0) return 'no misses'
  const sections = MISS_KINDS.flatMap((kind) => {
    const ofKind = misses.filter((miss) => miss.kind === kind)
    if (ofKind.length === 0) return []
    return [
      `${kind} (${ofKind.length})`,
      ...ofKind.map((miss) => `  ${miss.split}  ${miss.id}  ${miss.question}  → ${miss.detail}`),
    ]
  })
  return sections.join('\n')
}

/** Each metric of this run against an earlier one: old → new and the change. */
export function formatComparison(rows: readonly MetricRow[], old: Record<string, number | null>): string {
  const body = rows.map((row) => {
    const before = old[row.key] ?? null
    const delta = before === null || row.value === null ? '' : signed(row.value - before, row.unit)
    return [row.label, formatValue(before, row.unit), '→', formatValue(row.value, row.unit), delta]
  })
  return alignColumns([['metric', 'old', '', 'new', 'delta'], ...body], [false, true, false, true, true])
}
