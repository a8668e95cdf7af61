import { conversationRef } from '../conversation/conversation-ref.ts'
import type { Db } from '../db/index.ts'
import { maskName, maskPersonalData } from '../text/mask.ts'
import { maskPhone } from '../text/phone.ts'
import { listTicketEvents } from './events-repo.ts'
import { verifyLookupToken } from './lookup-token.ts'
import {
  CATEGORY_LABELS,
  DETAIL_FIELDS,
  DETAIL_LABELS,
  STATUS_LABELS,
  type Ticket,
  type TicketCategory,
  type TicketEvent,
  type TicketReply,
  type TicketStatus,
} from './model.ts'
import { listNotes, type TicketNote } from './notes-repo.ts'
import { listReplies } from './replies-repo.ts'
import { listRequesterMessages, type RequesterMessage } from './requester-messages-repo.ts'
import { isOverdue, nextDueAt } from './sla.ts'
import { buildThread } from './thread.ts'
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
    requesterRepliedAt: ticket.requesterRepliedAt,
  }
}

export type TicketDetail = {
  ticket: Ticket
  events: TicketEvent[]
  replies: TicketReply[]
  messages: RequesterMessage[]
  notes: TicketNote[]
}

/** Everything about one ticket, for the staff detail view. */
export async function loadTicketDetail(db: Db, ticket: Ticket): Promise<TicketDetail> {
  return {
    ticket,
    events: await listTicketEvents(db, ticket.id),
    replies: await listReplies(db, ticket.id),
    messages: await listRequesterMessages(db, ticket.id),
    notes: await listNotes(db, ticket.id),
  }
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
    detailLabels: DETAIL_LABELS,
    replies: detail.replies,
    events: detail.events,
    thread: buildThread(detail.messages, detail.replies, detail.notes, detail.events),
  }
}

/** What the requester may see: what they submitted (masked), deadlines, history in words, replies. */
export type RequesterView = {
  number: string
  status: TicketStatus
  statusLabel: string
  category: TicketCategory
  categoryLabel: string
  createdAt: Date
  firstResponseDueAt: Date
  slaDueAt: Date
  /** While `waiting_user`: what staff asked for, in their own words. */
  needed: string | null
  submitted: { label: string; value: string }[]
  history: { at: Date; text: string }[]
  replies: { body: string; createdAt: Date }[]
  messages: { body: string; evidence: string | null; createdAt: Date }[]
}

/**
 * The ticket for a number and its lookup token, or null alike for an unknown number and a wrong
 * token, so a caller learns nothing about which tickets exist.
 */
export async function findTicketWithToken(db: Db, number: string, token: string): Promise<Ticket | null> {
  const normalised = number.trim().toUpperCase()
  if (!TICKET_NUMBER.test(normalised) || token.trim() === '') return null
  const stored = await findLookupTokenHash(db, normalised)
  if (!stored || !verifyLookupToken(token, stored.hash)) return null
  return findTicketById(db, stored.id)
}

export async function lookupTicketForRequester(db: Db, number: string, token: string): Promise<RequesterView | null> {
  const ticket = await findTicketWithToken(db, number, token)
  if (!ticket) return null
  const replies = await listReplies(db, ticket.id)
  const events = await listTicketEvents(db, ticket.id)
  const messages = await listRequesterMessages(db, ticket.id)
  return {
    number: ticket.number,
    status: ticket.status,
    statusLabel: STATUS_LABELS[ticket.status],
    category: ticket.category,
    categoryLabel: CATEGORY_LABELS[ticket.category],
    createdAt: ticket.createdAt,
    firstResponseDueAt: ticket.firstResponseDueAt,
    slaDueAt: ticket.slaDueAt,
    needed: ticket.status === 'waiting_user' ? (replies.at(-1)?.body ?? null) : null,
    submitted: submittedFields(ticket),
    history: events.flatMap((event) => {
      const text = describeEvent(event)
      return text ? [{ at: event.createdAt, text }] : []
    }),
    replies: replies.map((reply) => ({ body: reply.body, createdAt: reply.createdAt })),
    messages: messages.map((message) => ({
      body: message.body,
      evidence: message.evidence,
      createdAt: message.createdAt,
    })),
  }
}

/** What was submitted, masked as in the queue: enough to recognise, too little to abuse. */
function submittedFields(ticket: Ticket): { label: string; value: string }[] {
  const rows: { label: string; value: string }[] = [
    { label: '情况说明', value: maskPersonalData(ticket.description) },
    ...DETAIL_FIELDS.flatMap((field) =>
      ticket.details[field] ? [{ label: DETAIL_LABELS[field], value: maskPersonalData(ticket.details[field]) }] : [],
    ),
    { label: '联系人', value: maskName(ticket.contactName) },
    { label: '联系电话', value: maskPhone(ticket.phone) },
  ]
  if (ticket.companyName) rows.push({ label: '企业名称', value: ticket.companyName })
  if (ticket.address) rows.push({ label: '上门地址', value: maskPersonalData(ticket.address) })
  return rows
}

const statusOf = (state: Record<string, unknown> | null): string | undefined => {
  const status = state?.status
  return typeof status === 'string' && status in STATUS_LABELS ? STATUS_LABELS[status as TicketStatus] : undefined
}

/** The audit log in words a requester understands; internal steps (notes, reassignment names) stay out. */
function describeEvent(event: TicketEvent): string | null {
  switch (event.action) {
    case 'created':
      return '您提交了工单'
    case 'claimed':
      return '工作人员已受理'
    case 'replied':
      return '工作人员答复了您'
    case 'requester_message':
      return '您补充了信息'
    case 'reassigned':
      return '已转交其他工作人员办理'
    case 'reopened':
      return '工单重新办理'
    case 'status_changed': {
      const status = statusOf(event.after)
      return status ? `状态改为“${status}”` : null
    }
    default:
      return null
  }
}
