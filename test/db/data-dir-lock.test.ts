import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createPgliteDb, DataDirLockedError } from '../../src/db/index.ts'

type Run = { code: number | null; output: string }

/** A command-line entry point as its own process, on the given data folder, embedded store. */
function run(script: string, args: string[], dataDir: string): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (data: Buffer) => {
    output += data
  })
  child.stderr.on('data', (data: Buffer) => {
    output += data
  })
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })))
}

describe('one process per embedded data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'qd-lock-'))
  const folder = join(dataDir, 'pglite')
  const lockFile = `${folder}.lock`
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('refuses every second process at once, names the server, and leaves the store intact', async () => {
    const server = await createPgliteDb(folder, { command: 'server', host: '127.0.0.1', port: 3999 })
    await server.exec("create table marker (id int primary key, note text); insert into marker values (1, '原样')")
    const lockBefore = readFileSync(lockFile, 'utf8')
    expect(JSON.parse(lockBefore)).toMatchObject({ pid: process.pid, port: 3999, machine: hostname() })

    const runs = await Promise.all([
      run('src/staff/staff-cli.ts', ['create-admin'], dataDir),
      run('src/tickets/retention-cli.ts', ['--days', '1'], dataDir),
      run('ingest/cli.ts', [], dataDir),
      run('src/ask.ts', ['电子秤要年检吗'], dataDir),
      run('src/main.ts', [], dataDir),
    ])
    for (const { code, output } of runs) {
      expect(code, output).toBe(1)
      expect(output).toContain(`进程 ${process.pid}，端口 3999`)
      expect(output).toContain('http://127.0.0.1:3999/staff')
      expect(output).toContain('stop the server')
    }

    expect(readFileSync(lockFile, 'utf8')).toBe(lockBefore)
    expect(await server.query('select id, note from marker')).toEqual([{ id: 1, note: '原样' }])
    await server.close()
    expect(existsSync(lockFile)).toBe(false)

    // Closed cleanly, the folder opens again with everything in it.
    const reopened = await createPgliteDb(folder, { command: 'test' })
    expect(await reopened.query('select note from marker')).toEqual([{ note: '原样' }])
    await reopened.close()
  }, 120_000)

  it('refuses a second open in the same process too', async () => {
    const first = await createPgliteDb(folder, { command: 'npm run ingest' })
    await expect(createPgliteDb(folder, { command: 'test' })).rejects.toThrow(DataDirLockedError)
    await expect(createPgliteDb(folder, { command: 'test' })).rejects.toThrow(/npm run ingest/)
    await first.close()
  })

  it('takes over a lock whose process has died', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
    writeFileSync(
      lockFile,
      JSON.stringify({ command: 'server', port: 3998, pid: Number(gone), machine: hostname(), startedAt: 'x' }),
    )
    const db = await createPgliteDb(folder, { command: 'test' })
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, command: 'test' })
    await db.close()
  })
})
