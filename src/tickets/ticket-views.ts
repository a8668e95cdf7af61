import { conversationRef } from '../conversation/conversation-ref.ts'
import type { Db } from '../db/index.ts'
import { maskName, maskPersonalData } from '../text/mask.ts'
import { maskPhone } from '../text/phone.ts'
import { listTicketEvents } from './events-repo.ts'
import { verifyLookupToken } from './lookup-token.ts'
import {
  CATEGORY_LABELS,
  STATUS_LABELS,
  type Ticket,
  type TicketCategory,
  type TicketEvent,
  type TicketReply,
  type TicketStatus,
} from './model.ts'
import { listReplies } from './replies-repo.ts'
import { isOverdue, nextDueAt } from './sla.ts'
import { TICKET_NUMBER } from './ticket-number.ts'
import { findLookupTokenHash, findTicketById, type TicketSummary } from './tickets-repo.ts'

/** How tickets are shown: masked in the queue, in full in the detail, bare to the requester. */

const PREVIEW_LENGTH = 80

/** A queue row: personal data masked, description cut to a preview. */
export function toQueueItem(ticket: TicketSummary, now: Date) {
  const description = maskPersonalData(ticket.description)
  return {
    number: ticket.number,
    category: ticket.category,
    categoryLabel: CATEGORY_LABELS[ticket.category],
    priority: ticket.priority,
    status: ticket.status,
    statusLabel: STATUS_LABELS[ticket.status],
    audience: ticket.audience,
    preview: description.length > PREVIEW_LENGTH ? `${description.slice(0, PREVIEW_LENGTH)}…` : description,
    contactName: maskName(ticket.contactName),
    phone: maskPhone(ticket.phone),
    companyName: ticket.companyName,
    assignee: ticket.assignee,
    createdAt: ticket.createdAt,
    firstResponseDueAt: ticket.firstResponseDueAt,
    slaDueAt: ticket.slaDueAt,
    nextDueAt: nextDueAt(ticket),
    overdue: isOverdue(ticket, now),
  }
}

export type TicketDetail = { ticket: Ticket; events: TicketEvent[]; replies: TicketReply[] }

/** Everything about one ticket, for the staff detail view. */
export async function loadTicketDetail(db: Db, ticket: Ticket): Promise<TicketDetail> {
  return { ticket, events: await listTicketEvents(db, ticket.id), replies: await listReplies(db, ticket.id) }
}

export function toStaffDetail(detail: TicketDetail, now: Date) {
  const { sessionId, ...ticket } = detail.ticket
  return {
    ...ticket,
    // The chat's sessionId would let whoever reads the ticket go on in the requester's conversation.
    conversation: sessionId ? conversationRef(sessionId) : null,
    categoryLabel: CATEGORY_LABELS[ticket.category],
    statusLabel: STATUS_LABELS[ticket.status],
    nextDueAt: nextDueAt(ticket),
    overdue: isOverdue(ticket, now),
    replies: detail.replies,
    events: detail.events,
  }
}

/** What the requester may see: status, category, when it was opened, and staff replies. */
export type RequesterView = {
  number: string
  status: TicketStatus
  statusLabel: string
  category: TicketCategory
  categoryLabel: string
  createdAt: Date
  replies: { body: string; createdAt: Date }[]
}

/**
 * The requester's view, or null alike for an unknown number and a wrong token, so a caller
 * learns nothing about which tickets exist.
 */
export async function lookupTicketForRequester(db: Db, number: string, token: string): Promise<RequesterView | null> {
  const normalised = number.trim().toUpperCase()
  if (!TICKET_NUMBER.test(normalised) || token.trim() === '') return null
  const stored = await findLookupTokenHash(db, normalised)
  if (!stored || !verifyLookupToken(token, stored.hash)) return null
  const ticket = (await findTicketById(db, stored.id)) as Ticket
  const replies = await listReplies(db, ticket.id)
  return {
    number: ticket.number,
    status: ticket.status,
    statusLabel: STATUS_LABELS[ticket.status],
    category: ticket.category,
    categoryLabel: CATEGORY_LABELS[ticket.category],
    createdAt: ticket.createdAt,
    replies: replies.map((reply) => ({ body: reply.body, createdAt: reply.createdAt })),
  }
}
