import type { FastifyReply } from 'fastify'

/**
 * A signal that aborts when the client closes its connection before the response was sent: passed
 * into a chat turn (`handleChatMessage(deps, request, { signal })`) so that the work of an abandoned
 * request stops instead of competing with live ones.
 */
export function clientGoneSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController()
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort()
  })
  return controller.signal
}
