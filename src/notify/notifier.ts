/** What the outbox hands to a channel: one message to one recipient (null: the bureau's own gateway decides). */
export type Notification = {
  id: number
  ticketNumber: string | null
  kind: 'reply' | 'status' | 'reminder'
  recipient: string | null
  subject: string
  body: string
}

export const CHANNELS = ['email', 'webhook'] as const
export type Channel = (typeof CHANNELS)[number]

/** A way to reach people. `send` resolves once the other side accepted the message, and throws otherwise. */
export type Notifier = { channel: Channel; send(notification: Notification): Promise<void> }
