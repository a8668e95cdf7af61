import { requestJson } from './api.ts'
import type { FeedbackPage, QueuePage, StaffMember, StaffTicketDetail, TicketStatistics } from './api-types.ts'

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
    stats: (days: number) => call<TicketStatistics & { llmOutcomes: Record<string, number> }>(`/stats?days=${days}`),
    feedback: (offset: number) => call<FeedbackPage>(`/feedback?rating=down&limit=20&offset=${offset}`),
  }
}

export type StaffApi = ReturnType<typeof createStaffApi>
