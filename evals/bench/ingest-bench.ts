import { ingestKnowledge } from '../../ingest/pipeline.ts'
import type { Embedder } from '../../src/embedding/index.ts'
import { createSyntheticCorpus } from './corpus.ts'
import { openStore, type StoreTarget } from './stores.ts'

export type IngestMeasurement = {
  store: 'pglite' | 'postgres'
  scale: number
  files: number
  chunks: number
  ms: number
  chunksPerSecond: number
  storeBytes: number
  /** Every run, so that the spread is on record; the fields above are the best (fastest) one. */
  runsMs: number[]
}

/** One ingest of `dir` into a fresh store: time, chunks and the size the store grew to. */
async function ingestOnce(target: StoreTarget, dir: string, embedder: Embedder) {
  const store = await openStore(target)
  try {
    const started = performance.now()
    const summary = await ingestKnowledge({ db: store.db, embedder, dir })
    const ms = performance.now() - started
    const failed = summary.files.filter((file) => file.status === 'failed')
    if (failed.length > 0)
      throw new Error(`ingest failed for ${failed.length} files, e.g. ${JSON.stringify(failed[0])}`)
    const chunks = summary.files.reduce((sum, file) => sum + ('chunks' in file ? file.chunks : 0), 0)
    return { ms, chunks, files: summary.files.length, storeBytes: await store.sizeBytes() }
  } finally {
    await store.dispose()
  }
}

/** The knowledge folder at each scale (1 = as is), `repeat` times each into a fresh store; keeps the fastest. */
export async function benchIngest(options: {
  target: StoreTarget
  knowledgeDir: string
  scales: number[]
  repeat: number
  embedder: Embedder
  onRun?: (line: string) => void
}): Promise<IngestMeasurement[]> {
  const results: IngestMeasurement[] = []
  for (const scale of options.scales) {
    const corpus = createSyntheticCorpus(options.knowledgeDir, scale)
    try {
      const runs = []
      for (let run = 1; run <= options.repeat; run++) {
        const measured = await ingestOnce(options.target, corpus.dir, options.embedder)
        options.onRun?.(
          `  ingest ${options.target.kind} ×${scale} run ${run}/${options.repeat}: ${measured.chunks} chunks in ${(measured.ms / 1000).toFixed(1)} s`,
        )
        runs.push(measured)
      }
      const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a))
      results.push({
        store: options.target.kind,
        scale,
        files: best.files,
        chunks: best.chunks,
        ms: Math.round(best.ms),
        chunksPerSecond: best.chunks / (best.ms / 1000),
        storeBytes: best.storeBytes,
        runsMs: runs.map((run) => Math.round(run.ms)),
      })
    } finally {
      corpus.remove()
    }
  }
  return results
}
