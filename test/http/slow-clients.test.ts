import { connect, type Socket } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPgliteDb, type Db } from '../../src/db/index.ts'
import { createTestApp } from '../support/app.ts'
import { captureLog } from '../support/log-capture.ts'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Opens a raw connection; `closed` resolves with the ms from opening until the server closed it. */
function openSocket(port: number): Promise<{ socket: Socket; closed: Promise<number>; received: () => string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    let received = ''
    const socket = connect(port, '127.0.0.1')
    socket.on('data', (data) => (received += data))
    socket.on('error', () => {})
    const closed = new Promise<number>((done) => socket.on('close', () => done(performance.now() - started)))
    socket.once('connect', () => resolve({ socket, closed, received: () => received }))
    socket.once('error', reject)
  })
}

describe('slow and abandoned requests', () => {
  let db: Db
  let app: FastifyInstance
  let port: number
  const log = captureLog()

  beforeAll(async () => {
    db = await createPgliteDb()
    ;({ app } = await createTestApp(db, {
      knowledge: 'test/fixtures/knowledge',
      logger: { level: 'info', stream: log.stream },
      env: {
        REQUEST_TIMEOUT_MS: '1000',
        MAX_CONNECTIONS_PER_CLIENT: '8',
        CHAT_RATE_LIMIT_PER_MINUTE: '0',
      },
    }))
    await app.listen({ host: '127.0.0.1', port: 0 })
    port = (app.server.address() as { port: number }).port
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  it('closes a request whose body trickles in slower than REQUEST_TIMEOUT_MS allows, with 408', async () => {
    const { socket, closed, received } = await openSocket(port)
    socket.write(
      'POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    )
    const trickle = setInterval(() => socket.writable && socket.write(' '), 200)
    // Without a timeout the server waits for the 1,000 bytes for good (1,000 slow bodies were open after 152 s).
    const ms = await Promise.race([closed, sleep(15_000).then(() => Number.POSITIVE_INFINITY)])
    clearInterval(trickle)
    socket.destroy()
    expect(ms).toBeLessThan(10_000)
    expect(received()).toMatch(/^HTTP\/1\.1 408/)
  })

  it('closes connections beyond MAX_CONNECTIONS_PER_CLIENT from one address at once', async () => {
    const sockets = await Promise.all(Array.from({ length: 12 }, () => openSocket(port)))
    const closedSoon = await Promise.all(
      sockets.map(({ closed }) => Promise.race([closed.then(() => true), sleep(500).then(() => false)])),
    )
    expect(closedSoon.filter(Boolean)).toHaveLength(4)
    for (const { socket } of sockets) socket.destroy()
    await sleep(100)
    // The refused ones are gone and the cap is per open connection: a new client gets in.
    const health = await fetch(`http://127.0.0.1:${port}/healthz`)
    expect(health.status).toBe(200)
    expect(log.lines.join('')).toContain('connection refused: too many from one client')
  })

  it('stops the chat turn of a client that went away', async () => {
    const before = await db.query<{ n: number }>('select count(*)::int as n from chat_turns')
    const body = JSON.stringify({ message: 'CCC免办需要什么材料？' })
    const request = `POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
    // Eight at a time (the connection cap), each sent in full and dropped at once, 40 in all.
    for (let round = 0; round < 5; round++) {
      const sockets = await Promise.all(Array.from({ length: 8 }, () => openSocket(port)))
      for (const { socket } of sockets) socket.end(request, () => socket.destroy())
      await Promise.all(sockets.map(({ closed }) => closed))
    }
    const count = async () => {
      const [after] = await db.query<{ n: number }>('select count(*)::int as n from chat_turns')
      const answered = (after?.n ?? 0) - (before[0]?.n ?? 0)
      const cancelled = log.lines.filter((line) => line.includes('client went away: work cancelled')).length
      return { answered, cancelled }
    }
    // Until each of the 40 was either answered or stopped.
    let { answered, cancelled } = await count()
    for (let waited = 0; answered + cancelled < 40 && waited < 30_000; waited += 200) {
      await sleep(200)
      ;({ answered, cancelled } = await count())
    }
    expect(cancelled).toBeGreaterThan(20)
    expect(answered + cancelled).toBe(40)
  }, 60_000)
})
