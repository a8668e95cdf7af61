import type { FastifyReply, FastifyRequest } from 'fastify'
import { ClientGoneError } from '../errors.ts'

/**
 * Runs `work` with a signal that aborts when the client closes its connection before the response
 * was sent: passed into a chat turn (`handleChatMessage(deps, request, { signal })`) so that the work
 * of an abandoned request stops instead of competing with live ones. The stop is logged here, since
 * Fastify sends nothing (nor calls the error handler) for a response whose connection is gone.
 */
export async function whileClientWaits<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController()
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort()
  })
  // The client's end of the connection, read long before the socket closes (which it does only once
  // the answer has been written into it): Node's server ends such a connection after this response.
  // A keep-alive socket serves many requests: the listener goes when this request's work is done.
  const socket = request.raw.socket
  const abort = () => controller.abort()
  socket.once('end', abort)
  try {
    return await work(controller.signal)
  } catch (error) {
    if (error instanceof ClientGoneError) request.log.info('client went away: work cancelled')
    throw error
  } finally {
    socket.off('end', abort)
  }
}
