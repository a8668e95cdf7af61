import { STATUS_LABELS, type TicketStatus } from '../tickets/model.ts'
import { describeLocator, passageUrl } from './answer-text.ts'
import type { StaffTicketDetail, TicketEventView } from './api-types.ts'
import { el } from './dom.ts'
import { formatDateTime } from './format.ts'
import { AUDIENCE_LABELS } from './staff-context.ts'
import { dueView } from './staff-queue.ts'

/** The read-only parts of a ticket's page: its facts, conversation, sources and audit trail. */

const ACTIONS: Record<string, string> = {
  created: '提交工单',
  claimed: '认领',
  status_changed: '更改状态',
  replied: '答复提交人',
  reassigned: '转派',
  requester_message: '提交人补充信息',
  noted: '添加内部备注',
  reopened: '重新打开',
  personal_data_purged: '清除个人信息',
}

const statusName = (value: unknown) =>
  typeof value === 'string' && value in STATUS_LABELS ? STATUS_LABELS[value as TicketStatus] : null

/** "待受理 → 处理中", "转派给 李四": what an audit entry changed, in words. */
function describeChange(event: TicketEventView): string {
  const before = statusName(event.before?.status)
  const after = statusName(event.after?.status)
  const parts: string[] = []
  if (before && after && before !== after) parts.push(`${before} → ${after}`)
  else if (after && !before && event.action !== 'created') parts.push(`→ ${after}`)
  if (typeof event.after?.assigneeName === 'string') parts.push(`转派给 ${event.after.assigneeName}`)
  if (event.after?.firstResponse) parts.push('首次答复')
  return parts.join('，')
}

export const card = (title: string, ...children: (Node | string | null | false)[]) =>
  el('section', { class: 'card', 'aria-label': title }, el('h3', {}, title), ...children)

export const withClass = <T extends HTMLElement>(element: T, name: string): T => {
  element.classList.add(name)
  return element
}

export function facts(ticket: StaffTicketDetail): HTMLElement {
  const rows: [string, Node | string | null][] = [
    ['事项', ticket.categoryLabel],
    ['对象', AUDIENCE_LABELS[ticket.audience] ?? ticket.audience],
    ['联系人', ticket.contactName],
    ['电话', ticket.phone],
    ['企业', ticket.companyName],
    ['地址', ticket.address],
    ['处理人', ticket.assignee?.name ?? '未分配'],
    ['提交时间', formatDateTime(ticket.createdAt)],
    ['首次答复时限', formatDateTime(ticket.firstResponseDueAt)],
    ['首次答复', ticket.firstResponseAt ? formatDateTime(ticket.firstResponseAt) : '尚未答复'],
    ['办结时限', formatDateTime(ticket.slaDueAt)],
    ['当前时限', dueView(ticket.nextDueAt, ticket.status)],
  ]
  return el(
    'dl',
    { class: 'meta-list' },
    ...rows.filter(([, value]) => value).flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]),
  )
}

export function transcript(ticket: StaffTicketDetail): HTMLElement {
  if (ticket.transcript.length === 0) return el('p', { class: 'muted' }, '该工单不是从智能问答转来的，没有对话记录。')
  return el(
    'ol',
    { class: 'transcript' },
    ...ticket.transcript.map((turn) =>
      el(
        'li',
        { class: turn.role === 'user' ? 'turn--user' : 'turn--assistant' },
        el(
          'span',
          { class: 'turn__who' },
          turn.role === 'user' ? '提交人' : '智能助手',
          turn.at ? ` · ${formatDateTime(turn.at)}` : '',
        ),
        turn.text,
      ),
    ),
  )
}

export function sources(ticket: StaffTicketDetail): HTMLElement {
  if (ticket.sources.length === 0) return el('p', { class: 'muted' }, '助手没有引用资料。')
  return el(
    'ol',
    { class: 'source-list' },
    ...ticket.sources.map((source) =>
      el(
        'li',
        {},
        el(
          'a',
          { href: passageUrl(source.docId, source.chunkId), target: '_blank', rel: 'noopener' },
          `《${source.title ?? source.docId}》`,
        ),
        [source.section, describeLocator(source.article, source.page)]
          .filter(Boolean)
          .map((part) => ` · ${part}`)
          .join(''),
        source.quote && el('q', {}, source.quote),
      ),
    ),
  )
}

export function audit(ticket: StaffTicketDetail): HTMLElement {
  return el(
    'ol',
    { class: 'audit' },
    ...ticket.events.map((event) =>
      el(
        'li',
        {},
        el('span', { class: 'audit__time' }, formatDateTime(event.createdAt)),
        el(
          'div',
          {},
          el('strong', {}, event.actor.name || (event.actor.kind === 'requester' ? '提交人' : '系统')),
          ` ${ACTIONS[event.action] ?? event.action}`,
        ),
        describeChange(event) && el('div', { class: 'muted' }, describeChange(event)),
        event.note && el('div', {}, `备注：${event.note}`),
      ),
    ),
  )
}
