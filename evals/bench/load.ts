import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export type BenchQuestion = { message: string; audience: 'citizen' | 'enterprise' }

export type LoadSpec = { url: string; connections: number; durationSeconds: number } & (
  | { kind: 'chat'; questions: BenchQuestion[] }
  | { kind: 'ceiling' }
)

export type LoadResult = {
  requests: number
  seconds: number
  requestsPerSecond: number
  /** Milliseconds, over every response of the run. */
  p50: number | null
  p95: number | null
  p99: number | null
  max: number | null
  /** Connection errors and timeouts, and answers that were not 2xx. */
  errors: number
  timeouts: number
  non2xx: number
  statuses: Record<string, number>
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const GENERATOR = fileURLToPath(new URL('./load-generator.ts', import.meta.url))

/** Runs load-generator.ts in a child process and returns what it measured. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', GENERATOR], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (data) => (stdout += data))
    child.stderr.on('data', (data) => (stderr += data))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}: ${stderr.slice(-500)}`))
      try {
        resolve(JSON.parse(stdout) as LoadResult)
      } catch {
        reject(new Error(`load generator printed no result: ${stdout.slice(0, 200)} ${stderr.slice(-300)}`))
      }
    })
    child.stdin.end(JSON.stringify(spec))
  })
}
