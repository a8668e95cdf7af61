import type { Db } from '../db/index.ts'
import { ConflictError } from '../errors.ts'
import { recordTicketEvent } from './events-repo.ts'
import { insertRequesterMessage } from './requester-messages-repo.ts'
import { markRequesterReplied, moveTicket } from './ticket-changes-repo.ts'
import { findTicketWithToken } from './ticket-views.ts'

/** Enough for any real back-and-forth; a flood from one token is refused, not stored. */
export const MAX_REQUESTER_MESSAGES = 50

/**
 * The requester adds a message (and a description of their evidence) to their own ticket. A
 * ticket waiting for them goes back to its handler (`waiting_user → claimed`); null when the number
 * or token is wrong, which the route answers with the lookup's own 404.
 */
export async function addRequesterMessage(
  db: Db,
  number: string,
  token: string,
  message: { body: string; evidence?: string },
  now: Date,
): Promise<{ messageId: number } | null> {
  return db.transaction(async (tx) => {
    const ticket = await findTicketWithToken(tx, number, token)
    if (!ticket) return null
    if (ticket.status === 'resolved' || ticket.status === 'closed') {
      throw new ConflictError('工单已办结或关闭，不能再补充信息；如有新的情况，请在智能问答中重新登记。')
    }
    const [count] = await tx.query<{ count: number }>(
      'select count(*)::int as count from requester_messages where ticket_id = $1',
      [ticket.id],
    )
    if ((count?.count ?? 0) >= MAX_REQUESTER_MESSAGES) {
      throw new ConflictError(`这个工单已补充了 ${MAX_REQUESTER_MESSAGES} 条信息，请等待工作人员联系您。`)
    }
    const messageId = await insertRequesterMessage(tx, {
      ticketId: ticket.id,
      body: message.body,
      evidence: message.evidence ?? null,
      now,
    })
    await markRequesterReplied(tx, ticket.id, now)
    await recordTicketEvent(tx, {
      ticketId: ticket.id,
      actor: { kind: 'requester' },
      action: 'requester_message',
      after: { messageId },
      now,
    })
    if (ticket.status === 'waiting_user') {
      const assigneeId = ticket.assignee?.id ?? null
      if (!(await moveTicket(tx, { id: ticket.id, from: 'waiting_user', to: 'claimed', assigneeId, now }))) {
        throw new ConflictError('工单刚刚有了变化，请刷新页面后再提交。')
      }
      await recordTicketEvent(tx, {
        ticketId: ticket.id,
        actor: { kind: 'requester' },
        action: 'status_changed',
        before: { status: 'waiting_user' },
        after: { status: 'claimed' },
        now,
      })
    }
    return { messageId }
  })
}
