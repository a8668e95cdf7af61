import type { Notifier } from './notifier.ts'

/**
 * A JSON POST to the bureau's SMS gateway or a WeCom bot relay. `recipient` is the requester's phone
 * for a text message, or null for a message to staff. Anything but a 2xx is a failure to retry.
 */
export function createWebhookNotifier(options: { url: string; timeoutMs: number }): Notifier {
  return {
    channel: 'webhook',
    async send(notification) {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `qd-notification-${notification.id}` },
        body: JSON.stringify({
          kind: notification.kind,
          ticketNumber: notification.ticketNumber,
          phone: notification.recipient,
          subject: notification.subject,
          text: notification.body,
        }),
        signal: AbortSignal.timeout(options.timeoutMs),
      })
      if (!response.ok) throw new Error(`webhook answered ${response.status}`)
    },
  }
}
