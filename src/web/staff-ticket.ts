import { roleAtLeast, STATUS_LABELS, type TicketStatus } from '../tickets/model.ts'
import { allowedTransitions } from '../tickets/status.ts'
import type { StaffTicketDetail } from './api-types.ts'
import { el, replaceChildren } from './dom.ts'
import { formMessage, priorityBadge, type StaffContext, type StaffView, statusBadge } from './staff-context.ts'
import { assigneeSelect, cannedPicker, detailsView, noteForm, threadView } from './staff-desk.ts'
import { refreshCountdowns } from './staff-queue.ts'
import { audit, card, facts, sources, transcript, withClass } from './staff-ticket-parts.ts'

type Rerender = (ticket: StaffTicketDetail, message: string) => void

/** Claim, reply, change status, reassign: only what the ticket's status and the caller's role allow. */
function actions(ticket: StaffTicketDetail, context: StaffContext, rerender: Rerender): HTMLElement {
  const { api, me } = context
  const canAct = roleAtLeast(me.role, 'supervisor') || ticket.assignee?.id === me.id
  const forms: HTMLElement[] = []

  const wire = (form: HTMLFormElement, run: () => Promise<StaffTicketDetail>, done: string) => {
    const message = formMessage()
    form.append(message.element)
    form.addEventListener('submit', async (event) => {
      event.preventDefault()
      const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')
      if (button) button.disabled = true
      message.clear()
      try {
        rerender(await run(), done)
      } catch (error) {
        context.fail(error, message.element)
        if (button) button.disabled = false
      }
    })
    forms.push(form)
  }

  if (ticket.status === 'new') {
    const form = el(
      'form',
      { class: 'action-form' },
      el('p', { class: 'muted' }, '该工单待受理，认领后由您负责答复和办结。'),
      el('button', { type: 'submit', class: 'button button--primary' }, '认领工单'),
    )
    wire(form, () => api.claim(ticket.number), '已认领，请尽快联系提交人。')
  }

  if (canAct && (ticket.status === 'claimed' || ticket.status === 'waiting_user')) {
    const body = el('textarea', { id: 'reply-body', rows: 4, maxlength: 2000, required: true })
    const waiting = el('input', { type: 'checkbox', id: 'reply-waiting' })
    const form = el(
      'form',
      { class: 'action-form' },
      el(
        'label',
        { for: 'reply-body' },
        '答复提交人',
        el('span', { class: 'field__hint' }, '（提交人凭查询码可以看到）'),
      ),
      cannedPicker(context, body),
      body,
      ticket.status === 'claimed' &&
        el('label', { class: 'checkbox', for: 'reply-waiting' }, waiting, '答复后等待提交人补充信息'),
      el('button', { type: 'submit', class: 'button button--primary' }, '发送答复'),
    )
    wire(form, async () => (await api.reply(ticket.number, body.value, waiting.checked)).ticket, '答复已发送。')
  }

  const targets = allowedTransitions(ticket.status as TicketStatus).filter(
    (to) => !(ticket.status === 'new' && to === 'claimed'),
  )
  if (canAct && targets.length > 0) {
    const select = el(
      'select',
      { id: 'status-select' },
      ...targets.map((to) => el('option', { value: to }, STATUS_LABELS[to])),
    )
    const note = el('input', { type: 'text', id: 'status-note', maxlength: 500 })
    const form = el(
      'form',
      { class: 'action-form' },
      el('label', { for: 'status-select' }, '更改状态'),
      select,
      el('label', { for: 'status-note' }, '备注', el('span', { class: 'field__hint' }, '（选填，记入审计记录）')),
      note,
      el('button', { type: 'submit', class: 'button' }, '更改状态'),
    )
    wire(form, () => api.setStatus(ticket.number, select.value, note.value.trim() || undefined), '状态已更改。')
  }

  if (roleAtLeast(me.role, 'supervisor') && ticket.status !== 'resolved' && ticket.status !== 'closed') {
    const target = assigneeSelect(context, ticket)
    const note = el('input', { type: 'text', id: 'reassign-note', maxlength: 500 })
    const form = el(
      'form',
      { class: 'action-form' },
      el('label', { for: 'reassign-id' }, '转派给'),
      target,
      el('label', { for: 'reassign-note' }, '转派说明', el('span', { class: 'field__hint' }, '（选填）')),
      note,
      el('button', { type: 'submit', class: 'button' }, '转派'),
    )
    wire(form, () => api.reassign(ticket.number, Number(target.value), note.value.trim() || undefined), '已转派。')
  }

  if (forms.length === 0) {
    const why =
      ticket.assignee && !canAct
        ? `该工单由${ticket.assignee.name}负责；如需接手，请联系主管转派。`
        : '当前状态下没有可做的操作。'
    return withClass(card('处理', el('p', { class: 'muted' }, why)), 'detail__actions')
  }
  return withClass(card('处理', ...forms), 'detail__actions')
}

/** One ticket: who, what, the conversation and sources behind it, replies, the audit trail, and actions. */
export function ticketView(number: string): StaffView {
  return async (container, context) => {
    const status = el('p', { class: 'visually-hidden', role: 'status' })
    const render = (ticket: StaffTicketDetail, message?: string) => {
      replaceChildren(
        container,
        el('p', {}, el('a', { href: '#/queue' }, '← 返回队列')),
        status,
        message &&
          el(
            'p',
            { class: 'notice notice--ok', role: 'status', tabindex: '-1', 'data-testid': 'action-result' },
            message,
          ),
        el(
          'div',
          { class: 'detail' },
          el(
            'div',
            { class: 'detail__main' },
            el(
              'section',
              { class: 'card detail__head', 'aria-labelledby': 'ticket-title' },
              el(
                'div',
                { class: 'detail__title' },
                el('h2', { id: 'ticket-title' }, ticket.number),
                statusBadge(ticket.status, ticket.statusLabel),
                priorityBadge(ticket.priority),
              ),
              facts(ticket),
            ),
            card('情况说明', el('p', { class: 'description' }, ticket.description), detailsView(ticket)),
            card('对话记录', transcript(ticket)),
            card('助手引用的资料', sources(ticket)),
            card('往来记录', threadView(ticket)),
          ),
          el(
            'div',
            { class: 'detail__side' },
            actions(ticket, context, (next, done) => render(next, done)),
            card(
              '内部备注',
              noteForm(ticket, context, async (done) => render(await context.api.ticket(number), done)),
            ),
            card('审计记录', audit(ticket)),
          ),
        ),
      )
      if (message) {
        context.announce(message)
        container.querySelector<HTMLElement>('[data-testid="action-result"]')?.focus()
      }
    }
    try {
      render(await context.api.ticket(number))
    } catch (error) {
      replaceChildren(container, el('p', {}, el('a', { href: '#/queue' }, '← 返回队列')))
      const where = el('div', {})
      container.append(where)
      context.fail(error, where)
    }
    const timer = window.setInterval(() => refreshCountdowns(container), 30_000)
    return () => window.clearInterval(timer)
  }
}
