import { loadConfig } from '../src/config.ts'
import { openStoreForCli } from '../src/db/cli-store.ts'
import { createEmbedder } from '../src/embedding/index.ts'
import { directorySize, formatBytes } from '../src/util/disk-usage.ts'
import { ingestLimitsOf } from './limits.ts'
import { ingestKnowledge } from './pipeline.ts'
import { describeOutcome, describeSummary, ingestComplete } from './report.ts'

const config = loadConfig()
const reembed = process.argv.includes('--reembed')
const db = await openStoreForCli(config, 'ingest')
try {
  const embedder = await createEmbedder(config, {
    onRetry: (attempt, error) =>
      console.log(`  向量服务出错（${error instanceof Error ? error.message : String(error)}），第 ${attempt} 次重试…`),
  })
  console.log(
    `入库 ${config.KNOWLEDGE_DIR} → ${config.DATABASE_URL ? 'PostgreSQL' : `PGlite (${config.DATA_DIR})`}，向量模型 ${embedder.model}（${embedder.dimension} 维）`,
  )
  const summary = await ingestKnowledge({
    db,
    embedder,
    dir: config.KNOWLEDGE_DIR,
    limits: ingestLimitsOf(config),
    reembed,
    onFile: (outcome) => console.log(describeOutcome(outcome)),
  })
  console.log(describeSummary(summary))
  if (!config.DATABASE_URL) console.log(`数据目录大小：${formatBytes(await directorySize(config.DATA_DIR))}`)
  // The files that could be read are stored either way; the exit status says whether any was left out.
  process.exitCode = ingestComplete(summary) ? 0 : 1
} catch (error) {
  console.error(`入库失败：${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
} finally {
  await db.close()
}
