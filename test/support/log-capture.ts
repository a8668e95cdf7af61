import { Writable } from 'node:stream'

/** A pino destination that keeps every line, so a test can read what the app logged. */
export function captureLog(): { lines: string[]; stream: Writable } {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString())
      done()
    },
  })
  return { lines, stream }
}
