import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export type ChatCompletionRequest = { model: string; messages: Array<{ role: string; content: string }> }

/** What the fake answers to one chat completion: text, an HTTP error, or nothing for a while. */
export type FakeReply = { content?: string; status?: number; delayMs?: number }

export type FakeOpenAI = {
  /** Base URL for LLM_BASE_URL / EMBEDDING_BASE_URL, ending in /v1. */
  url: string
  requests: ChatCompletionRequest[]
  reply: (request: ChatCompletionRequest) => FakeReply
  close(): Promise<void>
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const parts: Buffer[] = []
  for await (const part of request) parts.push(part as Buffer)
  return Buffer.concat(parts).toString('utf8')
}

/** Deterministic 8-dimensional vectors from the text, for embedding tests. */
const fakeEmbedding = (text: string): number[] =>
  Array.from({ length: 8 }, (_, i) => ((text.charCodeAt(i % Math.max(text.length, 1)) || 1) % 13) + i)

/**
 * A local OpenAI-compatible server on 127.0.0.1 for tests: /v1/chat/completions answers with
 * whatever `reply` returns; /v1/embeddings honours encoding_format (float or base64).
 */
export async function startFakeOpenAI(reply: FakeOpenAI['reply'] = () => ({ content: '' })): Promise<FakeOpenAI> {
  const fake: FakeOpenAI = { url: '', requests: [], reply, close: async () => {} }
  const server: Server = createServer(async (request, response) => {
    const body = JSON.parse((await readBody(request)) || '{}')
    if (request.url?.endsWith('/embeddings')) {
      const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input]
      const data = inputs.map((input, index) => {
        const vector = fakeEmbedding(String(input))
        const embedding =
          body.encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector
        return { object: 'embedding', index, embedding }
      })
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }),
      )
      return
    }
    fake.requests.push(body)
    const { content = '', status = 200, delayMs = 0 } = fake.reply(body)
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs))
    if (response.destroyed) return
    if (status !== 200) {
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ error: { message: 'fake failure', type: 'server_error' } }))
      return
    }
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(
      JSON.stringify({
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return fake
}
