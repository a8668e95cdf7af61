import { describe, expect, it } from 'vitest'
import type { Llm } from '../../src/answer/llm.ts'
import { streamReply } from '../../src/answer/llm-stream.ts'

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(signal.reason)
    })
  })

/** A model that writes `tokens` with the given pauses before each (ms), honouring the signal as LangChain does. */
const scripted = (tokens: string[], pauses: number[], failAt?: number): Llm & { aborted: () => boolean } => {
  let seen: AbortSignal | undefined
  return {
    model: 'scripted',
    complete: async () => '',
    structured: async () => ({}) as never,
    async *stream(_messages, { signal }) {
      seen = signal
      for (const [index, token] of tokens.entries()) {
        await sleep(pauses[index] ?? 0, signal)
        if (index === failAt) throw new Error('socket hang up')
        yield token
      }
    },
    aborted: () => seen?.aborted ?? false,
  }
}

const run = (llm: Llm, signal = new AbortController().signal) => {
  const tokens: string[] = []
  return streamReply(llm, [], {
    signal,
    firstTokenMs: 600,
    stallMs: 500,
    maxChars: 10,
    onToken: (token) => tokens.push(token),
  }).then((result) => ({ ...result, tokens }))
}

describe('streamReply', () => {
  it('passes tokens on as they come and reports a complete stream', async () => {
    const result = await run(scripted(['一', '二', '三'], [20, 20, 20]))
    expect(result).toMatchObject({ text: '一二三', end: 'complete', tokens: ['一', '二', '三'] })
  })

  it('ends a stream whose first token is late, aborting the call', async () => {
    const llm = scripted(['一'], [5_000])
    expect(await run(llm)).toMatchObject({ text: '', end: 'first-token-timeout' })
    expect(llm.aborted()).toBe(true)
  })

  it('ends a stream that stalls, keeping what arrived', async () => {
    const llm = scripted(['一', '二', '三'], [10, 10, 5_000])
    expect(await run(llm)).toMatchObject({ text: '一二', end: 'stall' })
    expect(llm.aborted()).toBe(true)
  })

  it('ends a runaway reply as an error, aborting the call', async () => {
    const llm = scripted(
      Array.from({ length: 50 }, () => '很长'),
      [],
    )
    const result = await run(llm)
    expect(result).toMatchObject({ end: 'error', text: '很长'.repeat(6) })
    expect(llm.aborted()).toBe(true)
  })

  it('reports an error mid-stream, and an abort from outside as such', async () => {
    expect(await run(scripted(['一', '二'], [10, 10], 1))).toMatchObject({ text: '一', end: 'error' })
    const outside = new AbortController()
    setTimeout(() => outside.abort(new Error('client gone')), 100)
    expect(await run(scripted(['一', '二'], [10, 400]), outside.signal)).toMatchObject({ end: 'aborted' })
  })
})
