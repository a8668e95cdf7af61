import cors from '@fastify/cors'
import type { FastifyInstance } from 'fastify'

/**
 * Cross-origin browser access, for the origins listed in CORS_ORIGINS only. With none listed the
 * plugin is not registered at all: no CORS headers, so browsers keep other sites' pages from
 * reading our answers or driving the staff API with a token they hold.
 */
export async function registerCors(app: FastifyInstance, origins: string[]): Promise<void> {
  if (origins.length === 0) return
  await app.register(cors, {
    origin: origins,
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'idempotency-key', 'x-lookup-token', 'x-request-id'],
    exposedHeaders: ['retry-after', 'x-request-id'],
    maxAge: 600,
  })
}
