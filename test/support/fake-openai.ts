import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type ChatCompletionRequest = {
  model: string
  messages: Array<{ role: string; content: string }>
  stream?: boolean
}

/**
 * What the fake answers to one chat completion. Non-streamed: `content` after `delayMs`, or an HTTP
 * `status`. Streamed (the request asks for it): `data:` chunks of `tokens` (or `content` cut in
 * pieces of three characters), the first after `delayMs`, then one every `intervalMs`, then
 * `[DONE]`; `stallAfter` stops sending after that many tokens with the connection left open,
 * `disconnectAfter` destroys the connection, `malformedAfter` sends a chunk that is not JSON.
 */
export type FakeReply = {
  content?: string
  status?: number
  delayMs?: number
  tokens?: string[]
  intervalMs?: number
  stallAfter?: number
  disconnectAfter?: number
  malformedAfter?: number
}

/** Response shapes of OpenAI-compatible embedding servers: the fields each adds or leaves out. */
export type EmbeddingShape = 'openai' | 'vllm' | 'ollama' | 'xinference'

export type FakeOpenAI = {
  /** Base URL for LLM_BASE_URL / EMBEDDING_BASE_URL, ending in /v1. */
  url: string
  requests: ChatCompletionRequest[]
  /** Chat completions the client hung up on before the fake had finished answering. */
  abandoned: ChatCompletionRequest[]
  /** Date.now() when each streamed reply's first token was written. */
  firstTokenAt: number[]
  reply: (request: ChatCompletionRequest) => FakeReply
  embeddings: {
    shape: EmbeddingShape
    dimension: number
    /** Inputs of each /embeddings request, in order. */
    batches: string[][]
    /** HTTP status for the next requests, taken one per request (e.g. [503, 500] then success). */
    failures: number[]
  }
  close(): Promise<void>
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const parts: Buffer[] = []
  for await (const part of request) parts.push(part as Buffer)
  return Buffer.concat(parts).toString('utf8')
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Deterministic vectors from the text: texts sharing characters point in similar directions. */
const fakeEmbedding = (text: string, dimension: number): number[] => {
  const vector = new Array<number>(dimension).fill(0.01)
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    vector[code % dimension] = (vector[code % dimension] as number) + 1
  }
  return vector
}

function embeddingsResponse(fake: FakeOpenAI, body: Record<string, unknown>) {
  const inputs = (Array.isArray(body.input) ? body.input : [body.input]).map(String)
  fake.embeddings.batches.push(inputs)
  const { shape, dimension } = fake.embeddings
  const data = inputs.map((input, index) => {
    const vector = fakeEmbedding(input, dimension)
    const embedding =
      body.encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector
    return { object: 'embedding', index, embedding }
  })
  const usage = { prompt_tokens: inputs.length, total_tokens: inputs.length }
  if (shape === 'vllm') return { id: `embd-${Date.now()}`, object: 'list', created: 1, model: body.model, data, usage }
  // Ollama's compatibility layer leaves out nothing a client needs, but names the model as given.
  if (shape === 'ollama') return { object: 'list', data, model: body.model, usage }
  // Xinference puts the model first and reports usage with a completion count of zero.
  if (shape === 'xinference')
    return { object: 'list', model: body.model, data, usage: { ...usage, completion_tokens: 0 } }
  return { object: 'list', data, model: body.model, usage }
}

const chunk = (model: string, delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  })}\n\n`

async function streamReply(fake: FakeOpenAI, body: ChatCompletionRequest, reply: FakeReply, response: ServerResponse) {
  const content = reply.content ?? ''
  const tokens = reply.tokens ?? content.match(/[\s\S]{1,3}/g) ?? []
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  response.flushHeaders()
  await sleep(reply.delayMs ?? 0)
  for (const [index, token] of tokens.entries()) {
    if (response.destroyed) return
    if (index === reply.stallAfter) return // left open: the client has to notice the silence
    if (index === reply.disconnectAfter) return void response.socket?.destroy()
    if (index === reply.malformedAfter) response.write('data: {"id": "chatcmpl-fake", "choices": [{"delta": \n\n')
    if (index > 0) await sleep(reply.intervalMs ?? 0)
    if (response.destroyed) return
    if (index === 0) fake.firstTokenAt.push(Date.now())
    response.write(chunk(body.model, index === 0 ? { role: 'assistant', content: token } : { content: token }))
  }
  response.write(chunk(body.model, {}, 'stop'))
  response.end('data: [DONE]\n\n')
}

/**
 * A local OpenAI-compatible server on 127.0.0.1 for tests: /v1/chat/completions answers (streamed
 * or not, as asked) with whatever `reply` returns; /v1/embeddings honours encoding_format (float or
 * base64) and answers in the shape of the server it plays.
 */
export async function startFakeOpenAI(reply: FakeOpenAI['reply'] = () => ({ content: '' })): Promise<FakeOpenAI> {
  const fake: FakeOpenAI = {
    url: '',
    requests: [],
    abandoned: [],
    firstTokenAt: [],
    reply,
    embeddings: { shape: 'openai', dimension: 8, batches: [], failures: [] },
    close: async () => {},
  }
  const server: Server = createServer(async (request, response) => {
    const body = JSON.parse((await readBody(request)) || '{}')
    if (request.url?.endsWith('/embeddings')) {
      const failure = fake.embeddings.failures.shift()
      response.writeHead(failure ?? 200, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify(
          failure ? { error: { message: 'fake overload', type: 'server_error' } } : embeddingsResponse(fake, body),
        ),
      )
      return
    }
    fake.requests.push(body)
    response.on('close', () => {
      if (!response.writableFinished) fake.abandoned.push(body)
    })
    const answer = fake.reply(body)
    const { content = '', status = 200, delayMs = 0 } = answer
    if (status !== 200) {
      if (delayMs > 0) await sleep(delayMs)
      if (response.destroyed) return
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ error: { message: 'fake failure', type: 'server_error' } }))
      return
    }
    if (body.stream) return streamReply(fake, body, answer, response)
    if (delayMs > 0) await sleep(delayMs)
    if (response.destroyed) return
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
