import { errorFrom, requestJson } from './api.ts'
import type {
  AnswerStatistics,
  DocumentSection,
  Faq,
  FaqRevision,
  FeedbackPage,
  LoggedTurn,
  QueuePage,
  RetrievalTest,
  StaffDocument,
  StaffMember,
  StaffTicketDetail,
  TicketStatistics,
  UploadReport,
} from './api-types.ts'

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

/** What a staff member writes for a correction (FAQ entry). */
export type FaqDraft = { question: string; answer: string; chunkIds?: number[]; validUntil?: string | null }

/** The staff API with the signed-in token on every request. */
export function createStaffApi(token: string) {
  const call = <T>(path: string, init: RequestInit & { json?: unknown } = {}) =>
    requestJson<T>(`/api/staff${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } })
  const ticketPath = (number: string) => `/tickets/${encodeURIComponent(number)}`

  return {
    me: () => call<StaffMember>('/me'),
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
      call<{ replyId: number; ticket: StaffTicketDetail }>(`${ticketPath(number)}/replies`, {
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
    stats: (days: number) => call<TicketStatistics>(`/stats?days=${days}`),
    feedback: (offset: number) => call<FeedbackPage>(`/feedback?rating=down&limit=20&offset=${offset}`),
    documents: () => call<{ documents: StaffDocument[] }>('/documents'),
    documentChunks: (docId: string) =>
      call<{ docId: string; chunks: DocumentSection[] }>(`/documents/${encodeURIComponent(docId)}/chunks`),
    uploadDocument: (form: FormData) => call<UploadReport>('/documents', { method: 'POST', body: form }),
    deleteDocument: (docId: string) =>
      call<{ docId: string }>(`/documents/${encodeURIComponent(docId)}`, { method: 'DELETE' }),
    turns: (filters: URLSearchParams) =>
      call<{ turns: LoggedTurn[]; total: number; page: number; pageSize: number }>(`/turns?${filters}`),
    /** The log as CSV: fetched with the token, since a plain link could not send it. */
    async turnsCsv(filters: URLSearchParams): Promise<Blob> {
      const response = await fetch(`/api/staff/turns.csv?${filters}`, { headers: { authorization: `Bearer ${token}` } })
      if (!response.ok) throw await errorFrom(response)
      return response.blob()
    },
    answerStats: (days: number) => call<AnswerStatistics>(`/answer-stats?days=${days}`),
    faqs: (status: string) =>
      call<{ faqs: Faq[]; total: number }>(`/faqs?limit=200${status ? `&status=${status}` : ''}`),
    faq: (id: number) => call<Faq & { revisions: FaqRevision[] }>(`/faqs/${id}`),
    createFaq: (input: FaqDraft & { sourceTurnId?: number }) => call<Faq>('/faqs', { method: 'POST', json: input }),
    editFaq: (id: number, input: FaqDraft) => call<Faq>(`/faqs/${id}`, { method: 'PATCH', json: input }),
    approveFaq: (id: number) => call<Faq>(`/faqs/${id}/approve`, { method: 'POST' }),
    withdrawFaq: (id: number) => call<Faq>(`/faqs/${id}/withdraw`, { method: 'POST' }),
    search: (query: string) => call<RetrievalTest>('/search', { method: 'POST', json: { query, limit: 10 } }),
  }
}

export type StaffApi = ReturnType<typeof createStaffApi>
