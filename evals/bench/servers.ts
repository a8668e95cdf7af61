import { ingestKnowledge } from '../../ingest/pipeline.ts'
import { createAssistant } from '../../src/assistant.ts'
import { type Config, loadConfig } from '../../src/config.ts'
import type { Db } from '../../src/db/index.ts'
import { createEmbedder } from '../../src/embedding/index.ts'
import { buildApp } from '../../src/http/app.ts'

import { listenLocally, type RunningServer } from './ceiling-server.ts'

/**
 * The configuration the bench runs the app with: the environment, with the rate limits off unless
 * it sets them (a load test from one address would otherwise measure the limiter), quiet logs.
 */
export function benchConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return loadConfig({
    CHAT_RATE_LIMIT_PER_MINUTE: '0',
    TICKET_RATE_LIMIT_PER_HOUR: '0',
    // The load generator is on this host: its lookups and feedback must not be limited either.
    RATE_LIMIT_ALLOWLIST: '127.0.0.1,::1,::ffff:127.0.0.1',
    ...env,
    LOG_LEVEL: 'silent',
    DATABASE_URL: '',
  })
}

/** The real app on `db` (knowledge ingested), listening on 127.0.0.1 at a free port. */
export async function startAppServer(db: Db, config: Config): Promise<RunningServer> {
  const embedder = await createEmbedder(config)
  await ingestKnowledge({ db, embedder, dir: config.KNOWLEDGE_DIR })
  const assistant = await createAssistant(config, db, embedder)
  await assistant.refresh()
  return listenLocally(await buildApp({ config, db, assistant }))
}
