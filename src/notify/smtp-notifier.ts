import nodemailer from 'nodemailer'
import type { Notifier } from './notifier.ts'

/** E-mail through an SMTP server (`smtp://user:pass@host:587`, `smtps://…` for implicit TLS). */
export function createSmtpNotifier(options: { url: string; from: string; timeoutMs: number }): Notifier {
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  })
  return {
    channel: 'email',
    async send(notification) {
      if (!notification.recipient) throw new Error('no e-mail address to send to')
      await transport.sendMail({
        from: options.from,
        to: notification.recipient,
        subject: notification.subject,
        text: notification.body,
      })
    },
  }
}
