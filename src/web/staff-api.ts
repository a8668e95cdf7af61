import { errorFrom, requestJson, requestNoContent } from './api.ts'
import type {
  AnswerStatistics,
  CannedReply,
  CannedReplyAdded,
  DocumentChunks,
  DocumentDeleted,
  FaqDraft,
  FaqPage,
  FaqWithHistory,
  FeedbackPage,
  Members,
  NewFaqBody,
  NoteAdded,
  QueuePage,
  ReplyAdded,
  RetrievalTest,
  StaffDocument,
  StaffTicketDetail,
  TicketStatistics,
  TurnLogPage,
  UploadReport,
} from './api-types.ts'
import { createAccountsApi } from './staff-accounts-api.ts'

export type QueueFilters = {
  status: string
  category: string
  priority: string
  overdue: boolean
  assignee: string
}

export const DEFAULT_FILTERS: QueueFilters = {
  status: 'open',
  category: '',
  priority: '',
  overdue: false,
  assignee: '',
}

/**
 * The staff API for a signed-in browser: the cookie goes by itself, and every request carries the
 * session's CSRF token, which the server demands on every change (see src/http/staff-auth.ts).
 */
export function createStaffApi(csrfToken: string) {
  const withToken = (path: string, init: RequestInit & { json?: unknown }) =>
    [`/api/staff${path}`, { ...init, headers: { 'x-csrf-token': csrfToken, ...init.headers } }] as const
  const call = <T>(path: string, init: RequestInit & { json?: unknown } = {}) =>
    requestJson<T>(...withToken(path, init))
  const ticketPath = (number: string) => `/tickets/${encodeURIComponent(number)}`

  return {
    queue(filters: QueueFilters) {
      const query = new URLSearchParams({ status: filters.status, limit: '100' })
      if (filters.category) query.set('category', filters.category)
      if (filters.priority) query.set('priority', filters.priority)
      if (filters.overdue) query.set('overdue', 'true')
      if (filters.assignee) query.set('assignee', filters.assignee)
      return call<QueuePage>(`/tickets?${query}`)
    },
    ticket: (number: string) => call<StaffTicketDetail>(ticketPath(number)),
    claim: (number: string) => call<StaffTicketDetail>(`${ticketPath(number)}/claim`, { method: 'POST' }),
    reply: (number: string, body: string, waitingUser: boolean) =>
      call<ReplyAdded>(`${ticketPath(number)}/replies`, {
        method: 'POST',
        json: { body, waitingUser },
      }),
    setStatus: (number: string, status: string, note?: string) =>
      call<StaffTicketDetail>(`${ticketPath(number)}/status`, {
        method: 'POST',
        json: { status, ...(note ? { note } : {}) },
      }),
    reassign: (number: string, assigneeId: number, note?: string) =>
      call<StaffTicketDetail>(`${ticketPath(number)}/reassign`, {
        method: 'POST',
        json: { assigneeId, ...(note ? { note } : {}) },
      }),
    members: () => call<Members>('/members'),
    note: (number: string, body: string) =>
      call<NoteAdded>(`${ticketPath(number)}/notes`, { method: 'POST', json: { body } }),
    cannedReplies: () => call<{ replies: CannedReply[] }>('/canned-replies'),
    addCannedReply: (title: string, body: string) =>
      call<CannedReplyAdded>('/canned-replies', { method: 'POST', json: { title, body } }),
    removeCannedReply: (id: number) => requestNoContent(...withToken(`/canned-replies/${id}`, { method: 'DELETE' })),
    stats: (days: number) => call<TicketStatistics>(`/stats?days=${days}`),
    feedback: (offset: number) => call<FeedbackPage>(`/feedback?rating=down&limit=20&offset=${offset}`),
    logout: () => fetch('/api/staff/logout', { method: 'POST', headers: { 'x-csrf-token': csrfToken } }),
    accounts: createAccountsApi(call),
    documents: () => call<{ documents: StaffDocument[] }>('/documents'),
    documentChunks: (docId: string) => call<DocumentChunks>(`/documents/${encodeURIComponent(docId)}/chunks`),
    uploadDocument: (form: FormData) => call<UploadReport>('/documents', { method: 'POST', body: form }),
    deleteDocument: (docId: string) =>
      call<DocumentDeleted>(`/documents/${encodeURIComponent(docId)}`, { method: 'DELETE' }),
    turns: (filters: URLSearchParams) => call<TurnLogPage>(`/turns?${filters}`),
    /** The log as CSV, fetched so that a failure shows as a message instead of a broken download. */
    async turnsCsv(filters: URLSearchParams): Promise<Blob> {
      const response = await fetch(`/api/staff/turns.csv?${filters}`, { headers: { 'x-csrf-token': csrfToken } })
      if (!response.ok) throw await errorFrom(response)
      return response.blob()
    },
    answerStats: (days: number) => call<AnswerStatistics>(`/answer-stats?days=${days}`),
    faqs: (status: string) => call<FaqPage>(`/faqs?limit=200${status ? `&status=${status}` : ''}`),
    faq: (id: number) => call<FaqWithHistory>(`/faqs/${id}`),
    createFaq: (input: NewFaqBody) => call<FaqWithHistory>('/faqs', { method: 'POST', json: input }),
    editFaq: (id: number, input: FaqDraft) => call<FaqWithHistory>(`/faqs/${id}`, { method: 'PATCH', json: input }),
    approveFaq: (id: number) => call<FaqWithHistory>(`/faqs/${id}/approve`, { method: 'POST' }),
    withdrawFaq: (id: number) => call<FaqWithHistory>(`/faqs/${id}/withdraw`, { method: 'POST' }),
    search: (query: string) => call<RetrievalTest>('/search', { method: 'POST', json: { query, limit: 10 } }),
  }
}

export type StaffApi = ReturnType<typeof createStaffApi>
