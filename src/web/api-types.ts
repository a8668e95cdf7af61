/** Shapes of the JSON the pages read, as it arrives (dates are ISO strings). */
import type { RatedTurn } from '../conversation/feedback-repo.ts'
import type { ChatResponse, Citation } from '../http/contract/chat.ts'
import type { ChunkView, DocumentSection, DocumentSummary, DocumentView } from '../http/contract/documents.ts'
import type { StaffMember } from '../http/contract/staff-session.ts'
import type { RequesterTicket } from '../http/contract/tickets.ts'
import type { TicketStatistics } from '../tickets/stats.ts'

// Inferred from the route schemas (type-only imports: nothing of the server enters the bundle).
export type {
  ChatResponse,
  ChunkView,
  Citation,
  DocumentSection,
  DocumentSummary,
  DocumentView,
  RatedTurn,
  RequesterTicket,
  StaffMember,
  TicketStatistics,
}

export type Audience = 'enterprise' | 'citizen'

export type QueueItem = {
  number: string
  category: string
  categoryLabel: string
  priority: 'high' | 'normal'
  status: string
  statusLabel: string
  audience: Audience
  preview: string
  contactName: string
  phone: string
  companyName: string | null
  assignee: { id: number; name: string } | null
  createdAt: string
  firstResponseDueAt: string
  slaDueAt: string
  nextDueAt: string
  overdue: boolean
  /** The requester wrote after the last staff reply. */
  requesterRepliedAt: string | null
}

export type QueuePage = { tickets: QueueItem[]; total: number; limit: number; offset: number }

export type TicketSourceView = {
  docId: string
  chunkId?: number
  n?: number
  title?: string
  section?: string
  article?: string
  page?: number
  quote?: string
}

export type TicketEventView = {
  id: number
  actor: { kind: 'staff' | 'requester' | 'system'; staffId: number | null; name: string }
  action: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  note: string | null
  createdAt: string
}

export type StaffTicketDetail = Omit<QueueItem, 'preview'> & {
  description: string
  address: string | null
  conversation: string | null
  transcript: { role: 'user' | 'assistant'; text: string; at?: string }[]
  sources: TicketSourceView[]
  firstResponseAt: string | null
  updatedAt: string
  resolvedAt: string | null
  closedAt: string | null
  personalDataPurgedAt: string | null
  replies: { id: number; body: string; staff: { id: number; name: string }; createdAt: string }[]
  events: TicketEventView[]
  details: Record<string, string>
  detailLabels: Record<string, string>
  notify: { email?: string; sms?: boolean }
  /** Requester messages, replies and internal notes, oldest first. */
  thread: ThreadEntryView[]
}

export type ThreadEntryView = {
  kind: 'requester' | 'reply' | 'note'
  author: string
  body: string
  evidence?: string
  createdAt: string
}

export type CannedReply = { id: number; title: string; body: string; createdBy: string; createdAt: string }

export type FeedbackPage = { turns: RatedTurn[]; total: number; limit: number; offset: number }

// The staff console's documents, log, corrections and retrieval test: the server's own types.
export type { UploadReport } from '../../ingest/upload.ts'
export type { RetrievalTest } from '../answer/retrieval-test.ts'
export type { AnswerStatistics } from '../conversation/answer-stats.ts'
export type { LoggedTurn } from '../conversation/turn-log-repo.ts'
export type { Faq, FaqRevision } from '../faq/faq-repo.ts'
export type { StaffDocument } from '../retrieval/staff-documents-repo.ts'
