import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'
import type { ChatMeasurement, LoadOptions } from './chat-bench.ts'
import type { IngestMeasurement } from './ingest-bench.ts'
import type { SoakInterval, SoakResult } from './soak.ts'
import { formatNumber, formatTable, mib } from './table.ts'

export function printIngest(results: IngestMeasurement[]): string {
  const rows = results.map((r) => [
    r.store,
    `×${r.scale}`,
    r.files,
    r.chunks,
    formatNumber(r.ms / 1000, 2),
    formatNumber(r.chunksPerSecond, 0),
    mib(r.storeBytes),
    r.runsMs.map((ms) => (ms / 1000).toFixed(1)).join(' / '),
  ])
  return `ingest (fresh store each run; best of the runs listed)\n${formatTable(
    ['store', 'corpus', 'files', 'chunks', 'seconds', 'chunks/s', 'store MiB', 'runs (s)'],
    rows,
  )}`
}

export function printChat(results: ChatMeasurement[], load: LoadOptions): string {
  const ceiling = results.find((r) => r.target === 'ceiling')?.best.requestsPerSecond ?? null
  const rows = results.map((r) => [
    r.target === 'ceiling' ? 'GET /bench/ceiling' : `POST /api/chat (${r.target})`,
    formatNumber(r.best.requestsPerSecond, 1),
    formatNumber(r.best.p50, 1),
    formatNumber(r.best.p95, 1),
    formatNumber(r.best.p99, 1),
    formatNumber(r.best.max, 0),
    r.best.errors + r.best.timeouts + r.best.non2xx,
    mib(r.peakRss),
    mib(r.rssAfterBest),
    ceiling ? `${((100 * r.best.requestsPerSecond) / ceiling).toFixed(2)}%` : '–',
    r.runs.map((run) => run.requestsPerSecond.toFixed(1)).join(' / '),
  ])
  return `chat under load (${load.connections} connections, ${load.durationSeconds} s per run after ${load.warmupSeconds} s warm-up; best run)\n${formatTable(
    [
      'endpoint',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'errors',
      'peak RSS MiB',
      'RSS after MiB',
      'of ceiling',
      'runs (req/s)',
    ],
    rows,
  )}`
}

export const printSoakInterval = (store: string, i: SoakInterval): string =>
  `  [${store} ${String(i.atSeconds).padStart(5)} s] ${String(i.requests).padStart(6)} requests  ` +
  `${i.requestsPerSecond.toFixed(1).padStart(6)} req/s  p95 ${formatNumber(i.p95, 0).padStart(6)} ms  ` +
  `errors ${String(i.errors).padStart(3)}  RSS ${mib(i.rss).padStart(7)} MiB  heap ${mib(i.heapUsed).padStart(6)}/${mib(i.heapTotal)} MiB`

export function printSoak(result: SoakResult): string {
  const rows = result.intervals.map((i) => [
    i.atSeconds,
    i.requests,
    formatNumber(i.requestsPerSecond, 1),
    formatNumber(i.p95, 0),
    i.errors,
    mib(i.rss),
    mib(i.heapUsed),
    mib(i.heapTotal),
    mib(i.external),
  ])
  const first = result.intervals[0]
  const last = result.intervals.at(-1)
  const mix = Object.entries(result.byScenario)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ')
  return [
    `soak on ${result.target}: ${result.seconds} s, ${result.users} clients — ${result.requests} requests, ${result.errors} errors, ` +
      `${result.expectedConflicts} expected 409s (concurrent claims), ${result.tickets} tickets stored; ` +
      `server peak RSS ${mib(result.peakRss)} MiB`,
    `scenarios: ${mix}`,
    formatTable(
      ['t (s)', 'requests', 'req/s', 'p95 ms', 'errors', 'RSS MiB', 'heap used MiB', 'heap total MiB', 'external MiB'],
      rows,
    ),
    first && last
      ? `RSS ${mib(first.rss)} → ${mib(last.rss)} MiB, heap used ${mib(first.heapUsed)} → ${mib(last.heapUsed)} MiB from the first report to the last`
      : '',
    ...result.errorSamples.map((sample) => `  error: ${sample}`),
  ]
    .filter(Boolean)
    .join('\n')
}

/** Writes the report as JSON (evals/reports/ is git-ignored) and says where. */
export function writeBenchReport(path: string, report: Record<string, unknown>): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify({ generatedAt: new Date().toISOString(), ...report }, null, 2)}\n`)
  console.log(`\nreport: ${relative(process.cwd(), path) || path}`)
}
