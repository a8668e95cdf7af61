import type { Db } from '../db/index.ts'
import { deleteNotificationsOfTicket } from '../notify/outbox-repo.ts'
import { maskPersonalData } from '../text/mask.ts'
import { maskPhone } from '../text/phone.ts'
import { recordTicketEvent } from './events-repo.ts'
import { deleteIdempotencyKeysOfTicket } from './idempotency.ts'
import { listNotes, updateNoteBody } from './notes-repo.ts'
import { listReplies, updateReplyBody } from './replies-repo.ts'
import { listRequesterMessages, updateRequesterMessage } from './requester-messages-repo.ts'
import { erasePersonalData, listTicketsToPurge } from './ticket-changes-repo.ts'

export const RETENTION_ACTOR = { kind: 'system', name: '数据保留清理' } as const

/**
 * Erases the personal data of tickets closed more than `days` days ago: contact name, address and
 * transcript go, the phone keeps only its masked form, numbers and e-mails in the description,
 * replies, notes and requester messages are masked, and queued notifications are deleted. The ticket, its category, dates and audit log stay for statistics, and the
 * purge itself is logged. Each ticket in its own transaction, so a failure loses no progress.
 */
export async function purgeClosedTickets(db: Db, options: { days: number; now?: Date }): Promise<{ purged: string[] }> {
  const now = options.now ?? new Date()
  const closedBefore = new Date(now.getTime() - options.days * 86_400_000)
  const purged: string[] = []
  for (const ticket of await listTicketsToPurge(db, closedBefore)) {
    const erased = await db.transaction(async (tx) => {
      const kept = { description: maskPersonalData(ticket.description), phone: maskPhone(ticket.phone), now }
      if (!(await erasePersonalData(tx, ticket.id, kept))) return false
      for (const reply of await listReplies(tx, ticket.id)) {
        const masked = maskPersonalData(reply.body)
        if (masked !== reply.body) await updateReplyBody(tx, reply.id, masked)
      }
      for (const note of await listNotes(tx, ticket.id)) {
        const masked = maskPersonalData(note.body)
        if (masked !== note.body) await updateNoteBody(tx, note.id, masked)
      }
      for (const message of await listRequesterMessages(tx, ticket.id)) {
        const evidence = message.evidence === null ? null : maskPersonalData(message.evidence)
        await updateRequesterMessage(tx, message.id, { body: maskPersonalData(message.body), evidence })
      }
      await deleteNotificationsOfTicket(tx, ticket.id)
      await deleteIdempotencyKeysOfTicket(tx, ticket.id)
      await recordTicketEvent(tx, {
        ticketId: ticket.id,
        actor: RETENTION_ACTOR,
        action: 'personal_data_purged',
        after: {
          fields: [
            'contactName',
            'phone',
            'address',
            'transcript',
            'description',
            'replies',
            'notes',
            'messages',
            'notify',
          ],
        },
        note: `关闭超过 ${options.days} 天，个人信息已清除`,
        now,
      })
      return true
    })
    if (erased) purged.push(ticket.number)
  }
  return { purged }
}
