/**
 * Shapes of the JSON the pages read, as it arrives (dates are ISO strings): each is inferred from
 * the schema its route answers with. Type-only imports: nothing of the server, zod included,
 * enters the bundle.
 */
import type { ChatRequest } from '../http/contract/chat.ts'

export type { ChatRequestBody, ChatResponse, Citation } from '../http/contract/chat.ts'
export type { ChunkView, DocumentSection, DocumentSummary, DocumentView } from '../http/contract/documents.ts'
export type {
  AccountRow,
  AuditRow,
  IssuedToken,
  NewAccountBody,
  RetentionResult,
  TokenRow,
} from '../http/contract/staff-accounts.ts'
export type {
  CannedReplyAdded,
  CannedReplyView as CannedReply,
  Members,
  NoteAdded,
} from '../http/contract/staff-desk.ts'
export type {
  DocumentChunks,
  DocumentDeleted,
  StaffDocumentView as StaffDocument,
  UploadReportView as UploadReport,
} from '../http/contract/staff-documents.ts'
export type {
  FaqDraft,
  FaqPage,
  FaqRevisionView as FaqRevision,
  FaqView as Faq,
  FaqWithHistory,
  NewFaqBody,
} from '../http/contract/staff-faqs.ts'
export type { FeedbackPage, RatedTurnView as RatedTurn } from '../http/contract/staff-feedback.ts'
export type { RetrievalTestView as RetrievalTest } from '../http/contract/staff-search.ts'
export type { StaffMember } from '../http/contract/staff-session.ts'
export type {
  QueueItem,
  QueuePage,
  ReplyAdded,
  StaffTicketDetail,
  TicketEventView,
  TicketStatisticsView as TicketStatistics,
} from '../http/contract/staff-tickets.ts'
export type {
  AnswerStatisticsView as AnswerStatistics,
  LoggedTurnView as LoggedTurn,
  TurnLogPage,
} from '../http/contract/staff-turns.ts'
export type { RequesterTicket } from '../http/contract/tickets.ts'

export type Audience = NonNullable<ChatRequest['audience']>
