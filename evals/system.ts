import type { FastifyInstance } from 'fastify'
import { ingestKnowledge } from '../ingest/pipeline.ts'
import { type Assistant, createAssistant } from '../src/assistant.ts'
import { loadConfig } from '../src/config.ts'
import type { ChatRequest, ChatResponse } from '../src/conversation/turn.ts'
import { createPgliteDb, type Db, migrate } from '../src/db/index.ts'
import { createEmbedder } from '../src/embedding/index.ts'
import { buildApp } from '../src/http/app.ts'

/** Sends one POST /api/chat; how it gets there (inject or fetch) is the target's business. */
export type SendChat = (request: ChatRequest) => Promise<ChatResponse>

/** The assistant under evaluation: built in-process, whatever the chat requests are sent to. */
export type EvalSystem = {
  assistant: Assistant
  app: FastifyInstance
  /** What the run used, for the report header. */
  description: { llm: boolean; embedder: string; ingestMs: number }
  close(): Promise<void>
}

/**
 * The embedded default, built fresh: an in-memory PGlite, migrated, the knowledge folder ingested,
 * the assistant and the real HTTP app. `env` overrides the process environment; DATABASE_URL is
 * ignored on purpose so that a run never writes to a real database. `db`: a fresh, migrated store of
 * the caller's instead (the CPU profile on PostgreSQL), left open by `close`.
 */
export async function createEvalSystem(options: { env?: NodeJS.ProcessEnv; db?: Db } = {}): Promise<EvalSystem> {
  // The evals ask hundreds of questions from loopback: exempt it unless the environment says otherwise.
  const config = loadConfig({
    RATE_LIMIT_ALLOWLIST: '127.0.0.1',
    ...(options.env ?? process.env),
    LOG_LEVEL: 'silent',
    DATABASE_URL: '',
  })
  const db = options.db ?? (await createPgliteDb())
  const closeDb = () => (options.db ? Promise.resolve() : db.close())
  try {
    await migrate(db)
    const embedder = await createEmbedder(config)
    // Before ingest, as in src/main.ts: loading the glossary adds its terms to the segmenter, which
    // changes how chunks are indexed. The other order would measure an index production never has.
    const assistant = await createAssistant(config, db, embedder)
    const started = performance.now()
    const summary = await ingestKnowledge({ db, embedder, dir: config.KNOWLEDGE_DIR })
    // Any failed file would turn its gold cases into misses that say nothing about retrieval.
    const failed = summary.files.flatMap((file) => (file.status === 'failed' ? [`${file.file}: ${file.reason}`] : []))
    if (failed.length > 0) throw new Error(`ingest of ${config.KNOWLEDGE_DIR} failed:\n  ${failed.join('\n  ')}`)
    const ingestMs = Math.round(performance.now() - started)
    await assistant.refresh()
    const app = await buildApp({ config, db, assistant })
    return {
      assistant,
      app,
      description: { llm: assistant.llm != null, embedder: config.EMBEDDING_PROVIDER, ingestMs },
      async close() {
        await app.close()
        await closeDb()
      },
    }
  } catch (error) {
    await closeDb()
    throw error
  }
}

const describeFailure = (status: number, body: string) => `POST /api/chat → ${status}: ${body.slice(0, 200)}`

/** Requests through `app.inject`: no socket, the full HTTP stack (validation, hooks, error handler). */
export const injectChat =
  (app: FastifyInstance): SendChat =>
  async (request) => {
    const response = await app.inject({ method: 'POST', url: '/api/chat', payload: request })
    if (response.statusCode !== 200) throw new Error(describeFailure(response.statusCode, response.body))
    return response.json() as ChatResponse
  }

/** Requests to a running server, e.g. `http://127.0.0.1:3000`. */
export const fetchChat =
  (baseUrl: string): SendChat =>
  async (request) => {
    const response = await fetch(new URL('/api/chat', baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    })
    const body = await response.text()
    if (!response.ok) throw new Error(describeFailure(response.status, body))
    return JSON.parse(body) as ChatResponse
  }
