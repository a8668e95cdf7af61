import { createServer, type Socket } from 'node:net'

export type ReceivedMail = { from: string; to: string[]; data: string }

/**
 * A minimal SMTP server on a free loopback port that keeps what it is sent. `failNext(n)` makes
 * the next n messages fail with a 451 (a temporary refusal), as a busy mail server would.
 */
export async function startSmtpSink() {
  const mails: ReceivedMail[] = []
  let failures = 0
  const server = createServer((socket: Socket) => {
    let buffer = ''
    let inData = false
    let mail: ReceivedMail = { from: '', to: [], data: '' }
    const say = (line: string) => socket.write(`${line}\r\n`)
    say('220 sink ESMTP')
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8')
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n')
          if (end === -1) return
          mail.data = buffer.slice(0, end)
          buffer = buffer.slice(end + 5)
          inData = false
          if (failures > 0) {
            failures -= 1
            say('451 try again later')
          } else {
            mails.push(mail)
            say('250 queued')
          }
          mail = { from: '', to: [], data: '' }
          continue
        }
        const newline = buffer.indexOf('\r\n')
        if (newline === -1) return
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 2)
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === 'EHLO' || verb === 'HELO') say('250 sink')
        else if (verb === 'MAIL') {
          mail.from = line.slice(10).trim()
          say('250 ok')
        } else if (verb === 'RCPT') {
          mail.to.push(line.slice(8).trim())
          say('250 ok')
        } else if (verb === 'DATA') {
          inData = true
          say('354 go ahead')
        } else if (verb === 'QUIT') {
          say('221 bye')
          socket.end()
        } else say('250 ok')
      }
    })
    socket.on('error', () => socket.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    failNext(count: number) {
      failures = count
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The text part of a message as the sink received it (nodemailer picks quoted-printable or base64). */
export function decodeMailBody(data: string): string {
  const split = data.indexOf('\r\n\r\n')
  const headers = data.slice(0, split)
  const body = data.slice(split + 4)
  if (/content-transfer-encoding:\s*base64/i.test(headers)) {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  }
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => `%${hex}`)
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'))
  }
  return body
}
