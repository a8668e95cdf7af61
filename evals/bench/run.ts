/**
 * Benchmarks: ingest cost as the corpus grows, chat throughput and latency under concurrent load
 * against a bare-Fastify ceiling, and a soak mode with mixed traffic. Everything on 127.0.0.1.
 *   npm run bench [-- --pg postgres://…] [--duration 15] [--connections 10] [--repeat 2]
 *                 [--scales 1,10,100] [--skip ingest|chat] [--out evals/reports/bench.json]
 *   npm run bench -- --soak 600 [--interval 30] [--users 4] [--pg …]   (report: evals/reports/bench-soak.json)
 * PostgreSQL is measured too when --pg or BENCH_DATABASE_URL is given, each run in a schema of its own.
 */
import { cpus, loadavg, totalmem } from 'node:os'
import { parseArgs } from 'node:util'
import { createEmbedder } from '../../src/embedding/index.ts'
import { loadCases } from '../cases.ts'
import { benchCeiling, benchChat, type ChatMeasurement } from './chat-bench.ts'
import { benchIngest, type IngestMeasurement } from './ingest-bench.ts'
import type { BenchQuestion } from './load.ts'
import { peakRssBytes, sampleMemory } from './memory.ts'
import { printChat, printIngest, printSoak, printSoakInterval, writeBenchReport } from './report.ts'
import { benchConfig } from './servers.ts'
import { soak } from './soak.ts'
import type { StoreTarget } from './stores.ts'

const USAGE = `usage: npm run bench -- [--pg URL] [--duration S] [--connections N] [--repeat N] [--scales 1,10,100]
                     [--skip ingest|chat] [--out FILE]
       npm run bench -- --soak SECONDS [--interval S] [--users N] [--pg URL]`

function parseOptions() {
  const { values } = parseArgs({
    options: {
      pg: { type: 'string', default: process.env.BENCH_DATABASE_URL },
      duration: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '10' },
      repeat: { type: 'string', default: '2' },
      scales: { type: 'string', default: '1,10,100' },
      skip: { type: 'string', multiple: true, default: [] },
      soak: { type: 'string' },
      interval: { type: 'string', default: '30' },
      users: { type: 'string', default: '4' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const count = (name: string, value: string | undefined, max: number) => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`--${name} must be a whole number from 0 to ${max}`)
    return n
  }
  if (values.pg) {
    const host = new URL(values.pg).hostname
    if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host))
      throw new Error(`--pg must point at this machine, not ${host}`)
  }
  return {
    help: values.help ?? false,
    pg: values.pg,
    durationSeconds: Math.max(1, count('duration', values.duration, 3_600)),
    warmupSeconds: count('warmup', values.warmup, 600),
    connections: Math.max(1, count('connections', values.connections, 1_000)),
    repeat: Math.max(1, count('repeat', values.repeat, 10)),
    scales: (values.scales ?? '').split(',').map((scale) => Math.max(1, count('scales', scale, 1_000))),
    skip: new Set(values.skip),
    soakSeconds: values.soak === undefined ? null : Math.max(1, count('soak', values.soak, 86_400)),
    intervalSeconds: Math.max(1, count('interval', values.interval, 3_600)),
    users: Math.max(1, count('users', values.users, 200)),
    // A soak does not overwrite the last benchmark.
    out: values.out ?? (values.soak === undefined ? 'evals/reports/bench.json' : 'evals/reports/bench-soak.json'),
  }
}

let options: ReturnType<typeof parseOptions>
try {
  options = parseOptions()
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`)
  process.exit(2)
}
if (options.help) {
  console.log(USAGE)
  process.exit(0)
}

const config = benchConfig()
const targets: StoreTarget[] = [
  { kind: 'pglite' },
  ...(options.pg ? [{ kind: 'postgres' as const, url: options.pg }] : []),
]
// Every gold question, as a rotating set: the mix of what people ask (and some things they should not).
const questions: BenchQuestion[] = loadCases().map((c) => ({ message: c.question, audience: c.audience }))
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryBytes: totalmem(),
  node: process.version,
  loadAverageAtStart: loadavg().map((value) => Number(value.toFixed(2))),
}
const log = (line: string) => console.error(line)
log(
  `quality-desk bench — ${machine.cpus} CPUs (${machine.cpuModel}), load average ${machine.loadAverageAtStart.join(' ')}, ` +
    `node ${machine.node}; stores: ${targets.map((t) => t.kind).join(', ')}; LLM ${config.LLM_MODEL ? 'on' : 'off'}`,
)

if (options.soakSeconds !== null) {
  const results = []
  for (const target of targets) {
    log(
      `soak on ${target.kind}: ${options.soakSeconds} s, ${options.users} concurrent clients, report every ${options.intervalSeconds} s`,
    )
    const result = await soak({
      target,
      questions,
      seconds: options.soakSeconds,
      intervalSeconds: options.intervalSeconds,
      users: options.users,
      onInterval: (interval) => log(printSoakInterval(target.kind, interval)),
    })
    console.log(`\n${printSoak(result)}`)
    results.push(result)
  }
  writeBenchReport(options.out, {
    mode: 'soak',
    machine,
    options: { ...options, skip: [...options.skip] },
    soak: results,
  })
  process.exit(results.some((result) => result.errors > 0) ? 1 : 0)
}

const ingest: IngestMeasurement[] = []
if (!options.skip.has('ingest')) {
  const embedder = await createEmbedder(config)
  for (const target of targets) {
    ingest.push(
      ...(await benchIngest({
        target,
        knowledgeDir: config.KNOWLEDGE_DIR,
        scales: options.scales,
        repeat: options.repeat,
        embedder,
        onRun: log,
      })),
    )
  }
  console.log(`\n${printIngest(ingest)}`)
}

const chat: ChatMeasurement[] = []
if (!options.skip.has('chat')) {
  const load = {
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    repeat: options.repeat,
  }
  chat.push(await benchCeiling({ ...load, onRun: log }))
  for (const target of targets) chat.push(await benchChat({ ...load, target, questions, onRun: log }))
  console.log(`\n${printChat(chat, load)}`)
}

// The ingest ran here; the servers and the load generator each in a process of their own.
const memory = { ingestProcessPeakRss: peakRssBytes(), atEnd: sampleMemory() }
console.log(`\npeak RSS of the process that ran the ingests: ${(memory.ingestProcessPeakRss / 2 ** 20).toFixed(1)} MiB`)
writeBenchReport(options.out, {
  mode: 'bench',
  machine,
  options: { ...options, skip: [...options.skip] },
  ingest,
  chat,
  memory,
})
