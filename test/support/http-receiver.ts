import { createServer } from 'node:http'

/** A local HTTP endpoint that keeps the JSON bodies posted to it; `failNext(n)` answers 503 n times. */
export async function startHttpReceiver() {
  const received: { headers: Record<string, unknown>; body: Record<string, unknown> }[] = []
  let failures = 0
  const server = createServer((request, response) => {
    let text = ''
    request.on('data', (chunk) => {
      text += chunk
    })
    request.on('end', () => {
      if (failures > 0) {
        failures -= 1
        response.writeHead(503).end()
        return
      }
      received.push({ headers: request.headers, body: JSON.parse(text) })
      response.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/notify`,
    received,
    failNext(count: number) {
      failures = count
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
