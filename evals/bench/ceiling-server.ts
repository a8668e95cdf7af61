import Fastify, { type FastifyInstance } from 'fastify'

export type RunningServer = { url: string; app: FastifyInstance; close(): Promise<void> }

const HOST = '127.0.0.1'

/** Listens on 127.0.0.1 at a free port: the bench never opens anything beyond this machine. */
export async function listenLocally(app: FastifyInstance): Promise<RunningServer> {
  await app.listen({ host: HOST, port: 0 })
  const address = app.server.address() as { port: number }
  return { url: `http://${HOST}:${address.port}`, app, close: () => app.close() }
}

/**
 * The ceiling: a bare Fastify route answering a small JSON, what this machine can do at best. Its
 * own module, so that a ceiling process loads Fastify and nothing of the app.
 */
export const startCeilingServer = (): Promise<RunningServer> => {
  const app = Fastify({ logger: false })
  app.get('/bench/ceiling', async () => ({ ok: true, service: 'quality-desk', at: Date.now() }))
  return listenLocally(app)
}
