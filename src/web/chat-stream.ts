import { ApiError, errorFrom, offlineError } from './api.ts'
import type { ChatRequestBody, ChatResponse, Citation } from './api-types.ts'
import { createSseParser } from './sse.ts'

export type StreamHandlers = {
  onCitations?: (citations: Citation[]) => void
  onDelta?: (text: string) => void
}

const INTERRUPTED = '回答传输中断了，请再发送一次。'

/**
 * POST /api/chat/stream and read its events as they come: `citations` first, `delta`s with the
 * answer as the model writes it, and `done` with the full, checked response, which is what this
 * resolves to (it may differ from the deltas).
 */
export async function streamChat(request: ChatRequestBody, handlers: StreamHandlers = {}): Promise<ChatResponse> {
  let response: Response
  try {
    response = await fetch('/api/chat/stream', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(request),
    })
  } catch {
    throw offlineError()
  }
  if (!response.ok || !response.body) throw await errorFrom(response)

  // Set from inside the parser's callback, so TypeScript cannot follow it: hence the holder.
  const result: { done?: ChatResponse; error?: string } = {}
  const parser = createSseParser(({ event, data }) => {
    const payload = JSON.parse(data) as Record<string, unknown>
    if (event === 'citations') handlers.onCitations?.((payload.citations as Citation[]) ?? [])
    else if (event === 'delta') handlers.onDelta?.(String(payload.text ?? ''))
    else if (event === 'done') result.done = payload as unknown as ChatResponse
    // The server failed after the stream began: its message says what to do.
    else if (event === 'error') result.error = String(payload.message ?? INTERRUPTED)
  })
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  try {
    for (;;) {
      const { value, done: finished } = await reader.read()
      if (finished) break
      parser.push(value)
    }
  } catch {
    throw offlineError()
  }
  parser.end()
  if (!result.done) throw new ApiError(result.error ?? INTERRUPTED, 0)
  return result.done
}
