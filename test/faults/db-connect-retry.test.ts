import { spawn } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import {
  type ConnectRetry,
  connectWithRetry,
  createPostgresDb,
  type Db,
  describeGiveUp,
  describeRetry,
} from '../../src/db/index.ts'
import { closedPort, startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts'

const PG_URL = process.env.TEST_DATABASE_URL

/** Records the waits instead of sleeping; `during` runs inside a wait, e.g. to start the server. */
const fakeClock = (during?: (waits: number[]) => Promise<void>) => {
  const waits: number[] = []
  return {
    waits,
    wait: async (ms: number) => {
      waits.push(ms)
      await during?.(waits)
    },
  }
}

describe('connecting to PostgreSQL at start', () => {
  let proxy: TcpProxy | undefined
  let db: Db | undefined
  afterEach(async () => {
    await db?.close()
    await proxy?.close()
    db = undefined
    proxy = undefined
  })

  it('retries a refused connection with growing waits, says so, then gives up with the error', async () => {
    const url = `postgres://quality_desk:secret-pw@127.0.0.1:${await closedPort()}/quality_desk`
    const clock = fakeClock()
    const retries: ConnectRetry[] = []
    let attempts = 0
    const connecting = connectWithRetry(
      () => {
        attempts++
        return createPostgresDb(url)
      },
      { retries: 3, delayMs: 1_000, wait: clock.wait, onRetry: (retry) => retries.push(retry) },
    )
    const error = await connecting.catch((caught: unknown) => caught)
    expect((error as { code?: string }).code).toBe('ECONNREFUSED')
    expect(attempts).toBe(4)
    expect(clock.waits).toEqual([1_000, 2_000, 4_000])
    expect(describeRetry(retries[0]!)).toMatch(
      /^无法连接数据库（.*ECONNREFUSED 127\.0\.0\.1:\d+），将在 1 秒后重试（第 1\/3 次）。$/,
    )
    expect(describeRetry(retries[2]!)).toContain('将在 4 秒后重试（第 3/3 次）')
    expect(describeGiveUp(error, 3)).toContain('已重试 3 次，放弃启动')
    for (const retry of retries) expect(describeRetry(retry)).not.toContain('secret-pw')
  })

  it('caps the wait at maxDelayMs', async () => {
    const clock = fakeClock()
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    await expect(
      connectWithRetry(() => Promise.reject(refused), {
        retries: 5,
        delayMs: 1_000,
        maxDelayMs: 3_000,
        wait: clock.wait,
      }),
    ).rejects.toBe(refused)
    expect(clock.waits).toEqual([1_000, 2_000, 3_000, 3_000, 3_000])
  })

  it('does not retry what waiting cannot cure (wrong password, no such database)', async () => {
    const clock = fakeClock()
    const wrongPassword = Object.assign(new Error('password authentication failed'), { code: '28P01' })
    let attempts = 0
    const failing = () => {
      attempts++
      return Promise.reject(wrongPassword)
    }
    await expect(connectWithRetry(failing, { retries: 5, delayMs: 10, wait: clock.wait })).rejects.toBe(wrongPassword)
    expect(attempts).toBe(1)
    expect(describeGiveUp(wrongPassword, 5)).toContain('请检查 DATABASE_URL')
  })

  it.skipIf(!PG_URL)('connects once the server comes up during the waits', async () => {
    const target = new URL(PG_URL as string)
    const port = await closedPort()
    const url = new URL(PG_URL as string)
    url.port = String(port)
    // The "server" starts while the second wait is under way.
    const clock = fakeClock(async (waits) => {
      if (waits.length === 2) proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) }, port)
    })
    db = await connectWithRetry(() => createPostgresDb(url.href, { poolSize: 1 }), {
      retries: 5,
      delayMs: 10,
      wait: clock.wait,
    })
    expect(clock.waits).toEqual([10, 20])
    expect(await db.query<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }])
  })

  it('npm start prints a clear message for each retry and exits 1 when PostgreSQL stays down', async () => {
    const url = `postgres://quality_desk:secret-pw@127.0.0.1:${await closedPort()}/quality_desk`
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DATABASE_URL: url, DB_CONNECT_RETRIES: '2', DB_CONNECT_RETRY_DELAY_MS: '100', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (data) => (output += data))
    child.stderr.on('data', (data) => (output += data))
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).toBe(1)
    expect(output).toMatch(/无法连接数据库（connect ECONNREFUSED 127\.0\.0\.1:\d+），将在/)
    expect(output).toContain('将在 0.1 秒后重试（第 1/2 次）')
    expect(output).toContain('将在 0.2 秒后重试（第 2/2 次）')
    expect(output).toContain('已重试 2 次，放弃启动')
    expect(output).not.toContain('secret-pw')
  })
})
