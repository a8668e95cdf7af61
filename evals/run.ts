/**
 * The evaluation run: every gold case through POST /api/chat, scored, printed as one table with the
 * dev split, the test split and the gap between them.
 *   npm run eval [-- --url http://127.0.0.1:3000] [--filter followups] [--out file] [--compare old.json]
 *   npm run eval -- --tune                  grid-search the ranker weights on the dev split (evals/tune.ts)
 *   npm run eval -- --external <folder>     the outside check on another corpus (evals/external.ts)
 *   npm run eval -- --test-misses           also list the test split's (or the held-out external folder's)
 *                                           misses, for a closing report only: reading them while changing
 *                                           rules is tuning on them
 * Exits 1 when a gated metric is below evals/thresholds.json, 2 on a usage or set-up error.
 */
import { parseArgs } from 'node:util'
import { loadCases, type Split } from './cases.ts'
import { checkThresholds, loadThresholds, TARGETS } from './gate.ts'
import { type CaseResult, runCases } from './harness.ts'
import { formatConfusionMatrix } from './metrics/confusion.ts'
import { listMisses } from './misses.ts'
import { type EvalReport, formatComparison, formatMisses, formatSplitTable, readReport, writeReport } from './report.ts'
import { flattenRows, summarise } from './summary.ts'
import { createEvalSystem, fetchChat, injectChat } from './system.ts'

const USAGE =
  'usage: npm run eval -- [--url http://host:port] [--filter <id or file part>] [--out file] [--compare old.json]\n' +
  '                        [--test-misses]\n' +
  '       npm run eval -- --tune\n'

function parseOptions() {
  try {
    const { values } = parseArgs({
      options: {
        url: { type: 'string' },
        filter: { type: 'string' },
        out: { type: 'string' },
        compare: { type: 'string' },
        tune: { type: 'boolean' },
        'test-misses': { type: 'boolean' },
        external: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
    if (values.url) new URL(values.url)
    return values
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    process.exit(2)
  }
}

/** Progress on stderr, so that stdout holds only the report: one updating line on a terminal. */
function progress(result: CaseResult, done: number, total: number) {
  if (process.stderr.isTTY) process.stderr.write(`\r  ${done}/${total}  ${result.id}`.padEnd(60))
  else if (done % 50 === 0 || done === total) process.stderr.write(`  ${done}/${total} cases\n`)
  if (process.stderr.isTTY && done === total) process.stderr.write('\n')
}

const options = parseOptions()
if (options.help) {
  console.log(USAGE)
  process.exit(0)
}
if (options.tune) {
  const { runTuning } = await import('./tune.ts')
  await runTuning()
  process.exit(0)
}
if (options.external) {
  const { runExternalCheck } = await import('./external.ts')
  process.exit(
    await runExternalCheck({
      dir: options.external,
      url: options.url,
      out: options.out,
      heldOutMisses: options['test-misses'],
    }),
  )
}
const out = options.out ?? 'evals/reports/latest.json'
const started = performance.now()
// Read before anything is written: comparing against the default output path must see the old run.
const previous = options.compare ? readReport(options.compare) : null
const thresholds = loadThresholds()
const cases = loadCases({ filter: options.filter })
if (cases.length === 0) {
  console.error(`no case id or file name contains "${options.filter}"`)
  process.exit(2)
}

const system = await createEvalSystem()
const target = options.url ?? 'in-process'
console.error(
  `${cases.length} cases → ${options.url ? `${options.url}/api/chat` : 'in-process app (app.inject)'}; ` +
    `knowledge ingested in ${system.description.ingestMs} ms; embedder ${system.description.embedder}, ` +
    `LLM ${system.description.llm ? 'on' : 'off (extractive answers)'}`,
)
let results: CaseResult[]
try {
  const send = options.url ? fetchChat(options.url) : injectChat(system.app)
  results = await runCases({ assistant: system.assistant, send }, cases, progress)
} finally {
  await system.close()
}

const summary = summarise(results)
const metrics = flattenRows(summary.rows)
const ofSplit = (split: Split) => summarise(results.filter((result) => result.split === split))
const splits = { dev: ofSplit('dev'), test: ofSplit('test') }
const splitMetrics = { dev: flattenRows(splits.dev.rows), test: flattenRows(splits.test.rows) }
const originalFiles = new Set(thresholds.original.files)
const original = summarise(results.filter((result) => originalFiles.has(result.file)))
// A subset's numbers are not comparable with the minimums, which are set on the whole suite.
const failures = options.filter
  ? null
  : [
      ...checkThresholds('test', splitMetrics.test, thresholds),
      ...checkThresholds('original', flattenRows(original.rows), thresholds),
    ]
// The test split's misses stay out of sight by default: whoever changes a rule while reading them is
// tuning on test, and the gap the table reports would stop meaning anything.
const allMisses = listMisses(results)
const misses = options['test-misses'] ? allMisses : allMisses.filter((miss) => miss.split !== 'test')
const hiddenMisses = allMisses.length - misses.length
const durationMs = Math.round(performance.now() - started)

console.log(
  `\nquality-desk evals — ${cases.length} cases${options.filter ? ` matching "${options.filter}"` : ''}, ${target}`,
)
if (options.url) {
  console.log(
    'note: answers, intents, citations and latency come from the server; retrieval hit@k/MRR are computed\n' +
      '      in-process (fresh ingest of the local knowledge folder) on the resolvedQuery the server returned.',
  )
}
console.log(
  `\n${formatSplitTable({ dev: splits.dev.rows, test: splits.test.rows, original: original.rows }, thresholds, failures)}`,
)
console.log(
  `(dev ${results.filter((r) => r.split === 'dev').length} cases: the only ones tuned on; ` +
    `test ${results.filter((r) => r.split === 'test').length}: never tuned on; gap = test − dev; ` +
    `original: the ${results.filter((r) => originalFiles.has(r.file)).length} cases of the files the minimums before the split were set on)`,
)
console.log(`\nintent confusion (rows expected, columns predicted)\n${formatConfusionMatrix(summary.intents)}`)
console.log(`\nmisses\n${formatMisses(misses)}`)
if (hiddenMisses > 0) console.log(`(${hiddenMisses} test-split misses not listed: --test-misses lists them)`)

const report: EvalReport = {
  generatedAt: new Date().toISOString(),
  target,
  filter: options.filter ?? null,
  durationMs,
  cases: cases.length,
  metrics,
  splitMetrics,
  summary,
  misses,
  results,
}
writeReport(out, report)
console.log(`\nreport: ${out}; ${(durationMs / 1000).toFixed(1)} s`)

if (previous) {
  console.log(`\ncompared with ${options.compare} (${previous.generatedAt}, ${previous.target})`)
  console.log(formatComparison(summary.rows, previous.metrics))
}

console.log(`\n${TARGETS}`)
if (options.filter) console.log('gate not applied: --filter runs a subset')
for (const failure of failures ?? []) {
  const value = failure.value === null ? 'no data' : failure.value.toFixed(3)
  console.log(`BELOW THRESHOLD: ${failure.scope} ${failure.key} = ${value} < ${failure.minimum.toFixed(2)}`)
}
if (failures && failures.length > 0) process.exitCode = 1
