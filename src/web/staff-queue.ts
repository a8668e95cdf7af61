import { CATEGORY_LABELS, PRIORITIES, STATUS_LABELS, TICKET_CATEGORIES, TICKET_STATUSES } from '../tickets/model.ts'
import type { QueueItem } from './api-types.ts'
import { el, replaceChildren } from './dom.ts'
import { describeDue, formatDateTime, formatShortDateTime } from './format.ts'
import { DEFAULT_FILTERS, type QueueFilters } from './staff-api.ts'
import { priorityBadge, type StaffContext, type StaffView, statusBadge } from './staff-context.ts'
import { session } from './storage.ts'

const FILTERS_KEY = 'qd.staff.filters'
const TICK_MS = 30_000
// The queue refreshes itself this often; tickets that arrived since the page opened are marked 新.
const POLL_MS = 10_000

function loadFilters(): QueueFilters {
  try {
    return { ...DEFAULT_FILTERS, ...JSON.parse(session.get(FILTERS_KEY) ?? '{}') }
  } catch {
    return { ...DEFAULT_FILTERS }
  }
}

const option = (value: string, label: string, selected: string) =>
  el('option', { value, selected: value === selected }, label)

function selectField(id: string, label: string, options: [string, string][], value: string) {
  const select = el('select', { id, name: id }, ...options.map(([v, text]) => option(v, text, value)))
  return { select, field: el('div', { class: 'field' }, el('label', { for: id }, label), select) }
}

/** A live countdown to the next deadline; the view's timer refreshes every [data-due]. */
export function dueView(dueAt: string, status: string): HTMLElement {
  const { text, tone } = describeDue(dueAt, status, new Date())
  return el(
    'time',
    {
      class: `due due--${tone}`,
      datetime: dueAt,
      'data-due': dueAt,
      'data-status': status,
      title: `时限 ${formatShortDateTime(dueAt)}`,
    },
    text,
  )
}

export function refreshCountdowns(root: ParentNode): void {
  const now = new Date()
  for (const node of root.querySelectorAll<HTMLElement>('[data-due]')) {
    const { text, tone } = describeDue(node.dataset.due ?? '', node.dataset.status ?? '', now)
    node.textContent = text
    node.className = `due due--${tone}`
  }
}

function row(ticket: QueueItem, context: StaffContext, reload: () => void, fresh: boolean): HTMLTableRowElement {
  const cell = (label: string, ...children: (Node | string | null)[]) => el('td', { 'data-label': label }, ...children)
  let assignee: Node | string = ticket.assignee?.name ?? '未分配'
  if (!ticket.assignee && ticket.status === 'new') {
    const claim = el('button', { type: 'button', class: 'button button--small' }, '认领')
    claim.setAttribute('aria-label', `认领 ${ticket.number}`)
    claim.addEventListener('click', async () => {
      claim.disabled = true
      try {
        await context.api.claim(ticket.number)
        context.announce(`已认领 ${ticket.number}`)
        window.location.hash = `#/ticket/${ticket.number}`
      } catch (error) {
        context.fail(error, claim.parentElement ?? claim)
        reload()
      }
    })
    assignee = claim
  }
  return el(
    'tr',
    {
      class: [ticket.overdue && 'row--overdue', fresh && 'row--fresh'].filter(Boolean).join(' '),
      'data-number': ticket.number,
    },
    cell(
      '编号',
      el('a', { href: `#/ticket/${ticket.number}`, class: 'code' }, ticket.number),
      fresh ? el('span', { class: 'badge badge--fresh', 'data-testid': 'new-marker' }, '新') : null,
      ticket.requesterRepliedAt
        ? el('span', { class: 'badge badge--replied', 'data-testid': 'requester-replied' }, '提交人已补充')
        : null,
    ),
    cell('事项', ticket.categoryLabel),
    cell('优先级', priorityBadge(ticket.priority) ?? '一般'),
    cell('状态', statusBadge(ticket.status, ticket.statusLabel)),
    el('td', { 'data-label': '情况', class: 'preview' }, ticket.preview),
    cell('联系人', el('span', {}, ticket.contactName, el('span', { class: 'contact__phone' }, ticket.phone))),
    cell('处理人', assignee),
    cell(
      '时限',
      dueView(ticket.nextDueAt, ticket.status),
      // The promise the requester was given, written as the chat, the card and the lookup write it.
      el('span', { class: 'due__date', 'data-testid': 'resolve-due' }, `办结 ${formatDateTime(ticket.slaDueAt)} 前`),
    ),
  )
}

/** The queue: filters, then a table (cards on a phone), highest priority and nearest deadline first. */
export const queueView: StaffView = async (container, context) => {
  const filters = loadFilters()
  const status = selectField(
    'filter-status',
    '状态',
    [['open', '未办结'], ['all', '全部'], ...TICKET_STATUSES.map((s): [string, string] => [s, STATUS_LABELS[s]])],
    filters.status,
  )
  const category = selectField(
    'filter-category',
    '事项',
    [['', '全部事项'], ...TICKET_CATEGORIES.map((c): [string, string] => [c, CATEGORY_LABELS[c]])],
    filters.category,
  )
  const priority = selectField(
    'filter-priority',
    '优先级',
    [['', '全部'], ...PRIORITIES.map((p): [string, string] => [p, p === 'high' ? '紧急' : '一般'])],
    filters.priority,
  )
  const assignee = selectField(
    'filter-assignee',
    '处理人',
    [
      ['', '所有人'],
      ['me', '我负责的'],
      ['none', '未分配'],
    ],
    filters.assignee,
  )
  const overdue = el('input', { type: 'checkbox', id: 'filter-overdue', checked: filters.overdue })
  const refresh = el('button', { type: 'submit', class: 'button button--small' }, '刷新')
  const form = el(
    'form',
    { class: 'filters card', 'aria-label': '筛选工单' },
    status.field,
    category.field,
    priority.field,
    assignee.field,
    el('label', { class: 'checkbox', for: 'filter-overdue' }, overdue, '只看已超时'),
    refresh,
  )
  const summary = el('p', { class: 'queue-summary', role: 'status' })
  const results = el('div', {})
  replaceChildren(container, form, summary, results)

  // Numbers shown so far, and those that appeared since: the 新 marker stays until the filters change.
  let seen: Set<string> | null = null
  const fresh = new Set<string>()
  const load = async (background = false) => {
    const next: QueueFilters = {
      status: status.select.value,
      category: category.select.value,
      priority: priority.select.value,
      assignee: assignee.select.value,
      overdue: overdue.checked,
    }
    session.set(FILTERS_KEY, JSON.stringify(next))
    if (!background) {
      summary.textContent = '正在载入……'
      seen = null
      fresh.clear()
    }
    try {
      const page = await context.api.queue(next)
      for (const ticket of page.tickets) if (seen && !seen.has(ticket.number)) fresh.add(ticket.number)
      seen = new Set([...(seen ?? []), ...page.tickets.map((ticket) => ticket.number)])
      const overdueCount = page.tickets.filter((ticket) => ticket.overdue).length
      const freshCount = page.tickets.filter((ticket) => fresh.has(ticket.number)).length
      summary.textContent = `共 ${page.total} 条${overdueCount ? `，其中 ${overdueCount} 条已超时` : ''}${freshCount ? `，新到 ${freshCount} 条` : ''}${page.total > page.tickets.length ? `（显示前 ${page.tickets.length} 条）` : ''}`
      if (page.tickets.length === 0) {
        replaceChildren(results, el('p', { class: 'empty card' }, '没有符合条件的工单。'))
        return
      }
      const headers = ['编号', '事项', '优先级', '状态', '情况', '联系人', '处理人', '时限']
      replaceChildren(
        results,
        el(
          'div',
          { class: 'table-wrap' },
          el(
            'table',
            { class: 'table table--cards' },
            el('caption', { class: 'visually-hidden' }, '工单队列：紧急的在前，其次按时限先后'),
            el('thead', {}, el('tr', {}, ...headers.map((text) => el('th', { scope: 'col' }, text)))),
            el(
              'tbody',
              {},
              ...page.tickets.map((ticket) => row(ticket, context, () => void load(), fresh.has(ticket.number))),
            ),
          ),
        ),
      )
    } catch (error) {
      // A failed background refresh keeps the last good list; the next one tries again.
      if (background) return
      summary.textContent = ''
      context.fail(error, results)
    }
  }

  form.addEventListener('change', () => void load())
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void load()
  })
  await load()
  const timer = window.setInterval(() => refreshCountdowns(results), TICK_MS)
  const poll = window.setInterval(() => void load(true), POLL_MS)
  return () => {
    window.clearInterval(timer)
    window.clearInterval(poll)
  }
}
