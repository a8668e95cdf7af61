/** Shapes of the JSON the pages read, as it arrives (dates are ISO strings). */
import type { Citation } from '../answer/citations.ts'
import type { RatedTurn } from '../conversation/feedback-repo.ts'
import type { ChatResponse } from '../conversation/turn.ts'
import type { TicketStatistics } from '../tickets/stats.ts'

export type { ChatResponse, Citation, RatedTurn, TicketStatistics }

export type Audience = 'enterprise' | 'citizen'

export type ChunkView = {
  chunkId: number
  docId: string
  title: string
  meta: Record<string, string>
  section: string
  article: string | null
  page: number | null
  content: string
}

export type DocumentSummary = {
  docId: string
  title: string
  format: string
  meta: Record<string, string>
  chunkCount: number
  ingestedAt: string
}

export type DocumentSection = {
  chunkId: number
  section: string
  article: string | null
  page: number | null
  content: string
}

export type DocumentView = DocumentSummary & { sections: DocumentSection[] }

export type RequesterTicket = {
  number: string
  status: string
  statusLabel: string
  category: string
  categoryLabel: string
  createdAt: string
  replies: { body: string; createdAt: string }[]
}

export type StaffMember = { id: number; name: string; role: 'agent' | 'supervisor' }

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
  sessionId: string | null
  transcript: { role: 'user' | 'assistant'; text: string; at?: string }[]
  sources: TicketSourceView[]
  firstResponseAt: string | null
  updatedAt: string
  resolvedAt: string | null
  closedAt: string | null
  personalDataPurgedAt: string | null
  replies: { id: number; body: string; staff: { id: number; name: string }; createdAt: string }[]
  events: TicketEventView[]
}

export type FeedbackPage = { turns: RatedTurn[]; total: number; limit: number; offset: number }

// The staff console's documents, log, corrections and retrieval test: the server's own types.
export type { UploadReport } from '../../ingest/upload.ts'
export type { RetrievalTest } from '../answer/retrieval-test.ts'
export type { AnswerStatistics } from '../conversation/answer-stats.ts'
export type { LoggedTurn } from '../conversation/turn-log-repo.ts'
export type { Faq, FaqRevision } from '../faq/faq-repo.ts'
export type { StaffDocument } from '../retrieval/staff-documents-repo.ts'
