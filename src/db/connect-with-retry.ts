import { setTimeout as sleep } from 'node:timers/promises'
import { describeConnectionError, isConnectionError } from './connection-errors.ts'

/** What a caller is told before each wait: enough to print one clear line. */
export type ConnectRetry = { attempt: number; retries: number; delayMs: number; error: unknown }

export type ConnectRetryOptions = {
  /** Tries after the first; 0 means a single try. */
  retries: number
  /** The first wait; each later one is twice the one before, up to maxDelayMs. */
  delayMs: number
  maxDelayMs?: number
  onRetry?: (retry: ConnectRetry) => void
  /** Tests pass a fake clock. */
  wait?: (ms: number) => Promise<unknown>
}

/**
 * Calls `connect` until it succeeds, waiting longer each time, while the failure is one a wait can
 * cure (server not up yet, refused, shutting down). Any other failure — wrong password, no such
 * database — is thrown at once, as is the last one when the tries run out.
 */
export async function connectWithRetry<T>(connect: () => Promise<T>, options: ConnectRetryOptions): Promise<T> {
  const { retries, delayMs, maxDelayMs = 30_000, onRetry, wait = sleep } = options
  for (let attempt = 1; ; attempt++) {
    try {
      return await connect()
    } catch (error) {
      if (!isConnectionError(error) || attempt > retries) throw error
      const delay = Math.min(delayMs * 2 ** (attempt - 1), maxDelayMs)
      onRetry?.({ attempt, retries, delayMs: delay, error })
      await wait(delay)
    }
  }
}

const seconds = (ms: number): string => String(Math.round(ms / 100) / 10)

/** 无法连接数据库（ECONNREFUSED …），将在 2 秒后重试（第 1/10 次）。 */
export const describeRetry = ({ attempt, retries, delayMs, error }: ConnectRetry): string =>
  `无法连接数据库（${describeConnectionError(error)}），将在 ${seconds(delayMs)} 秒后重试（第 ${attempt}/${retries} 次）。`

/** The last word when it gives up, with what to check. */
export const describeGiveUp = (error: unknown, retries: number): string =>
  isConnectionError(error)
    ? `无法连接数据库（${describeConnectionError(error)}），已重试 ${retries} 次，放弃启动。请确认数据库服务已启动，并检查 DATABASE_URL。`
    : `无法连接数据库（${describeConnectionError(error)}），请检查 DATABASE_URL 中的地址、数据库名、用户名和密码。`
