import { el } from './dom.ts'

/** What each stored llm_outcome means to a supervisor. */
const OUTCOME_LABELS: Record<string, string> = {
  ok: '模型作答（已逐句核对）',
  'not-covered': '模型判断资料未覆盖',
  unverified: '未通过核对，改用资料摘录',
  'first-token-timeout': '模型迟迟不开始作答，改用资料摘录',
  stall: '模型生成中途停顿，改用资料摘录',
  timeout: '超出本轮时限，改用资料摘录',
  error: '模型服务出错，改用资料摘录',
  aborted: '提问人在作答前离开',
}

/** How the model calls of the period ended; nothing when no model is configured. */
export function llmOutcomesTable(outcomes: Record<string, number>): HTMLElement | false {
  const rows = Object.entries(outcomes)
  if (rows.length === 0) return false
  return el(
    'div',
    { class: 'table-wrap' },
    el(
      'table',
      { class: 'table', 'data-testid': 'llm-outcomes' },
      el('caption', {}, '大模型调用结果'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, '结果'), el('th', { scope: 'col' }, '次数'))),
      el(
        'tbody',
        {},
        ...rows.map(([outcome, count]) =>
          el('tr', {}, el('td', {}, OUTCOME_LABELS[outcome] ?? outcome), el('td', {}, String(count))),
        ),
      ),
    ),
  )
}
