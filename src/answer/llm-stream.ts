import type { Llm, LlmMessage } from './llm.ts'

export type StreamEnd = 'complete' | 'first-token-timeout' | 'stall' | 'aborted' | 'error'

export type StreamResult = { text: string; end: StreamEnd; cause?: unknown }

export type StreamOptions = {
  /** The turn's signal: its deadline, or the client gone. */
  signal: AbortSignal
  firstTokenMs: number
  stallMs: number
  /** A reply longer than this is a runaway model: the call is ended as an error. */
  maxChars: number
  onToken: (text: string) => void
}

/**
 * Streams a reply under a watchdog: no first token within `firstTokenMs`, or no further token
 * within `stallMs`, ends the call (the upstream request is aborted, not left running). Never
 * throws: the result says how the stream ended and carries what arrived until then.
 */
export async function streamReply(llm: Llm, messages: LlmMessage[], options: StreamOptions): Promise<StreamResult> {
  const watchdog = new AbortController()
  let silence: 'first-token-timeout' | 'stall' = 'first-token-timeout'
  let timer: NodeJS.Timeout | undefined
  const arm = (ms: number) => {
    clearTimeout(timer)
    timer = setTimeout(() => watchdog.abort(new Error(`no token within ${ms} ms`)), ms)
  }
  let text = ''
  // LangChain may end an aborted stream quietly instead of throwing: the signals say what happened.
  const interrupted = (): StreamResult | null => {
    if (watchdog.signal.aborted) return { text, end: silence, cause: watchdog.signal.reason }
    if (options.signal.aborted) return { text, end: 'aborted', cause: options.signal.reason }
    return null
  }
  arm(options.firstTokenMs)
  try {
    for await (const token of llm.stream(messages, { signal: AbortSignal.any([options.signal, watchdog.signal]) })) {
      text += token
      options.onToken(token)
      if (text.length > options.maxChars) {
        clearTimeout(timer)
        const cause = new Error(`reply longer than ${options.maxChars} characters`)
        watchdog.abort(cause)
        return { text, end: 'error', cause }
      }
      silence = 'stall'
      arm(options.stallMs)
    }
    return interrupted() ?? { text, end: 'complete' }
  } catch (cause) {
    return interrupted() ?? { text, end: 'error', cause }
  } finally {
    clearTimeout(timer)
  }
}
