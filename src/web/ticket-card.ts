import { CATEGORY_LABELS, type TicketCategory } from '../tickets/model.ts'
import type { ChatResponse } from './api-types.ts'
import { copyControl } from './copy.ts'
import { el } from './dom.ts'
import { formatDateTime } from './format.ts'

type OpenedTicket = NonNullable<ChatResponse['ticket']>

/**
 * The end of an intake: the ticket number and lookup token, big and copyable, because the token
 * is shown only this once (this browser keeps it too), and the way to the lookup page, which
 * fills both in from the browser's store: the token never travels in a URL.
 */
export function ticketCard(ticket: OpenedTicket, category?: TicketCategory): HTMLElement {
  const lookup = `/lookup?number=${encodeURIComponent(ticket.number)}`
  return el(
    'section',
    { class: 'ticket-card', 'aria-labelledby': `ticket-${ticket.number}` },
    el(
      'h3',
      { class: 'ticket-card__title', id: `ticket-${ticket.number}` },
      '工单已登记',
      category ? `：${CATEGORY_LABELS[category]}` : '',
    ),
    el(
      'dl',
      { class: 'ticket-card__codes' },
      el(
        'div',
        { class: 'ticket-card__code' },
        el('dt', {}, '工单编号'),
        el(
          'dd',
          {},
          el('span', { class: 'code', 'data-testid': 'ticket-number' }, ticket.number),
          copyControl(ticket.number, '复制编号'),
        ),
      ),
      el(
        'div',
        { class: 'ticket-card__code' },
        el('dt', {}, '查询码'),
        el(
          'dd',
          {},
          el('span', { class: 'code', 'data-testid': 'lookup-token' }, ticket.lookupToken),
          copyControl(ticket.lookupToken, '复制查询码'),
        ),
      ),
    ),
    el(
      'p',
      { class: 'ticket-card__warning' },
      '查询码只显示这一次，请复制、截图或记下（本浏览器也会替您保存）。凭工单编号和查询码可随时查看办理进度、补充信息。',
    ),
    dueLines(ticket),
    el('a', { class: 'button button--primary', href: lookup }, '查询办理进度'),
  )
}

/** The two promises, in the words and format the chat message, the lookup page and the staff queue use. */
export function dueLines(due: { firstResponseDueAt?: string; slaDueAt: string }): HTMLElement {
  return el(
    'dl',
    { class: 'ticket-card__due', 'data-testid': 'deadlines' },
    due.firstResponseDueAt && el('dt', {}, '首次联系'),
    due.firstResponseDueAt &&
      el('dd', { 'data-testid': 'contact-due' }, `${formatDateTime(due.firstResponseDueAt)} 前`),
    el('dt', {}, '办理时限'),
    el('dd', { 'data-testid': 'resolve-due' }, `${formatDateTime(due.slaDueAt)} 前`),
  )
}
