import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'

/**
 * PGlite is a single-process database: two processes that open one data folder each keep their
 * own copy of its pages in memory and overwrite each other's writes (two staff rows with id 1
 * were seen after a CLI ran beside the server). So whoever opens a folder first writes a lock
 * file beside it, and everyone else is refused before PGlite reads a byte.
 */

/** Who holds the folder, as written into the lock file. */
export type LockHolder = {
  /** 'server', or the command a person typed ('npm run ingest'), to name it in a refusal. */
  command: string
  /** Where a server listens, so the refusal can point at its console. */
  host?: string
  port?: number
}

type LockRecord = LockHolder & { pid: number; machine: string; startedAt: string }

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError'
}

export type DataDirLock = { path: string; release: () => void }

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const readRecord = (path: string): LockRecord | null => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockRecord
  } catch {
    // Gone meanwhile, or half-written by a process that died while writing it.
    return null
  }
}

// A lock file without a record is being written right now, unless it is older than this.
const UNREADABLE_GRACE_MS = 10_000

/** A lock left by a process that is gone. Another machine's pid cannot be checked, so that lock stands. */
function isStale(record: LockRecord | null, path: string): boolean {
  if (record === null) {
    try {
      return Date.now() - statSync(path).mtimeMs > UNREADABLE_GRACE_MS
    } catch {
      return true // removed meanwhile: nothing left to wait for
    }
  }
  return record.machine === hostname() && record.pid !== process.pid && !isAlive(record.pid)
}

function describeHolder(record: LockRecord, path: string): string {
  const since = `自 ${record.startedAt} 起`
  if (record.command === 'server') {
    const host = !record.host || record.host === '0.0.0.0' || record.host === '::' ? '127.0.0.1' : record.host
    const consoleUrl = `http://${host}:${record.port}/staff`
    return [
      `数据目录正被运行中的服务器使用（进程 ${record.pid}，端口 ${record.port}，${since}）。`,
      `请在工作台 ${consoleUrl} 中操作，或先停止该服务器再运行本命令。`,
      `The data folder is in use by the running server (pid ${record.pid}, port ${record.port}, since ${record.startedAt}).`,
      `Use the console at ${consoleUrl}, or stop the server first.`,
      `（锁文件 ${path}；若确认没有任何进程在用，可删除它。）`,
    ].join('\n')
  }
  return [
    `数据目录正被另一个命令使用（${record.command}，进程 ${record.pid}，${since}），请等它结束后再试。`,
    `The data folder is in use by another command (${record.command}, pid ${record.pid}); wait for it to finish.`,
    `（锁文件 ${path}；若确认没有任何进程在用，可删除它。）`,
  ].join('\n')
}

const STARTING = (path: string) =>
  `另一个进程正在同时打开这个数据目录（锁文件 ${path}），请稍后重试。\nAnother process is opening this data folder right now; try again shortly.`

/**
 * Takes the lock at `path` for this process, or throws DataDirLockedError naming the holder.
 * A lock whose process has died is taken over. Creating the file with O_EXCL makes the take
 * atomic: of two processes starting together, exactly one succeeds.
 */
export function acquireDataDirLock(path: string, holder: LockHolder): DataDirLock {
  const record: LockRecord = { ...holder, pid: process.pid, machine: hostname(), startedAt: new Date().toISOString() }
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number
    try {
      fd = openSync(path, 'wx')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const existing = readRecord(path)
      if (isStale(existing, path)) {
        unlinkSync(path)
        continue
      }
      throw new DataDirLockedError(existing ? describeHolder(existing, path) : STARTING(path))
    }
    writeSync(fd, JSON.stringify(record))
    closeSync(fd)
    return {
      path,
      release() {
        // Only our own: a lock someone took over after deleting ours by hand is theirs.
        if (readRecord(path)?.pid === process.pid) unlinkSync(path)
      },
    }
  }
  throw new DataDirLockedError(STARTING(path))
}
