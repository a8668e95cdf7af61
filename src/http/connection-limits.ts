import type { Server, Socket } from 'node:net'
import type { Config } from '../config.ts'

type Options = Pick<Config, 'MAX_CONNECTIONS_PER_CLIENT' | 'TRUST_PROXY'>

/**
 * Caps the open connections of one client address: a client that opens sockets and never finishes
 * them (slow bodies, abandoned streams) would otherwise take every file descriptor, and everyone
 * else would be refused. A trusted proxy carries everyone's connections and is not capped.
 */
export function limitConnectionsPerClient(
  server: Server,
  options: Options,
  onRefused: (address: string) => void,
): void {
  const exempt = new Set((options.TRUST_PROXY ?? '').split(',').map((item) => item.trim()))
  const open = new Map<string, number>()
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? ''
    if (exempt.has(address)) return
    const count = (open.get(address) ?? 0) + 1
    if (count > options.MAX_CONNECTIONS_PER_CLIENT) {
      onRefused(address)
      socket.destroy()
      return
    }
    open.set(address, count)
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1
      if (left <= 0) open.delete(address)
      else open.set(address, left)
    })
  })
}
