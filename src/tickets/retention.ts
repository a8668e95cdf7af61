import { scrubConversation } from '../conversation/conversation-scrub.ts'
import { purgeIdleConversations } from '../conversation/sessions-repo.ts'
import type { Db } from '../db/index.ts'
import { deleteNotificationsOfTicket } from '../notify/outbox-repo.ts'
import { maskPhone } from '../text/phone.ts'
import { scrubberFor } from '../text/scrub.ts'
import { recordTicketEvent, scrubEventNotes } from './events-repo.ts'
import { deleteIdempotencyKeysOfTicket } from './idempotency.ts'
import { listNotes, updateNoteBody } from './notes-repo.ts'
import { listReplies, updateReplyBody } from './replies-repo.ts'
import { listRequesterMessages, updateRequesterMessage } from './requester-messages-repo.ts'
import { erasePersonalData, listTicketsToPurge } from './ticket-changes-repo.ts'

export const RETENTION_ACTOR = { kind: 'system', name: '数据保留清理' } as const

/**
 * Erases the personal data of tickets closed more than `days` days ago: contact name, company,
 * address and transcript go, the phone keeps only its masked form; in the description, staff
 * replies, status notes and the chat that led to the ticket, the person's own name, phone, company
 * and address are erased and any other phone, ID number or e-mail masked, as in internal notes,
 * requester messages and the matter's details; the notification contact and queued notifications go. The ticket, its category, dates and audit log stay for statistics, and the
 * purge itself is logged. Each ticket in its own transaction, so a failure loses no progress.
 */
export async function purgeClosedTickets(db: Db, options: { days: number; now?: Date }): Promise<{ purged: string[] }> {
  const now = options.now ?? new Date()
  const closedBefore = new Date(now.getTime() - options.days * 86_400_000)
  const purged: string[] = []
  for (const ticket of await listTicketsToPurge(db, closedBefore)) {
    const scrub = scrubberFor(ticket)
    const erased = await db.transaction(async (tx) => {
      const details = Object.fromEntries(
        Object.entries(ticket.details).map(([key, value]) => [key, scrub(value ?? '')]),
      )
      const kept = { description: scrub(ticket.description), phone: maskPhone(ticket.phone), details, now }
      if (!(await erasePersonalData(tx, ticket.id, kept))) return false
      for (const reply of await listReplies(tx, ticket.id)) {
        const masked = scrub(reply.body)
        if (masked !== reply.body) await updateReplyBody(tx, reply.id, masked)
      }
      await scrubEventNotes(tx, ticket.id, scrub)
      // The chat that led to the ticket repeats what the person gave, and so may their 👎 comments.
      if (ticket.sessionId) await scrubConversation(tx, ticket.sessionId, scrub)
      for (const note of await listNotes(tx, ticket.id)) {
        const masked = scrub(note.body)
        if (masked !== note.body) await updateNoteBody(tx, note.id, masked)
      }
      for (const message of await listRequesterMessages(tx, ticket.id)) {
        const evidence = message.evidence === null ? null : scrub(message.evidence)
        await updateRequesterMessage(tx, message.id, { body: scrub(message.body), evidence })
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
            'companyName',
            'address',
            'transcript',
            'description',
            'replies',
            'notes',
            'chat',
            'messages',
            'notify',
            'details',
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

export type RetentionOutcome = { days: number; purgedTickets: string[]; maskedTurns: number }

/** The whole retention pass, as `npm run retention` and the console's admin run it. */
export async function runRetention(db: Db, days: number, now: Date = new Date()): Promise<RetentionOutcome> {
  const { purged } = await purgeClosedTickets(db, { days, now })
  const maskedTurns = await purgeIdleConversations(db, new Date(now.getTime() - days * 86_400_000))
  return { days, purgedTickets: purged, maskedTurns }
}

/** What a run did, in the words the CLI prints and the console shows. */
export const describeRetention = ({ days, purgedTickets, maskedTurns }: RetentionOutcome): string[] => [
  `已清除 ${purgedTickets.length} 个关闭超过 ${days} 天的工单的个人信息${purgedTickets.length ? `：${purgedTickets.join('，')}` : '。'}`,
  `已遮蔽 ${maskedTurns} 条超过 ${days} 天未活动的对话记录中的电话、证件号和邮箱。`,
]
