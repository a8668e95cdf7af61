import { setTimeout as sleep } from 'node:timers/promises'
import { describeConnectionError, isConnectionError } from '../src/db/index.ts'
import { type IngestOptions, type IngestSummary, ingestKnowledge } from './pipeline.ts'

/** How far the start-up ingest has come; /healthz shows it, and chat waits for `done`. */
export type IngestProgress = {
  state: 'waiting' | 'running' | 'done' | 'failed'
  /** Files in the knowledge folder, once listed. */
  files: number
  /** Files handled in the current pass (added, updated, unchanged or failed). */
  processed: number
  failed: number
  /** Passes started: more than one when the database went away and the pass was repeated. */
  passes: number
}

export const newIngestProgress = (): IngestProgress => ({
  state: 'waiting',
  files: 0,
  processed: 0,
  failed: 0,
  passes: 0,
})

export type BackgroundIngestOptions = IngestOptions & {
  progress: IngestProgress
  /** Re-reads what ingest changes (vocabulary) before chat is let in. */
  afterPass: () => Promise<void>
  onSummary: (summary: IngestSummary) => void
  onWarning: (message: string) => void
  retryDelayMs: number
}

/**
 * The start-up ingest: new and changed files of the folder, as `npm run ingest` does, so a run cut
 * short (crash, kill, lost database) is completed at the next start instead of leaving the store
 * partial for good. Runs while the server already answers; a lost database repeats the pass (unchanged
 * files are skipped by hash). Never rejects: the outcome is in `progress`.
 */
export async function ingestInBackground(options: BackgroundIngestOptions): Promise<void> {
  const { progress } = options
  for (;;) {
    progress.state = 'running'
    progress.processed = 0
    progress.failed = 0
    progress.passes += 1
    try {
      const summary = await ingestKnowledge({
        ...options,
        onFiles: (count) => {
          progress.files = count
        },
        onFile: (outcome) => {
          progress.processed += 1
          if (outcome.status === 'failed') progress.failed += 1
          options.onFile?.(outcome)
        },
      })
      options.onSummary(summary)
      await options.afterPass()
      progress.state = 'done'
      return
    } catch (error) {
      if (!isConnectionError(error)) {
        // Not something a wait cures (e.g. a store of another embedding model): chat serves what is stored.
        options.onWarning(
          `启动入库失败：${error instanceof Error ? error.message : String(error)}；请修正后运行 npm run ingest 或重启`,
        )
        await options.afterPass().catch(() => {})
        progress.state = 'failed'
        return
      }
      options.onWarning(
        `启动入库时数据库不可用（${describeConnectionError(error)}），${options.retryDelayMs / 1000} 秒后重试`,
      )
      await sleep(options.retryDelayMs)
    }
  }
}
