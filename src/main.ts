import { ingestInBackground, newIngestProgress } from '../ingest/background.ts'
import { ingestLimitsOf } from '../ingest/limits.ts'
import { describeOutcome, describeSummary } from '../ingest/report.ts'
import { createAssistant } from './assistant.ts'
import { loadConfig } from './config.ts'
import { connectWithRetry, createDb, DataDirLockedError, describeGiveUp, describeRetry, migrate } from './db/index.ts'
import { createEmbedder, ensureEmbeddingSpace } from './embedding/index.ts'
import { buildApp, type Readiness } from './http/app.ts'
import { startOutboxWorker } from './notify/worker.ts'
import { describeFirstAdmin, ensureFirstAdmin } from './staff/first-admin.ts'

const config = loadConfig()
const retry = {
  retries: config.DB_CONNECT_RETRIES,
  delayMs: config.DB_CONNECT_RETRY_DELAY_MS,
  onRetry: (attempt: Parameters<typeof describeRetry>[0]) => console.error(describeRetry(attempt)),
}
const giveUp = (error: unknown) => {
  console.error(error instanceof DataDirLockedError ? error.message : describeGiveUp(error, config.DB_CONNECT_RETRIES))
  process.exit(1)
}
// PostgreSQL may still be starting (same compose file, reboot): wait for it rather than exit at once.
// An embedded store held by another process (a second server, a CLI) refuses at once, naming it.
const db = await connectWithRetry(
  () => createDb(config, { command: 'server', host: config.HOST, port: config.PORT }),
  retry,
).catch(giveUp)
const embedder = await createEmbedder(config)
const ingest = newIngestProgress()
const readiness: Readiness = { ready: false, ingest }
const assistant = await createAssistant(config, db, embedder)
const app = await buildApp({ config, db, assistant, readiness, logger: { level: config.LOG_LEVEL } })

let closing = false
async function shutdown(signal: string): Promise<void> {
  if (closing) return
  closing = true
  app.log.info(`${signal}: shutting down`)
  await outbox?.stop()
  await app.close()
  await db.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))

let outbox: ReturnType<typeof startOutboxWorker> | undefined
await app.listen({ host: config.HOST, port: config.PORT })
// A connection ended under the migration (a restart, a terminated backend) is retried like the first connect.
await connectWithRetry(() => migrate(db), retry).catch(giveUp)
// A store embedded by another model would fail every search: stop now, naming the re-embed command.
// Both start-up checks are one transaction each: a connection ended under them is retried, not fatal.
await connectWithRetry(() => ensureEmbeddingSpace(db, embedder), retry).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
})
const firstAdmin = await connectWithRetry(
  () => ensureFirstAdmin(db, config.ADMIN_INITIAL_PASSWORD, new Date()),
  retry,
).catch(giveUp)
const howToSignIn = describeFirstAdmin(firstAdmin, `http://${config.HOST}:${config.PORT}/staff`)
// Without an admin nobody can manage the console: worth a warning until someone acts on it.
if (howToSignIn) app.log[firstAdmin.kind === 'created' ? 'info' : 'warn'](howToSignIn)
// Tickets, lookups and staff work from here on; chat once the knowledge folder has been read.
readiness.ready = true
outbox = startOutboxWorker(db, config, app.log)
app.log.info(`ready: http://${config.HOST}:${config.PORT}/ (ingesting ${config.KNOWLEDGE_DIR} in the background)`)
void ingestInBackground({
  db,
  embedder,
  dir: config.KNOWLEDGE_DIR,
  limits: ingestLimitsOf(config),
  progress: ingest,
  retryDelayMs: config.DB_CONNECT_RETRY_DELAY_MS,
  onFile: (outcome) => app.log.info(describeOutcome(outcome).trim()),
  onSummary: (summary) => app.log.info(describeSummary(summary)),
  onWarning: (message) => app.log.warn(message),
  afterPass: () => assistant.refresh(),
})
