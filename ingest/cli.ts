import { loadConfig } from '../src/config.ts'
import { createDb, migrate } from '../src/db/index.ts'
import { createEmbedder } from '../src/embedding/index.ts'
import { directorySize, formatBytes } from '../src/util/disk-usage.ts'
import { ingestKnowledge } from './pipeline.ts'
import { describeOutcome, describeSummary, ingestComplete } from './report.ts'

const config = loadConfig()
const reembed = process.argv.includes('--reembed')
const db = await createDb(config)
try {
  await migrate(db)
  const embedder = await createEmbedder(config)
  console.log(
    `入库 ${config.KNOWLEDGE_DIR} → ${config.DATABASE_URL ? 'PostgreSQL' : `PGlite (${config.DATA_DIR})`}，向量模型 ${embedder.model}（${embedder.dimension} 维）`,
  )
  const summary = await ingestKnowledge({
    db,
    embedder,
    dir: config.KNOWLEDGE_DIR,
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
