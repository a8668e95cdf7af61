import type { Db } from '../db/index.ts'
import type { Channel, Notifier } from './notifier.ts'
import { claimDueNotifications, markNotificationFailed, markNotificationSent } from './outbox-repo.ts'

export type DeliveryOptions = {
  /** How many tries in all before a row is given up (and logged). */
  maxAttempts: number
  /** Wait before the first retry; it doubles with every failure, up to an hour. */
  retryBaseMs: number
  /** How long one instance holds a row while sending it. */
  leaseMs: number
  batch: number
}

export type DeliveryLog = { warn(data: object, message: string): void; info(data: object, message: string): void }

const MAX_BACKOFF_MS = 3_600_000

export const retryDelay = (attempts: number, baseMs: number): number =>
  Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempts - 1))

/**
 * Sends what is due. A failure is recorded and retried later with a growing pause; nothing here
 * throws, so a broken mail server can only delay notifications, never a ticket.
 */
export async function deliverDueNotifications(
  db: Db,
  notifiers: readonly Notifier[],
  now: Date,
  options: DeliveryOptions,
  log: DeliveryLog,
): Promise<{ sent: number; failed: number }> {
  const byChannel = new Map<Channel, Notifier>(notifiers.map((notifier) => [notifier.channel, notifier]))
  const due = await claimDueNotifications(db, now, new Date(now.getTime() + options.leaseMs), options.batch)
  let sent = 0
  let failed = 0
  for (const notification of due) {
    const notifier = byChannel.get(notification.channel)
    try {
      if (!notifier) throw new Error(`channel ${notification.channel} is not configured`)
      await notifier.send(notification)
      await markNotificationSent(db, notification.id, new Date())
      sent += 1
    } catch (error) {
      failed += 1
      const attempts = notification.attempts + 1
      const giveUp = !notifier || attempts >= options.maxAttempts
      const message = error instanceof Error ? error.message : String(error)
      const retryAt = giveUp ? null : new Date(now.getTime() + retryDelay(attempts, options.retryBaseMs))
      await markNotificationFailed(db, notification.id, { error: message, retryAt, now })
      log.warn(
        { notification: notification.id, channel: notification.channel, attempts, error: message, giveUp },
        giveUp ? 'notification given up' : 'notification failed, will retry',
      )
    }
  }
  return { sent, failed }
}
