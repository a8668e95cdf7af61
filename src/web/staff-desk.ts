import { ROLE_LABELS, roleAtLeast } from '../tickets/model.ts'
import type { StaffTicketDetail } from './api-types.ts'
import { el, replaceChildren } from './dom.ts'
import { formatDateTime } from './format.ts'
import type { StaffContext } from './staff-context.ts'

/** The parts of a ticket's page around the conversation with the requester: thread, notes, canned replies. */

const KIND_LABELS = { requester: '提交人补充', reply: '答复提交人', note: '内部备注（提交人看不到）' } as const

/** Requester messages, replies and internal notes in the order they happened. */
export function threadView(ticket: StaffTicketDetail): HTMLElement {
  if (ticket.thread.length === 0) return el('p', { class: 'muted' }, '还没有往来记录。')
  return el(
    'ol',
    { class: 'thread', 'data-testid': 'thread' },
    ...ticket.thread.map((entry) =>
      el(
        'li',
        { class: `thread__entry thread__entry--${entry.kind}`, 'data-kind': entry.kind },
        el(
          'p',
          { class: 'reply__meta' },
          `${KIND_LABELS[entry.kind]} · ${entry.author} · ${formatDateTime(entry.createdAt)}`,
        ),
        el('p', { class: 'reply__body' }, entry.body),
        entry.evidence && el('p', { class: 'reply__meta' }, `证据说明：${entry.evidence}`),
      ),
    ),
  )
}

/** What the intake collected for this kind of matter (merchant, purchase, request…), and how to notify. */
export function detailsView(ticket: StaffTicketDetail): HTMLElement | null {
  const rows = Object.entries(ticket.details).filter(([, value]) => value)
  const notify = [ticket.notify.email ? `邮件 ${ticket.notify.email}` : '', ticket.notify.sms ? '短信' : '']
    .filter(Boolean)
    .join('、')
  if (rows.length === 0 && !notify) return null
  return el(
    'dl',
    { class: 'meta-list', 'data-testid': 'details' },
    ...rows.flatMap(([field, value]) => [el('dt', {}, ticket.detailLabels[field] ?? field), el('dd', {}, value)]),
    ...(notify ? [el('dt', {}, '进展通知'), el('dd', {}, notify)] : []),
  )
}

/** A select of the canned replies that puts the chosen text into `target`, ready to edit. */
export function cannedPicker(context: StaffContext, target: HTMLTextAreaElement): HTMLElement {
  const select = el('select', { id: 'canned-select' }, el('option', { value: '' }, '插入回复模板……'))
  void context.api.cannedReplies().then(
    ({ replies }) => {
      for (const reply of replies) select.append(el('option', { value: reply.body }, reply.title))
      if (replies.length === 0) select.disabled = true
    },
    () => {
      select.disabled = true
    },
  )
  select.addEventListener('change', () => {
    if (!select.value) return
    target.value = target.value ? `${target.value}\n${select.value}` : select.value
    select.value = ''
    target.focus()
  })
  return el(
    'div',
    { class: 'field' },
    el('label', { for: 'canned-select', class: 'visually-hidden' }, '回复模板'),
    select,
  )
}

/** Reassigning by picking a person: the active staff, the current handler left out. */
export function assigneeSelect(context: StaffContext, ticket: StaffTicketDetail): HTMLSelectElement {
  const select = el('select', { id: 'reassign-id', required: true }, el('option', { value: '' }, '请选择工作人员'))
  void context.api.members().then(({ staff }) => {
    for (const member of staff) {
      if (member.id === ticket.assignee?.id) continue
      const role = ROLE_LABELS[member.role]
      select.append(el('option', { value: String(member.id) }, `${member.name}（${role}）`))
    }
  })
  return select
}

/** Internal notes: for colleagues, never shown to the requester. */
export function noteForm(
  ticket: StaffTicketDetail,
  context: StaffContext,
  done: (message: string) => Promise<void>,
): HTMLFormElement {
  const body = el('textarea', { id: 'note-body', rows: 3, maxlength: 2000, required: true })
  const status = el('p', { class: 'notice', hidden: true })
  const form = el(
    'form',
    { class: 'action-form' },
    el('label', { for: 'note-body' }, '内部备注', el('span', { class: 'field__hint' }, '（仅工作人员可见）')),
    body,
    el('button', { type: 'submit', class: 'button' }, '添加备注'),
    status,
  )
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    try {
      await context.api.note(ticket.number, body.value)
      await done('备注已添加。')
    } catch (error) {
      context.fail(error, status)
    }
  })
  return form
}

/** Supervisors keep the canned replies; agents see the list they pick from. */
export async function cannedView(container: HTMLElement, context: StaffContext): Promise<() => void> {
  const list = el('ul', { class: 'canned-list' })
  const status = el('p', { class: 'notice', hidden: true })
  const load = async () => {
    const { replies } = await context.api.cannedReplies()
    replaceChildren(
      list,
      ...(replies.length === 0 ? [el('li', { class: 'muted' }, '还没有回复模板。')] : []),
      ...replies.map((reply) => {
        const remove =
          roleAtLeast(context.me.role, 'supervisor') &&
          el('button', { type: 'button', class: 'button button--small' }, '删除')
        if (remove) {
          remove.setAttribute('aria-label', `删除模板 ${reply.title}`)
          remove.addEventListener('click', async () => {
            try {
              await context.api.removeCannedReply(reply.id)
              await load()
            } catch (error) {
              context.fail(error, status)
            }
          })
        }
        return el('li', { class: 'card' }, el('strong', {}, reply.title), el('p', {}, reply.body), remove)
      }),
    )
  }
  const parts: HTMLElement[] = [el('h2', {}, '回复模板'), list, status]
  if (roleAtLeast(context.me.role, 'supervisor')) {
    const title = el('input', { type: 'text', id: 'canned-title', maxlength: 60, required: true })
    const body = el('textarea', { id: 'canned-body', rows: 3, maxlength: 2000, required: true })
    const form = el(
      'form',
      { class: 'card action-form' },
      el('h3', {}, '新增模板'),
      el('label', { for: 'canned-title' }, '标题'),
      title,
      el('label', { for: 'canned-body' }, '内容'),
      body,
      el('button', { type: 'submit', class: 'button button--primary' }, '保存模板'),
    )
    form.addEventListener('submit', async (event) => {
      event.preventDefault()
      try {
        await context.api.addCannedReply(title.value, body.value)
        title.value = ''
        body.value = ''
        await load()
        context.announce('模板已保存。')
      } catch (error) {
        context.fail(error, status)
      }
    })
    parts.push(form)
  } else parts.push(el('p', { class: 'muted' }, '回复模板由主管维护；答复时可在答复框上方选择。'))
  replaceChildren(container, ...parts)
  try {
    await load()
  } catch (error) {
    context.fail(error, status)
  }
  return () => {}
}
