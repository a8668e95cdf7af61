import { ApiError, messageOf, requestJson } from './api.ts'
import type { RequesterTicket } from './api-types.ts'
import { byId, el, replaceChildren } from './dom.ts'
import { formatDateTime } from './format.ts'
import { savedTickets, savedTokenOf } from './saved-tickets.ts'
import { dueLines } from './ticket-card.ts'

const form = byId<HTMLFormElement>('lookup-form')
const numberInput = byId<HTMLInputElement>('number')
const tokenInput = byId<HTMLInputElement>('token')
const submit = byId<HTMLButtonElement>('lookup-submit')
const result = byId('lookup-result')

const NOT_FOUND = '没有找到该工单。请核对工单编号和查询码：查询码在登记成功时显示，共 8 位，不含数字 0 和 1。'
const FINISHED = new Set(['resolved', 'closed'])

const timeline = <T extends { createdAt: string }>(items: T[], empty: string, render: (item: T) => HTMLElement) =>
  items.length ? el('ol', { class: 'replies' }, ...items.map(render)) : el('p', { class: 'muted' }, empty)

function replyItem(meta: string, body: string, extra?: string | null): HTMLElement {
  return el(
    'li',
    { class: 'reply' },
    el('p', { class: 'reply__meta' }, meta),
    el('p', { class: 'reply__body' }, body),
    extra ? el('p', { class: 'reply__meta' }, `证据说明：${extra}`) : null,
  )
}

/** The requester's own follow-up: a message and, optionally, what evidence they have. */
function messageForm(number: string, token: string, needed: string | null): HTMLElement {
  const body = el('textarea', { id: 'follow-up', name: 'body', rows: 3, maxlength: 2000, required: true })
  const evidence = el('input', { type: 'text', id: 'follow-up-evidence', name: 'evidence', maxlength: 1000 })
  const button = el('button', { type: 'submit', class: 'button button--primary' }, '提交补充信息')
  const status = el('p', { class: 'muted', role: 'status' })
  const messageFormElement = el(
    'form',
    { class: 'card follow-up', 'aria-labelledby': 'follow-up-title', novalidate: true },
    el('h3', { id: 'follow-up-title' }, needed ? '补充工作人员需要的信息' : '补充信息'),
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'follow-up' }, '补充内容'),
      body,
      el('span', { class: 'field__hint' }, '例如新的情况、商家的答复；最多 2000 字'),
    ),
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'follow-up-evidence' }, '证据说明（可选）'),
      evidence,
      el('span', { class: 'field__hint' }, '例如“有购物小票和聊天截图”，工作人员联系您时再收取'),
    ),
    button,
    status,
  )
  messageFormElement.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (body.value.trim().length < 2) {
      status.textContent = '请填写要补充的内容（至少 2 个字）。'
      body.focus()
      return
    }
    button.disabled = true
    status.textContent = '正在提交……'
    try {
      await requestJson(`/api/tickets/${encodeURIComponent(number)}/messages`, {
        method: 'POST',
        headers: { 'x-lookup-token': token },
        json: { body: body.value, ...(evidence.value.trim() ? { evidence: evidence.value } : {}) },
      })
      await lookUp('已收到您的补充，工作人员会尽快处理。')
    } catch (error) {
      status.textContent = messageOf(error)
      button.disabled = false
    }
  })
  return messageFormElement
}

function showTicket(ticket: RequesterTicket, token: string, notice?: string): void {
  replaceChildren(
    result,
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'result-title' },
      el(
        'div',
        { class: 'result__head' },
        el('h2', { id: 'result-title' }, `工单 ${ticket.number}`),
        el('span', { class: `badge badge--${ticket.status} status-big`, 'data-testid': 'status' }, ticket.statusLabel),
      ),
      notice && el('p', { class: 'notice', role: 'status' }, notice),
      ticket.needed &&
        el(
          'div',
          { class: 'notice notice--uncovered', 'data-testid': 'needed' },
          el('strong', { class: 'notice__title' }, '工作人员需要您补充'),
          el('p', {}, ticket.needed),
          el('p', {}, '请在下方“补充信息”中填写后提交。'),
        ),
      el('dl', { class: 'meta-list' }, el('dt', {}, '事项'), el('dd', {}, ticket.categoryLabel)),
      dueLines(ticket),
      el('h3', {}, '您提交的信息'),
      el(
        'dl',
        { class: 'meta-list', 'data-testid': 'submitted' },
        ...ticket.submitted.flatMap((row) => [el('dt', {}, row.label), el('dd', {}, row.value)]),
      ),
      el('h3', {}, '办理经过'),
      el(
        'ol',
        { class: 'history', 'data-testid': 'history' },
        ...ticket.history.map((entry) => el('li', {}, `${formatDateTime(entry.at)} · ${entry.text}`)),
      ),
      el('h3', { class: 'result__replies-title' }, '工作人员答复'),
      timeline(ticket.replies, '暂时还没有答复。工作人员会按您留的电话与您联系，请保持电话畅通。', (reply) =>
        replyItem(`工作人员答复 · ${formatDateTime(reply.createdAt)}`, reply.body),
      ),
      ticket.messages.length > 0 && el('h3', {}, '您补充的信息'),
      ticket.messages.length > 0 &&
        timeline(ticket.messages, '', (message) =>
          replyItem(`您的补充 · ${formatDateTime(message.createdAt)}`, message.body, message.evidence),
        ),
    ),
    FINISHED.has(ticket.status)
      ? el('p', { class: 'muted' }, '工单已办结。如有新的情况，请在智能问答中重新登记。')
      : messageForm(ticket.number, token, ticket.needed),
  )
}

async function lookUp(notice?: string): Promise<void> {
  const number = numberInput.value.trim().toUpperCase()
  const token = tokenInput.value.trim()
  if (!number || !token) {
    replaceChildren(result, el('p', { class: 'notice notice--error', role: 'alert' }, '请填写工单编号和查询码。'))
    ;(number ? tokenInput : numberInput).focus()
    return
  }
  submit.disabled = true
  replaceChildren(result, el('p', { class: 'muted' }, '正在查询……'))
  try {
    const { ticket } = await requestJson<{ ticket: RequesterTicket }>(`/api/tickets/${encodeURIComponent(number)}`, {
      headers: { 'x-lookup-token': token },
    })
    showTicket(ticket, token, notice)
  } catch (error) {
    const message = error instanceof ApiError && error.status === 404 ? NOT_FOUND : messageOf(error)
    replaceChildren(result, el('p', { class: 'notice notice--error', role: 'alert' }, message))
  } finally {
    submit.disabled = false
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault()
  void lookUp()
})

/** Fills the form with a ticket this browser filed and looks it up. */
function openSaved(number: string, token: string): void {
  numberInput.value = number
  tokenInput.value = token
  void lookUp()
}

// The chat links here with the number; the token comes from this browser's store, never from a URL.
const prefilled = new URLSearchParams(window.location.search).get('number')?.trim().toUpperCase()
const saved = savedTickets()
if (saved.length > 0) {
  byId('saved-tickets').hidden = false
  replaceChildren(
    byId('saved-list'),
    ...saved.map((ticket) => {
      const button = el('button', { type: 'button', class: 'button button--small' }, `查看 ${ticket.number}`)
      button.addEventListener('click', () => openSaved(ticket.number, ticket.lookupToken))
      return el('li', {}, button)
    }),
  )
}
if (prefilled) {
  numberInput.value = prefilled
  const token = savedTokenOf(prefilled)
  if (token) openSaved(prefilled, token)
  else tokenInput.focus()
}
document.documentElement.dataset.ready = 'true'
