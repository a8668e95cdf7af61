import { refusalLabel } from '../answer/refusal-labels.ts'
import type { AnswerStatistics } from './api-types.ts'
import { el, replaceChildren } from './dom.ts'
import type { StaffContext } from './staff-context.ts'

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`)

const table = (caption: string, head: string[], rows: Array<Array<string | number>>) =>
  el(
    'div',
    { class: 'table-wrap' },
    el(
      'table',
      { class: 'table' },
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((cell) => el('td', {}, String(cell)))))),
    ),
  )

function render(stats: AnswerStatistics): HTMLElement[] {
  const card = (value: string, label: string) =>
    el(
      'div',
      { class: 'card' },
      el('span', { class: 'stat__value' }, value),
      el('span', { class: 'stat__label' }, label),
    )
  return [
    el(
      'div',
      { class: 'answer-stats-cards', 'data-testid': 'answer-stats' },
      card(String(stats.totals.questions), `提问（近 ${stats.windowDays} 天）`),
      card(percent(stats.shares.answered), '有出处的回答'),
      card(percent(stats.shares.faq), '纠错答复'),
      card(percent(stats.shares.refused), '未回答'),
      card(`${stats.totals.up} / ${stats.totals.down}`, '👍 / 👎'),
    ),
    table(
      '每日提问',
      ['日期', '提问', '有出处', '纠错答复', '未回答'],
      stats.perDay.map((day) => [day.day, day.questions, day.answered, day.faq, day.refused]),
    ),
    table(
      '最常未回答的问题',
      ['问题', '次数', '原因'],
      stats.topRefused.map((row) => [
        row.question,
        row.count,
        row.refusalReason ? refusalLabel(row.refusalReason) : '—',
      ]),
    ),
    table(
      '纠错答复命中',
      ['编号', '问题', '命中次数'],
      stats.faqHits.map((row) => [row.id, row.question, row.hits]),
    ),
  ]
}

/** Answer statistics beside the ticket statistics: how many questions were answered, and how. */
export function answerStatsSection(context: StaffContext, days: number): HTMLElement {
  const section = el(
    'section',
    { 'aria-labelledby': 'answer-stats-title' },
    el('h3', { id: 'answer-stats-title' }, '问答统计'),
  )
  const body = el('div', {}, el('p', { class: 'muted' }, '正在载入……'))
  section.append(body)
  context.api
    .answerStats(days)
    .then((stats) => replaceChildren(body, ...render(stats)))
    .catch((error) => context.fail(error, body))
  return section
}
