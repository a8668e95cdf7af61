/**
 * CPU per chat turn, in process: every gold question once as the first turn of its own conversation
 * (as `npm run bench` sends them), through `app.inject` on a freshly ingested store. Unlike the
 * bench's requests per second, the process's own CPU time (user + system) hardly depends on what
 * else the machine runs, so two versions can be compared on a busy machine.
 *   npx tsx evals/bench/turn-cpu.ts [--runs 3] [--pg postgres://…] [--profile turns.cpuprofile]
 * `--pg`: the store is a schema of its own on that server (dropped afterwards), so the figure is the
 * app's share of a turn; PostgreSQL's own work is in its processes, reported beside it when the server
 * runs on this machine (the CPU time of every process named postgres, from /proc: others' queries count too). `--profile`: a V8 CPU profile of
 * the last run's turns only (open it in Chrome's DevTools or speedscope).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { parseArgs } from 'node:util'
import { loadCases } from '../cases.ts'
import { createEvalSystem, injectChat } from '../system.ts'
import { openStore, type StoreTarget } from './stores.ts'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    pg: { type: 'string' },
    profile: { type: 'string' },
  },
})
const runs = Math.max(1, Number(values.runs))
const target: StoreTarget = values.pg ? { kind: 'postgres', url: values.pg } : { kind: 'pglite' }
const questions = loadCases().map((c) => ({ message: c.question, audience: c.audience }))

// /proc/<pid>/stat: utime and stime (fields 14 and 15) in clock ticks of 10 ms (USER_HZ 100 on Linux).
const TICK_MS = 10
function postgresCpuMs(): number | null {
  let ticks = 0
  let found = false
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      if (!stat.includes('(postgres)')) continue
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      ticks += Number(fields[11]) + Number(fields[12])
      found = true
    } catch {
      // A process that ended between the listing and the read.
    }
  }
  return found ? ticks * TICK_MS : null
}

const median = (sorted: number[]) => sorted[Math.floor((sorted.length - 1) / 2)] ?? 0
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0

// PGlite in memory, as `npm run eval` runs it; PostgreSQL in a schema of its own.
const store = values.pg ? await openStore(target, 4) : null
const system = await createEvalSystem(store ? { db: store.db } : {})
const send = injectChat(system.app)
const profiler = values.profile ? new Session() : null
try {
  // One untimed pass: the first turns pay for lazy loading (jieba's dictionary, OpenCC, JIT).
  for (const question of questions) await send(question)
  const perTurn: number[] = []
  const serverPerTurn: number[] = []
  for (let run = 1; run <= runs; run += 1) {
    if (profiler && run === runs) {
      profiler.connect()
      await profiler.post('Profiler.enable')
      await profiler.post('Profiler.start')
    }
    const latencies: number[] = []
    const serverBefore = values.pg ? postgresCpuMs() : null
    const cpuBefore = process.cpuUsage()
    for (const question of questions) {
      const started = performance.now()
      await send(question)
      latencies.push(performance.now() - started)
    }
    const cpu = process.cpuUsage(cpuBefore)
    const serverAfter = serverBefore === null ? null : postgresCpuMs()
    const ms = (cpu.user + cpu.system) / 1000 / questions.length
    perTurn.push(ms)
    const server =
      serverBefore === null || serverAfter === null ? null : (serverAfter - serverBefore) / questions.length
    if (server !== null) serverPerTurn.push(server)
    latencies.sort((a, b) => a - b)
    console.error(
      `run ${run}: CPU ${ms.toFixed(2)} ms/turn (user ${(cpu.user / 1000 / questions.length).toFixed(2)}), ` +
        `${server === null ? '' : `PostgreSQL processes ${server.toFixed(2)} ms/turn, `}` +
        `wall p50 ${median(latencies).toFixed(1)} ms, p95 ${quantile(latencies, 0.95).toFixed(1)} ms`,
    )
    if (profiler && run === runs && values.profile) {
      const { profile } = await profiler.post('Profiler.stop')
      writeFileSync(values.profile, JSON.stringify(profile))
      profiler.disconnect()
    }
  }
  perTurn.sort((a, b) => a - b)
  serverPerTurn.sort((a, b) => a - b)
  if (serverPerTurn.length > 0)
    console.log(`PostgreSQL processes: median ${median(serverPerTurn).toFixed(2)} ms per turn`)
  console.log(
    `${target.kind}: ${questions.length} questions × ${runs} runs, CPU per turn median ${median(perTurn).toFixed(2)} ms ` +
      `(min ${perTurn[0]?.toFixed(2)}, max ${perTurn.at(-1)?.toFixed(2)})`,
  )
} finally {
  await system.close()
  await store?.dispose()
}
