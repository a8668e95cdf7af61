import { ingestKnowledge } from '../ingest/pipeline.ts'
import { describeOutcome, describeSummary } from '../ingest/report.ts'
import { createAssistant } from './assistant.ts'
import { loadConfig } from './config.ts'
import { connectWithRetry, createDb, describeGiveUp, describeRetry, migrate } from './db/index.ts'
import { createEmbedder, ensureEmbeddingSpace } from './embedding/index.ts'
import { buildApp, type Readiness } from './http/app.ts'

const config = loadConfig()
// PostgreSQL may still be starting (same compose file, reboot): wait for it rather than exit at once.
const db = await connectWithRetry(() => createDb(config), {
  retries: config.DB_CONNECT_RETRIES,
  delayMs: config.DB_CONNECT_RETRY_DELAY_MS,
  onRetry: (retry) => console.error(describeRetry(retry)),
}).catch((error: unknown) => {
  console.error(describeGiveUp(error, config.DB_CONNECT_RETRIES))
  process.exit(1)
})
const embedder = await createEmbedder(config)
const readiness: Readiness = { ready: false }
const assistant = await createAssistant(config, db, embedder)
const app = await buildApp({ config, db, assistant, readiness, logger: { level: config.LOG_LEVEL } })

async function prepareStore(): Promise<void> {
  await migrate(db)
  // A store embedded by another model would fail every search: stop now, naming the re-embed command.
  await ensureEmbeddingSpace(db, embedder)
  const [row] = await db.query<{ count: number }>('select count(*)::int as count from documents')
  if ((row?.count ?? 0) === 0) {
    app.log.info(`empty store: ingesting ${config.KNOWLEDGE_DIR}`)
    const summary = await ingestKnowledge({
      db,
      embedder,
      dir: config.KNOWLEDGE_DIR,
      onFile: (outcome) => app.log.info(describeOutcome(outcome).trim()),
    })
    app.log.info(describeSummary(summary))
  }
  await assistant.refresh()
  readiness.ready = true
}

let closing = false
async function shutdown(signal: string): Promise<void> {
  if (closing) return
  closing = true
  app.log.info(`${signal}: shutting down`)
  await app.close()
  await db.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))

await app.listen({ host: config.HOST, port: config.PORT })
await prepareStore()
app.log.info(`ready: http://${config.HOST}:${config.PORT}/`)
