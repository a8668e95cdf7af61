import type { StaffMember } from './api-types.ts'
import { el } from './dom.ts'
import type { StaffApi } from './staff-api.ts'

/** What every staff view gets: the API, who is signed in, and a way to say something. */
export type StaffContext = {
  api: StaffApi
  me: StaffMember
  /** Announces a result to screen readers (and shows errors where the action was). */
  announce: (message: string) => void
  /** Called on any failure: a 401 signs out, anything else is shown in `where`. */
  fail: (error: unknown, where: HTMLElement) => void
}

/** A view renders into its container and returns what to stop when another view replaces it. */
export type StaffView = (container: HTMLElement, context: StaffContext) => Promise<() => void>

export const statusBadge = (status: string, label: string) =>
  el('span', { class: `badge badge--${status}`, 'data-testid': 'status' }, label)

export const priorityBadge = (priority: string) =>
  priority === 'high' ? el('span', { class: 'badge badge--high' }, '紧急') : null

export const INTENT_LABELS: Record<string, string> = {
  policy_question: '政策咨询',
  event_inquiry: '活动咨询',
  complaint: '投诉',
  service_request: '服务申请',
  human_handoff: '转人工',
  smalltalk: '寒暄',
  out_of_scope: '范围外',
}

export const AUDIENCE_LABELS: Record<string, string> = { citizen: '市民', enterprise: '企业' }

/** An inline message under a form: role=alert for errors so they are read out at once. */
export function formMessage(): {
  element: HTMLElement
  error: (text: string) => void
  ok: (text: string) => void
  clear: () => void
} {
  const element = el('p', { class: 'notice', hidden: true })
  return {
    element,
    error(text) {
      element.className = 'notice notice--error'
      element.setAttribute('role', 'alert')
      element.textContent = text
      element.hidden = false
    },
    ok(text) {
      element.className = 'notice notice--ok'
      element.setAttribute('role', 'status')
      element.textContent = text
      element.hidden = false
    },
    clear() {
      element.hidden = true
      element.textContent = ''
    },
  }
}
