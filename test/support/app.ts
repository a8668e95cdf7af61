import type { FastifyInstance } from 'fastify'
import { ingestKnowledge } from '../../ingest/pipeline.ts'
import { type Assistant, createAssistant } from '../../src/assistant.ts'
import { loadConfig } from '../../src/config.ts'
import { type Db, migrate } from '../../src/db/index.ts'
import { createLocalEmbedder } from '../../src/embedding/index.ts'
import { type AppDeps, buildApp } from '../../src/http/app.ts'

export type TestAppOptions = Partial<Omit<AppDeps, 'db' | 'assistant' | 'config'>> & {
  env?: Record<string, string>
  /** Ingest this knowledge folder first (the real one by default); false for an empty store. */
  knowledge?: string | false
}

/** The real app on the given database, with the offline embedder and classifier. */
export async function createTestApp(
  db: Db,
  options: TestAppOptions = {},
): Promise<{ app: FastifyInstance; assistant: Assistant }> {
  const { env, knowledge = 'knowledge', ...rest } = options
  // Tests make many requests from loopback: exempt it explicitly (the rate-limit tests use other addresses).
  const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_ALLOWLIST: '127.0.0.1', ...env })
  const embedder = createLocalEmbedder()
  await migrate(db)
  if (knowledge) await ingestKnowledge({ db, embedder, dir: knowledge })
  const assistant = await createAssistant(config, db, embedder)
  await assistant.refresh()
  const app = await buildApp({ config, db, assistant, ...rest })
  return { app, assistant }
}
