import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { MemorySample } from './memory.ts'
import type { StoreTarget } from './stores.ts'

export type ParentMessage = { type: 'memory' } | { type: 'stop' }
export type ChildMessage =
  | { type: 'ready'; url: string; staffToken: string | null }
  | { type: 'failed'; message: string }
  | { type: 'memory'; sample: MemorySample; maxRss: number }
  | { type: 'stopped'; maxRss: number; tickets: number }

export type ServerProcess = {
  url: string
  staffToken: string | null
  /** The server's memory now, and the peak resident set it has reached (getrusage maxrss). */
  memory(): Promise<{ sample: MemorySample; maxRss: number }>
  stop(): Promise<{ maxRss: number; tickets: number }>
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const ENTRY = fileURLToPath(new URL('./server-process.ts', import.meta.url))

/** Starts server-process.ts: the app on a fresh store of `target`, or the bare ceiling route. */
export function startServerProcess(target: StoreTarget | 'ceiling'): Promise<ServerProcess> {
  const child = fork(ENTRY, [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_SERVER: target === 'ceiling' ? 'ceiling' : JSON.stringify(target) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  // One request at a time, so the next message of the awaited type is its answer.
  const next = <T extends ChildMessage['type']>(type: T) =>
    new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (message: ChildMessage) => {
        if (message.type === 'failed') return done(() => reject(new Error(`bench server failed:\n${message.message}`)))
        if (message.type === type) done(() => resolve(message as Extract<ChildMessage, { type: T }>))
      }
      const onExit = (code: number | null) =>
        done(() => reject(new Error(`bench server exited (${code}) before "${type}"`)))
      const done = (settle: () => void) => {
        child.off('message', onMessage)
        child.off('exit', onExit)
        settle()
      }
      child.on('message', onMessage)
      child.on('exit', onExit)
    })
  const ask = <T extends ChildMessage['type']>(message: ParentMessage, type: T) => {
    const answer = next(type)
    child.send(message)
    return answer
  }
  return next('ready').then((ready) => ({
    url: ready.url,
    staffToken: ready.staffToken,
    memory: () => ask({ type: 'memory' }, 'memory'),
    stop: async () => {
      const stopped = await ask({ type: 'stop' }, 'stopped')
      return { maxRss: stopped.maxRss, tickets: stopped.tickets }
    },
  }))
}
