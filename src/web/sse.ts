/** A Server-Sent Events parser for a fetch() body: EventSource cannot POST. Pure, no DOM. */

export type SseMessage = { event: string; data: string }

/**
 * Feed it decoded text as it arrives; it calls `onMessage` once per complete event. Follows the
 * WHATWG rules that matter here: `event:` and `data:` fields, multi-line data, comments, and
 * CRLF, LF or CR line ends, even when a chunk ends between the CR and the LF.
 */
export function createSseParser(onMessage: (message: SseMessage) => void) {
  let buffer = ''
  let event = ''
  let data: string[] = []

  const dispatch = () => {
    if (data.length > 0) onMessage({ event: event || 'message', data: data.join('\n') })
    event = ''
    data = []
  }

  const line = (text: string) => {
    if (text === '') return dispatch()
    if (text.startsWith(':')) return
    const colon = text.indexOf(':')
    const field = colon < 0 ? text : text.slice(0, colon)
    let value = colon < 0 ? '' : text.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'event') event = value
    else if (field === 'data') data.push(value)
  }

  return {
    push(chunk: string): void {
      buffer += chunk
      for (;;) {
        const match = /\r\n|\r|\n/.exec(buffer)
        if (!match) break
        // A CR at the very end may be the first half of a CRLF still on its way.
        if (match[0] === '\r' && match.index === buffer.length - 1) break
        line(buffer.slice(0, match.index))
        buffer = buffer.slice(match.index + match[0].length)
      }
    },
    /** The stream ended: a last event without its blank line still counts. */
    end(): void {
      if (buffer !== '') line(buffer)
      buffer = ''
      dispatch()
    },
  }
}
