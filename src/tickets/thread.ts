import type { TicketEvent, TicketReply } from './model.ts'
import type { TicketNote } from './notes-repo.ts'
import type { RequesterMessage } from './requester-messages-repo.ts'

/** One entry of a ticket's conversation as staff read it; `note`s are internal and never leave the staff API. */
export type ThreadEntry = {
  kind: 'requester' | 'reply' | 'note'
  author: string
  body: string
  evidence?: string
  createdAt: Date
}

const EVENT_KEYS = { requester: 'messageId', reply: 'replyId', note: 'noteId' } as const

/**
 * Requester messages, staff replies and internal notes in the order they happened: the audit log
 * records each with its id, so entries of the same instant keep their true order too.
 */
export function buildThread(
  messages: readonly RequesterMessage[],
  replies: readonly TicketReply[],
  notes: readonly TicketNote[],
  events: readonly TicketEvent[],
): ThreadEntry[] {
  const position = new Map<string, number>()
  events.forEach((event, index) => {
    for (const [kind, key] of Object.entries(EVENT_KEYS)) {
      const id = event.after?.[key]
      if (typeof id === 'number') position.set(`${kind}:${id}`, index)
    }
  })
  const entries: (ThreadEntry & { order: number })[] = [
    ...messages.map((message) => ({
      order: position.get(`requester:${message.id}`) ?? Number.MAX_SAFE_INTEGER,
      kind: 'requester' as const,
      author: '提交人',
      body: message.body,
      ...(message.evidence ? { evidence: message.evidence } : {}),
      createdAt: message.createdAt,
    })),
    ...replies.map((reply) => ({
      order: position.get(`reply:${reply.id}`) ?? Number.MAX_SAFE_INTEGER,
      kind: 'reply' as const,
      author: reply.staff.name,
      body: reply.body,
      createdAt: reply.createdAt,
    })),
    ...notes.map((note) => ({
      order: position.get(`note:${note.id}`) ?? Number.MAX_SAFE_INTEGER,
      kind: 'note' as const,
      author: note.staff.name,
      body: note.body,
      createdAt: note.createdAt,
    })),
  ]
  return entries
    .sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || a.order - b.order)
    .map(({ order: _order, ...entry }) => entry)
}
