import type { BenchQuestion } from './load.ts'
import type { MemorySample } from './memory.ts'
import { startServerProcess } from './server-child.ts'
import { chooseScenario, SCENARIOS, type TrafficContext } from './soak-traffic.ts'
import type { StoreTarget } from './stores.ts'

export type SoakInterval = {
  atSeconds: number
  requests: number
  requestsPerSecond: number
  p95: number | null
  errors: number
} & MemorySample

export type SoakResult = {
  target: 'pglite' | 'postgres'
  seconds: number
  users: number
  requests: number
  errors: number
  /** Answers the traffic expects now and then, e.g. 409 when two staff claim the same ticket. */
  expectedConflicts: number
  byScenario: Record<string, number>
  errorSamples: string[]
  intervals: SoakInterval[]
  tickets: number
  /** The server process's peak resident set. */
  peakRss: number
}

const p95 = (values: number[]) => {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.ceil(0.95 * sorted.length) - 1] ?? null
}

/**
 * `seconds` of mixed traffic from `users` concurrent clients (here) against the real app (in a
 * process of its own, whose memory is reported every `intervalSeconds`). Each client stops at the
 * deadline; nothing runs after.
 */
export async function soak(options: {
  target: StoreTarget
  questions: BenchQuestion[]
  seconds: number
  intervalSeconds: number
  users: number
  onInterval: (interval: SoakInterval) => void
}): Promise<SoakResult> {
  const server = await startServerProcess(options.target)
  const ctx: TrafficContext = {
    url: server.url,
    staffToken: server.staffToken ?? '',
    questions: options.questions,
    tickets: [],
    window: { requests: 0, errors: 0, latencies: [] },
    totals: { requests: 0, errors: 0, expectedConflicts: 0, failures: new Map() },
  }
  const byScenario: Record<string, number> = {}
  const intervals: SoakInterval[] = []
  const started = performance.now()
  const deadline = started + options.seconds * 1000
  let windowStarted = started
  const report = async () => {
    const now = performance.now()
    const window = ctx.window
    const seconds = Math.max(0.001, (now - windowStarted) / 1000)
    ctx.window = { requests: 0, errors: 0, latencies: [] }
    windowStarted = now
    const { sample } = await server.memory()
    const interval: SoakInterval = {
      atSeconds: Math.round((now - started) / 1000),
      requests: window.requests,
      requestsPerSecond: window.requests / seconds,
      p95: p95(window.latencies),
      errors: window.errors,
      ...sample,
    }
    intervals.push(interval)
    options.onInterval(interval)
  }
  try {
    const user = async () => {
      while (performance.now() < deadline) {
        const name = chooseScenario()
        byScenario[name] = (byScenario[name] ?? 0) + 1
        await SCENARIOS[name]!.run(ctx)
      }
    }
    const reporter = async () => {
      for (let at = options.intervalSeconds; at < options.seconds; at += options.intervalSeconds) {
        await new Promise((resolve) => setTimeout(resolve, started + at * 1000 - performance.now()))
        await report()
      }
    }
    await Promise.all([reporter(), ...Array.from({ length: options.users }, user)])
    await report()
  } catch (error) {
    await server.stop().catch(() => {})
    throw error
  }
  const { maxRss, tickets } = await server.stop()
  return {
    target: options.target.kind,
    seconds: options.seconds,
    users: options.users,
    requests: ctx.totals.requests,
    errors: ctx.totals.errors,
    expectedConflicts: ctx.totals.expectedConflicts,
    byScenario,
    errorSamples: [...ctx.totals.failures].sort((a, b) => b[1] - a[1]).map(([what, n]) => `${n}× ${what}`),
    intervals,
    tickets,
    peakRss: maxRss,
  }
}
