// The part of autocannon's API the bench uses; the package ships no types.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  type Request = {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request
  }
  type Options = {
    url: string
    connections?: number
    duration?: number
    amount?: number
    timeout?: number
    headers?: Record<string, string>
    requests?: Request[]
  }
  type Histogram = { mean: number; p50: number; p90: number; p97_5: number; p99: number; max: number }
  export type Result = {
    requests: Histogram & { total: number; average: number }
    latency: Histogram
    throughput: Histogram
    errors: number
    timeouts: number
    non2xx: number
    duration: number
    '2xx': number
  }
  type Instance = EventEmitter & PromiseLike<Result> & { stop(): void }
  function autocannon(options: Options): Instance
  export default autocannon
}
