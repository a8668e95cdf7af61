import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { closedPort } from './tcp-proxy.ts'

/** `npm start` as a process of its own: what a crash does to it is visible from outside. */
export type AppProcess = {
  url: string
  child: ChildProcess
  /** Everything it printed so far (pino JSON lines and any crash trace). */
  output(): string
  /** Resolves with the exit code once it has exited; null while it runs. */
  exitCode(): number | null | undefined
  /** Resolves when a line matching `pattern` has been printed. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>
  stop(): Promise<void>
}

/**
 * Starts src/main.ts with `env` on a free port and waits until it listens. Node runs it directly
 * (tsx as a loader), so that a signal or crash reaches the app and not a wrapper.
 */
export async function startAppProcess(env: Record<string, string>): Promise<AppProcess> {
  const port = await closedPort()
  const dataDir = mkdtempSync(join(tmpdir(), 'qd-app-'))
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let exit: number | null | undefined
  const waiters: Array<() => void> = []
  const collect = (data: Buffer) => {
    output += data
    for (const check of [...waiters]) check()
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code) => {
      exit = code
      for (const check of [...waiters]) check()
      resolve()
    }),
  )
  const waitFor = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new Error(`timed out waiting for ${pattern}:\n${output.slice(-2000)}`)),
        timeoutMs,
      )
      const finish = (error?: Error) => {
        clearTimeout(timer)
        waiters.splice(waiters.indexOf(check), 1)
        error ? reject(error) : resolve()
      }
      const check = () => {
        if (pattern.test(output)) finish()
        else if (exit !== undefined)
          finish(new Error(`the app exited (${exit}) before ${pattern}:\n${output.slice(-2000)}`))
      }
      waiters.push(check)
      check()
    })
  const app: AppProcess = {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    exitCode: () => exit,
    waitFor,
    async stop() {
      if (exit === undefined) {
        child.kill('SIGTERM')
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(killer)
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  await waitFor(/"msg":"Server listening at/)
  return app
}

/**
 * A schema of its own on TEST_DATABASE_URL for an app process: the URL carries the search_path and
 * an application_name, so a test can find (and terminate) exactly this app's connections.
 */
export async function createPostgresSchema(url: string): Promise<{
  url: string
  applicationName: string
  admin: (sql: string, params?: unknown[]) => Promise<pg.QueryResult>
  drop(): Promise<void>
}> {
  const schema = `app_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const admin = async (sql: string, params?: unknown[]) => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      return await client.query(sql, params)
    } finally {
      await client.end()
    }
  }
  await admin(`create schema ${schema}`)
  const appUrl = new URL(url)
  appUrl.searchParams.set('options', `-c search_path=${schema},public`)
  appUrl.searchParams.set('application_name', schema)
  return {
    url: appUrl.href,
    applicationName: schema,
    admin,
    drop: async () => {
      await admin(`drop schema ${schema} cascade`)
    },
  }
}
