import { ApiError, messageOf, requestJson } from './api.ts'
import type { RequesterTicket } from './api-types.ts'
import { byId, el, replaceChildren } from './dom.ts'
import { formatDateTime } from './format.ts'

const form = byId<HTMLFormElement>('lookup-form')
const numberInput = byId<HTMLInputElement>('number')
const tokenInput = byId<HTMLInputElement>('token')
const submit = byId<HTMLButtonElement>('lookup-submit')
const result = byId('lookup-result')

const NOT_FOUND = '没有找到该工单。请核对工单编号和查询码：查询码在登记成功时显示，共 8 位，不含数字 0 和 1。'

function showTicket(ticket: RequesterTicket): void {
  const replies = ticket.replies.length
    ? el(
        'ol',
        { class: 'replies' },
        ...ticket.replies.map((reply) =>
          el(
            'li',
            { class: 'reply' },
            el('p', { class: 'reply__meta' }, `工作人员答复 · ${formatDateTime(reply.createdAt)}`),
            el('p', { class: 'reply__body' }, reply.body),
          ),
        ),
      )
    : el('p', { class: 'muted' }, '暂时还没有答复。工作人员会按您留的电话与您联系，请保持电话畅通。')
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
      el(
        'dl',
        { class: 'meta-list' },
        el('dt', {}, '事项'),
        el('dd', {}, ticket.categoryLabel),
        el('dt', {}, '提交时间'),
        el('dd', {}, formatDateTime(ticket.createdAt)),
        el('dt', {}, '答复'),
        el('dd', {}, `${ticket.replies.length} 条`),
      ),
      el('h3', { class: 'result__replies-title' }, '工作人员答复'),
      replies,
    ),
  )
}

async function lookUp(): Promise<void> {
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
    showTicket(ticket)
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

// The chat links here with the number filled in; the token is typed or pasted, never put in a URL.
const prefilled = new URLSearchParams(window.location.search).get('number')
if (prefilled) {
  numberInput.value = prefilled
  tokenInput.focus()
}
document.documentElement.dataset.ready = 'true'
