/**
 * The load generator, run as its own process by load.ts so that it neither competes with the
 * server for its event loop nor counts in its memory. Reads a LoadSpec as JSON on stdin, runs
 * autocannon against 127.0.0.1, writes a LoadResult as JSON on stdout.
 */
import { text } from 'node:stream/consumers'
import autocannon from 'autocannon'
import type { LoadResult, LoadSpec } from './load.ts'

const spec = JSON.parse(await text(process.stdin)) as LoadSpec
const url = new URL(spec.url)
if (url.hostname !== '127.0.0.1') throw new Error(`the bench only targets 127.0.0.1, not ${url.hostname}`)

const latencies: number[] = []
const statuses: Record<string, number> = {}
let next = 0

const requests =
  spec.kind === 'chat'
    ? [
        {
          method: 'POST',
          path: '/api/chat',
          headers: { 'content-type': 'application/json' },
          // Each request takes the next question, so caches see the same rotation as a real queue would.
          setupRequest: (request: object) => {
            const question = spec.questions[next++ % spec.questions.length]
            return { ...request, body: JSON.stringify(question) }
          },
        },
      ]
    : [{ method: 'GET', path: '/bench/ceiling' }]

const instance = autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.durationSeconds,
  timeout: 30,
  requests,
})
instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
  latencies.push(ms)
  statuses[status] = (statuses[status] ?? 0) + 1
})
const result = await instance

latencies.sort((a, b) => a - b)
const percentile = (p: number) =>
  latencies.length === 0
    ? null
    : (latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? null)
const output: LoadResult = {
  requests: latencies.length,
  seconds: result.duration,
  requestsPerSecond: latencies.length / result.duration,
  p50: percentile(50),
  p95: percentile(95),
  p99: percentile(99),
  max: latencies.at(-1) ?? null,
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  statuses,
}
process.stdout.write(JSON.stringify(output))
