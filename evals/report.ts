import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import { displayWidth } from '../src/text/fold.ts'
import type { GateFailure, Thresholds } from './gate.ts'
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
  /** Flat `key → value`: what comparisons and the gate read. */
  metrics: Record<string, number | null>
  summary: EvalSummary
  misses: Miss[]
  results: CaseResult[]
}

const StoredReportSchema = z.looseObject({
  generatedAt: z.string(),
  target: z.string(),
  metrics: z.record(z.string(), z.number().nullable()),
})

export function writeReport(path: string, report: EvalReport): void {
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

/**
 * The headline table: one row per metric, its basis, and its minimum when gated — marked ✓ or ✗
 * when the gate was checked (`failures` null: a subset run, the minimums are shown for reference).
 */
export function formatTable(
  rows: readonly MetricRow[],
  thresholds: Thresholds | null,
  failures: GateFailure[] | null,
): string {
  const minimums = (thresholds ?? {}) as Record<string, number>
  const failing = new Set((failures ?? []).map((failure) => failure.key))
  const body = rows.map((row) => {
    const minimum = minimums[row.key]
    const mark = failures === null ? ' ' : failing.has(row.key) ? '✗' : '✓'
    const gate = minimum === undefined ? '' : `${mark} ≥ ${minimum.toFixed(2)}`
    return [row.label, formatValue(row.value, row.unit), row.basis, gate]
  })
  return alignColumns([['metric', 'value', 'over', 'minimum'], ...body], [false, true, false, false])
}

/** The misses, grouped by kind, one line each: id, question, what went wrong. */
export function formatMisses(misses: readonly Miss[]): string {
  if (misses.length === 0) return 'no misses'
  const sections = MISS_KINDS.flatMap((kind) => {
    const ofKind = misses.filter((miss) => miss.kind === kind)
    if (ofKind.length === 0) return []
    return [`${kind} (${ofKind.length})`, ...ofKind.map((miss) => `  ${miss.id}  ${miss.question}  → ${miss.detail}`)]
  })
  return sections.join('\n')
}

const signed = (delta: number, unit: MetricRow['unit']) =>
  `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${unit === 'ms' ? Math.round(Math.abs(delta)) : Math.abs(delta).toFixed(3)}`

/** Each metric of this run against an earlier one: old → new and the change. */
export function formatComparison(rows: readonly MetricRow[], old: Record<string, number | null>): string {
  const body = rows.map((row) => {
    const before = old[row.key] ?? null
    const delta = before === null || row.value === null ? '' : signed(row.value - before, row.unit)
    return [row.label, formatValue(before, row.unit), '→', formatValue(row.value, row.unit), delta]
  })
  return alignColumns([['metric', 'old', '', 'new', 'delta'], ...body], [false, true, false, true, true])
}
