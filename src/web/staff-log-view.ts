import { REFUSAL_LABELS, refusalLabel } from '../answer/refusal-labels.ts'
import type { LoggedTurn } from './api-types.ts'
import { el, replaceChildren } from './dom.ts'
import { formatDateTime } from './format.ts'
import { AUDIENCE_LABELS, INTENT_LABELS, type StaffContext, type StaffView } from './staff-context.ts'
import { faqForm } from './staff-faq-view.ts'

const MODES: Record<string, string> = { extractive: '摘录', llm: '大模型', faq: '纠错答复' }

const select = (id: string, label: string, options: Array<[string, string]>) =>
  el(
    'div',
    { class: 'field' },
    el('label', { for: id }, label),
    el(
      'select',
      { id, name: id.replace('log-', '') },
      ...options.map(([value, text]) => el('option', { value }, text)),
    ),
  )
const input = (id: string, label: string, type = 'text') =>
  el(
    'div',
    { class: 'field' },
    el('label', { for: id }, label),
    el('input', { id, name: id.replace('log-', ''), type }),
  )

function turnItem(turn: LoggedTurn, context: StaffContext): HTMLElement {
  const mode = MODES[turn.mode] ?? turn.mode
  // An answer in part is grounded, but the officer should see that something asked went unanswered.
  const outcome = !turn.grounded
    ? el(
        'span',
        { class: 'badge badge--new' },
        `未回答${turn.refusalReason ? `：${refusalLabel(turn.refusalReason)}` : ''}`,
      )
    : turn.refusalReason === 'partial'
      ? el('span', { class: 'badge badge--waiting_user', 'data-outcome': 'partial' }, `${mode} · 部分回答`)
      : el('span', { class: 'badge badge--resolved' }, mode)
  const correction = el('details', {}, el('summary', {}, '写纠错答复'))
  correction.addEventListener('toggle', () => {
    if (!correction.open || correction.querySelector('form')) return
    correction.append(
      faqForm(context, { question: turn.message }, (draft) =>
        context.api.createFaq({ ...draft, sourceTurnId: turn.turnId }),
      ),
    )
  })
  return el(
    'li',
    { class: 'card review', 'data-turn': turn.turnId },
    el(
      'div',
      { class: 'review__meta' },
      el('time', { datetime: turn.createdAt }, formatDateTime(turn.createdAt)),
      el('span', { class: 'badge' }, INTENT_LABELS[turn.intent] ?? turn.intent),
      outcome,
      AUDIENCE_LABELS[turn.audience] ?? turn.audience,
      turn.rating && (turn.rating === 'up' ? ' · 👍' : ' · 👎'),
      turn.latencyMs !== null && ` · ${turn.latencyMs} ms`,
    ),
    el('p', { class: 'review__q' }, `问：${turn.message}`),
    turn.resolvedQuery !== turn.message && el('p', { class: 'muted' }, `检索用语：${turn.resolvedQuery}`),
    turn.comment && el('p', { class: 'review__comment' }, `用户意见：${turn.comment}`),
    el(
      'details',
      {},
      el('summary', {}, `查看回答${turn.citations.length ? `和 ${turn.citations.length} 处出处` : ''}`),
      el('p', { class: 'review__answer' }, turn.answer),
      turn.citations.length > 0 &&
        el(
          'ul',
          {},
          ...turn.citations.map((c) => el('li', {}, `[${c.n}]《${c.title}》${c.section}（片段 ${c.chunkId}）`)),
        ),
    ),
    correction,
  )
}

/** Every turn, filterable (refused, 👎, dates, intent, document, text), paged, exportable as CSV. */
export const logView: StaffView = async (container, context) => {
  const filters = el(
    'form',
    { class: 'filters', 'aria-label': '筛选对话' },
    select('log-grounded', '结果', [
      ['', '全部'],
      ['false', '未回答'],
      ['true', '已回答'],
    ]),
    select('log-reason', '未答原因', [['', '全部'], ...Object.entries(REFUSAL_LABELS)]),
    select('log-rating', '评价', [
      ['', '全部'],
      ['down', '👎'],
      ['up', '👍'],
    ]),
    select('log-intent', '意图', [['', '全部'], ...Object.entries(INTENT_LABELS)]),
    input('log-from', '从', 'date'),
    input('log-to', '到', 'date'),
    input('log-q', '问题包含'),
    input('log-doc', '引用文件编号'),
    el('button', { type: 'submit', class: 'button' }, '筛选'),
  )
  const summary = el('p', { class: 'queue-summary', role: 'status' })
  const list = el('ol', { class: 'review-list' })
  const previous = el('button', { type: 'button', class: 'button button--small' }, '上一页')
  const next = el('button', { type: 'button', class: 'button button--small' }, '下一页')
  const exportButton = el('button', { type: 'button', class: 'button button--small' }, '导出 CSV')
  let page = 1

  const query = () => {
    const params = new URLSearchParams()
    for (const field of filters.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
      if (field.value.trim()) params.set(field.name, field.value.trim())
    }
    return params
  }
  const load = async () => {
    const params = query()
    params.set('page', String(page))
    try {
      const body = await context.api.turns(params)
      const pages = Math.max(1, Math.ceil(body.total / body.pageSize))
      summary.textContent = `共 ${body.total} 轮对话，第 ${body.page}/${pages} 页`
      replaceChildren(
        list,
        ...(body.turns.length
          ? body.turns.map((turn) => turnItem(turn, context))
          : [el('li', { class: 'empty card' }, '没有符合条件的对话。')]),
      )
      previous.disabled = page <= 1
      next.disabled = page >= pages
    } catch (error) {
      context.fail(error, summary)
    }
  }
  filters.addEventListener('submit', (event) => {
    event.preventDefault()
    page = 1
    void load()
  })
  previous.addEventListener('click', () => {
    page -= 1
    void load()
  })
  next.addEventListener('click', () => {
    page += 1
    void load()
  })
  exportButton.addEventListener('click', () => {
    context.api
      .turnsCsv(query())
      .then((blob) => {
        const link = el('a', { href: URL.createObjectURL(blob), download: 'turns.csv' })
        link.click()
        URL.revokeObjectURL(link.href)
      })
      .catch((error) => context.fail(error, summary))
  })
  replaceChildren(
    container,
    el('div', { class: 'view-head' }, el('h2', {}, '对话日志'), exportButton),
    el('p', { class: 'muted' }, '每一轮问答：是否有出处、未回答的原因、引用、评价和用时。个人信息已遮蔽。'),
    filters,
    summary,
    list,
    el('div', { class: 'pager' }, previous, ' ', next),
  )
  await load()
  return () => {}
}
