import { type BenchQuestion, type LoadResult, type LoadSpec, runLoad } from './load.ts'
import { startServerProcess } from './server-child.ts'
import type { StoreTarget } from './stores.ts'

export type LoadOptions = { connections: number; durationSeconds: number; warmupSeconds: number; repeat: number }

export type ChatMeasurement = {
  target: 'pglite' | 'postgres' | 'ceiling'
  /** The best run (highest throughput). */
  best: LoadResult
  /** The server process's peak resident set over its life: start, ingest of knowledge/, warm-up and every run. */
  peakRss: number
  /** Its resident set and V8 heap right after the best run. */
  rssAfterBest: number
  heapUsedAfterBest: number
  runs: Array<{ requestsPerSecond: number; p95: number | null; errors: number; non2xx: number }>
}

/**
 * The load against a server in a process of its own (server-process.ts), from a load generator in
 * another (load-generator.ts): `repeat` runs after a warm-up; the best one counts.
 */
async function measure(
  server: StoreTarget | 'ceiling',
  spec: (url: string) => LoadSpec,
  options: LoadOptions,
  onRun: (line: string) => void,
): Promise<ChatMeasurement> {
  const label = server === 'ceiling' ? 'ceiling' : `chat ${server.kind}`
  const running = await startServerProcess(server)
  try {
    // Warm-up: JIT, the connection pool, PostgreSQL's caches; not counted.
    if (options.warmupSeconds > 0) await runLoad({ ...spec(running.url), durationSeconds: options.warmupSeconds })
    const runs: Array<{ result: LoadResult; rss: number; heapUsed: number }> = []
    for (let run = 1; run <= options.repeat; run++) {
      const result = await runLoad(spec(running.url))
      const { sample } = await running.memory()
      runs.push({ result, rss: sample.rss, heapUsed: sample.heapUsed })
      onRun(
        `  ${label} run ${run}/${options.repeat}: ${result.requestsPerSecond.toFixed(1)} req/s, ` +
          `p95 ${result.p95?.toFixed(1)} ms, ${result.errors + result.timeouts + result.non2xx} errors/non-2xx`,
      )
    }
    const best = runs.reduce((a, b) => (b.result.requestsPerSecond > a.result.requestsPerSecond ? b : a))
    const { maxRss } = await running.stop()
    return {
      target: server === 'ceiling' ? 'ceiling' : server.kind,
      best: best.result,
      peakRss: maxRss,
      rssAfterBest: best.rss,
      heapUsedAfterBest: best.heapUsed,
      runs: runs.map(({ result }) => ({
        requestsPerSecond: result.requestsPerSecond,
        p95: result.p95,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
      })),
    }
  } catch (error) {
    await running.stop().catch(() => {})
    throw error
  }
}

/** POST /api/chat with a rotating set of questions, on a fresh store with knowledge/ ingested. */
export const benchChat = (
  options: LoadOptions & { target: StoreTarget; questions: BenchQuestion[]; onRun: (line: string) => void },
): Promise<ChatMeasurement> =>
  measure(
    options.target,
    (url) => ({
      kind: 'chat',
      url,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      questions: options.questions,
    }),
    options,
    options.onRun,
  )

/** GET /bench/ceiling on a bare Fastify instance, with the same load: what this machine can do at best. */
export const benchCeiling = (options: LoadOptions & { onRun: (line: string) => void }): Promise<ChatMeasurement> =>
  measure(
    'ceiling',
    (url) => ({ kind: 'ceiling', url, connections: options.connections, durationSeconds: options.durationSeconds }),
    options,
    options.onRun,
  )
