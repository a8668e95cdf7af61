import type { Config } from '../config.ts'
import type { Db } from '../db/index.ts'
import type { NotifyChannel } from '../intake/intake-fields.ts'
import { queueDeadlineReminders } from './announce.ts'
import type { Notifier } from './notifier.ts'
import { type DeliveryLog, deliverDueNotifications } from './outbox.ts'
import { createSmtpNotifier } from './smtp-notifier.ts'
import { createWebhookNotifier } from './webhook-notifier.ts'

type NotifyConfig = Pick<
  Config,
  | 'NOTIFY_SMTP_URL'
  | 'NOTIFY_EMAIL_FROM'
  | 'NOTIFY_WEBHOOK_URL'
  | 'NOTIFY_TIMEOUT_MS'
  | 'NOTIFY_MAX_ATTEMPTS'
  | 'NOTIFY_RETRY_BASE_MS'
  | 'NOTIFY_POLL_MS'
  | 'NOTIFY_REMINDER_HOURS'
>

/** What the intake may offer requesters: e-mail with SMTP, text messages with the webhook (SMS gateway). */
export function offeredNotifyChannels(config: NotifyConfig): NotifyChannel[] {
  return [
    ...(config.NOTIFY_SMTP_URL ? (['email'] as const) : []),
    ...(config.NOTIFY_WEBHOOK_URL ? (['sms'] as const) : []),
  ]
}

/** The channels the environment configures; none when neither URL is set. */
export function createNotifiers(config: NotifyConfig): Notifier[] {
  const notifiers: Notifier[] = []
  if (config.NOTIFY_SMTP_URL) {
    notifiers.push(
      createSmtpNotifier({
        url: config.NOTIFY_SMTP_URL,
        from: config.NOTIFY_EMAIL_FROM,
        timeoutMs: config.NOTIFY_TIMEOUT_MS,
      }),
    )
  }
  if (config.NOTIFY_WEBHOOK_URL) {
    notifiers.push(createWebhookNotifier({ url: config.NOTIFY_WEBHOOK_URL, timeoutMs: config.NOTIFY_TIMEOUT_MS }))
  }
  return notifiers
}

/**
 * Polls the outbox (and queues deadline reminders) every NOTIFY_POLL_MS in this process. Every
 * instance may run one: rows are leased, reminders keyed, so nothing goes out twice.
 */
export function startOutboxWorker(
  db: Db,
  config: NotifyConfig,
  log: DeliveryLog & { error(data: object, message: string): void },
): { stop(): Promise<void> } {
  const notifiers = createNotifiers(config)
  let running: Promise<void> = Promise.resolve()
  const tick = async () => {
    const now = new Date()
    try {
      // Reminders go to staff through the webhook only: without one there is nobody to remind.
      if (config.NOTIFY_REMINDER_HOURS > 0 && config.NOTIFY_WEBHOOK_URL) {
        await queueDeadlineReminders(db, now, config.NOTIFY_REMINDER_HOURS * 3_600_000)
      }
      await deliverDueNotifications(
        db,
        notifiers,
        now,
        {
          maxAttempts: config.NOTIFY_MAX_ATTEMPTS,
          retryBaseMs: config.NOTIFY_RETRY_BASE_MS,
          leaseMs: config.NOTIFY_TIMEOUT_MS * 3,
          batch: 20,
        },
        log,
      )
    } catch (error) {
      // The database may be briefly away; the next tick tries again.
      log.error({ err: error }, 'notification outbox tick failed')
    }
  }
  const timer = setInterval(() => {
    running = running.then(tick)
  }, config.NOTIFY_POLL_MS)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
