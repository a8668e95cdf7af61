import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { createPgliteDb, type Db, migrate } from '../../../src/db/index.ts'
import { buildWeb } from '../../../src/web/build.ts'
import { createTestApp } from '../../support/app.ts'

export type WebApp = { baseUrl: string; app: FastifyInstance; db: Db; close: () => Promise<void> }

/**
 * The real app listening on a free port, on a fresh in-memory PGlite with knowledge/ ingested,
 * serving pages built just now into a temp folder (so parallel test files never share a build);
 * `env` adds settings (an LLM endpoint, say).
 */
export async function startWebApp(options: { env?: Record<string, string> } = {}): Promise<WebApp> {
  const webDir = mkdtempSync(join(tmpdir(), 'qd-web-'))
  await buildWeb(webDir)
  const db = await createPgliteDb()
  await migrate(db)
  const { app } = await createTestApp(db, {
    webDir,
    // As a deployment with e-mail and SMS configured: the intake offers the opt-in. No outbox worker runs.
    env: { NOTIFY_SMTP_URL: 'smtp://127.0.0.1:9', NOTIFY_WEBHOOK_URL: 'http://127.0.0.1:9/notify', ...options.env },
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    db,
    async close() {
      await app.close()
      await db.close()
      rmSync(webDir, { recursive: true, force: true })
    },
  }
}
