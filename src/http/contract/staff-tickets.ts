import { z } from 'zod'
import {
  AUDIENCES,
  PRIORITIES,
  TICKET_CATEGORIES,
  TICKET_STATUSES,
  type TicketSource,
  type TranscriptTurn,
} from '../../tickets/model.ts'
import type { TicketStatistics } from '../../tickets/stats.ts'
import type { toQueueItem, toStaffDetail } from '../../tickets/ticket-views.ts'
import { isoDateTime } from './common.ts'
import type { NoneUnnamed, Unnamed } from './unnamed-fields.ts'

const Person = z.object({ id: z.number().int(), name: z.string() })

/** The columns the queue and the detail share. */
const TicketFacts = z.object({
  number: z.string(),
  category: z.enum(TICKET_CATEGORIES),
  categoryLabel: z.string(),
  priority: z.enum(PRIORITIES),
  status: z.enum(TICKET_STATUSES),
  statusLabel: z.string(),
  audience: z.enum(AUDIENCES),
  contactName: z.string(),
  phone: z.string(),
  companyName: z.string().nullable(),
  assignee: Person.nullable(),
  createdAt: isoDateTime,
  firstResponseDueAt: isoDateTime,
  slaDueAt: isoDateTime,
  nextDueAt: isoDateTime,
  overdue: z.boolean(),
  /** The requester wrote after the last staff reply. */
  requesterRepliedAt: isoDateTime.nullable(),
})

/** A queue row: personal data masked, the description cut to a preview. */
export const QueueItemSchema = TicketFacts.extend({ preview: z.string() })

export const QueuePageSchema = z.object({
  tickets: z.array(QueueItemSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
})

const TranscriptTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  text: z.string(),
  at: z.string().optional(),
})

/** A passage the assistant cited before handing over; `chunkId` opens it. */
const TicketSourceSchema = z.object({
  docId: z.string(),
  chunkId: z.number().int().optional(),
  n: z.number().int().optional(),
  title: z.string().optional(),
  section: z.string().optional(),
  article: z.string().optional(),
  page: z.number().int().optional(),
  quote: z.string().optional(),
})

export const TicketEventSchema = z.object({
  id: z.number().int(),
  actor: z.object({
    kind: z.enum(['staff', 'requester', 'system']),
    staffId: z.number().int().nullable(),
    name: z.string(),
  }),
  action: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  note: z.string().nullable(),
  createdAt: isoDateTime,
})

/** Requester messages, replies and internal notes, oldest first. */
const ThreadEntrySchema = z.object({
  kind: z.enum(['requester', 'reply', 'note']),
  author: z.string(),
  body: z.string(),
  evidence: z.string().optional(),
  createdAt: isoDateTime,
})

/** Everything about one ticket, unmasked: staff need it to do the work. */
export const StaffTicketDetailSchema = TicketFacts.extend({
  id: z.number().int(),
  description: z.string(),
  address: z.string().nullable(),
  details: z.record(z.string(), z.string()),
  detailLabels: z.record(z.string(), z.string()),
  notify: z.object({ email: z.string().optional(), sms: z.boolean().optional() }),
  /** A one-way reference to the chat the ticket came from, never its sessionId. */
  conversation: z.string().nullable(),
  transcript: z.array(TranscriptTurnSchema),
  sources: z.array(TicketSourceSchema),
  firstResponseAt: isoDateTime.nullable(),
  updatedAt: isoDateTime,
  resolvedAt: isoDateTime.nullable(),
  closedAt: isoDateTime.nullable(),
  personalDataPurgedAt: isoDateTime.nullable(),
  replies: z.array(z.object({ id: z.number().int(), body: z.string(), staff: Person, createdAt: isoDateTime })),
  events: z.array(TicketEventSchema),
  thread: z.array(ThreadEntrySchema),
})

export const ReplyAddedSchema = z.object({ replyId: z.number().int(), ticket: StaffTicketDetailSchema })

export const TicketStatisticsSchema = z.object({
  openByCategory: z.record(z.enum(TICKET_CATEGORIES), z.number().int()),
  openTotal: z.number().int(),
  overdue: z.number().int(),
  medianFirstResponseMinutes: z.number().nullable(),
  windowDays: z.number().int(),
  /** How the model calls of the window ended ('ok', 'timeout', …), with counts. */
  llmOutcomes: z.record(z.string(), z.number().int()),
})

export type QueueItem = z.output<typeof QueueItemSchema>
export type QueuePage = z.output<typeof QueuePageSchema>
export type TicketEventView = z.output<typeof TicketEventSchema>
export type StaffTicketDetail = z.output<typeof StaffTicketDetailSchema>
export type ReplyAdded = z.output<typeof ReplyAddedSchema>
export type TicketStatisticsView = z.output<typeof TicketStatisticsSchema>

type _EveryFieldNamed = NoneUnnamed<
  | Unnamed<typeof QueueItemSchema, ReturnType<typeof toQueueItem>>
  | Unnamed<typeof StaffTicketDetailSchema, ReturnType<typeof toStaffDetail>>
  | Unnamed<typeof TranscriptTurnSchema, TranscriptTurn>
  | Unnamed<typeof TicketSourceSchema, TicketSource>
  | Unnamed<typeof TicketStatisticsSchema, TicketStatistics>
>
