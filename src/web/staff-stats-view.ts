import { CATEGORY_LABELS, type TicketCategory } from '../tickets/model.ts'
import { el, replaceChildren } from './dom.ts'
import { llmOutcomesTable } from './llm-outcomes-view.ts'
import { answerStatsSection } from './staff-answer-stats-view.ts'
import type { StaffView } from './staff-context.ts'

/** Supervisors: open tickets by category, overdue count, median time to first reply. */
export const statsView: StaffView = async (container, context) => {
  const days = el(
    'select',
    { id: 'stats-days' },
    ...[7, 30, 90].map((d) => el('option', { value: d, selected: d === 30 }, `近 ${d} 天`)),
  )
  const body = el('div', {}, el('p', { class: 'muted' }, '正在载入……'))
  replaceChildren(
    container,
    el(
      'div',
      { class: 'view-head' },
      el('h2', {}, '统计'),
      el('div', { class: 'field' }, el('label', { for: 'stats-days' }, '首次答复统计范围'), days),
    ),
    body,
  )
  const load = async () => {
    try {
      const stats = await context.api.stats(Number(days.value))
      const stat = (value: string, label: string, alert = false) =>
        el(
          'div',
          { class: 'card' },
          el('span', { class: `stat__value${alert ? ' stat__value--alert' : ''}` }, value),
          el('span', { class: 'stat__label' }, label),
        )
      const max = Math.max(1, ...Object.values(stats.openByCategory))
      replaceChildren(
        body,
        el(
          'div',
          { class: 'stats-cards' },
          stat(String(stats.openTotal), '未办结工单'),
          stat(String(stats.overdue), '已超时', stats.overdue > 0),
          stat(
            stats.medianFirstResponseMinutes === null ? '—' : `${stats.medianFirstResponseMinutes} 分钟`,
            `首次答复用时中位数（近 ${stats.windowDays} 天）`,
          ),
        ),
        el(
          'div',
          { class: 'table-wrap' },
          el(
            'table',
            { class: 'table' },
            el('caption', {}, '各事项未办结工单'),
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                el('th', { scope: 'col' }, '事项'),
                el('th', { scope: 'col' }, '未办结'),
                el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, '占比')),
              ),
            ),
            el(
              'tbody',
              {},
              ...Object.entries(stats.openByCategory).map(([category, count]) =>
                el(
                  'tr',
                  {},
                  el('td', {}, CATEGORY_LABELS[category as TicketCategory] ?? category),
                  el('td', {}, String(count)),
                  el(
                    'td',
                    {},
                    el('meter', {
                      min: 0,
                      max,
                      value: count,
                      'aria-label': `${CATEGORY_LABELS[category as TicketCategory] ?? category} ${count} 件`,
                    }),
                  ),
                ),
              ),
            ),
          ),
        ),
        answerStatsSection(context, Number(days.value)),
        llmOutcomesTable(stats.llmOutcomes),
      )
    } catch (error) {
      context.fail(error, body)
    }
  }
  days.addEventListener('change', () => void load())
  await load()
  return () => {}
}
