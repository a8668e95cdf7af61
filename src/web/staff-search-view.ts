import { refusalLabel } from '../answer/refusal-labels.ts'
import type { RetrievalTest } from './api-types.ts'
import { el, replaceChildren } from './dom.ts'
import type { StaffView } from './staff-context.ts'

const COLUMNS = ['#', '文件与章节', '片段编号', '综合分', '覆盖度', '融合分', '关键词名次', '向量名次', '摘录']
const CELL_CLASSES: Record<number, string> = { 2: 'code', 8: 'preview' }

const number = (value: number | null, digits = 3) => (value === null ? '—' : value.toFixed(digits))

function resultView(result: RetrievalTest): HTMLElement {
  const outcome = result.outcome
  return el(
    'div',
    { 'data-testid': 'search-result' },
    el(
      'section',
      { class: `card notice ${outcome.grounded ? 'notice--ok' : 'notice--warning'}` },
      el(
        'p',
        {},
        el(
          'strong',
          {},
          outcome.grounded
            ? '会答复'
            : `会拒答${outcome.refusalReason ? `（${refusalLabel(outcome.refusalReason)}）` : ''}`,
        ),
        result.faq
          ? `；但纠错答复 #${result.faq.id}“${result.faq.question}”会先答复（相似度 ${number(result.faq.score)}）`
          : '',
      ),
      el('p', { class: 'review__answer' }, outcome.answer),
    ),
    el(
      'div',
      { class: 'table-wrap' },
      el(
        'table',
        { class: 'table table--cards' },
        el('caption', {}, '检索到的片段（按回答时的排序）'),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...['#', '文件与章节', '片段编号', '综合分', '覆盖度', '融合分', '关键词名次', '向量名次', '摘录'].map(
              (h) => el('th', { scope: 'col' }, h),
            ),
          ),
        ),
        el(
          'tbody',
          {},
          ...result.passages.map((passage) =>
            el(
              'tr',
              { class: outcome.citedChunkIds.includes(passage.chunkId) ? 'row--cited' : null },
              ...[
                String(passage.position),
                `《${passage.title}》${passage.section}${passage.page ? `（第 ${passage.page} 页）` : ''}`,
                String(passage.chunkId),
                number(passage.score),
                number(passage.coverage, 2),
                number(passage.fusionScore, 4),
                passage.lexicalRank === null ? '—' : String(passage.lexicalRank),
                passage.vectorRank === null ? '—' : String(passage.vectorRank),
                passage.excerpt,
              ].map((text, index) =>
                el('td', { 'data-label': COLUMNS[index] as string, class: CELL_CLASSES[index] ?? null }, text),
              ),
            ),
          ),
        ),
      ),
    ),
  )
}

/** 命中测试: what a question finds and why, before and after adding a document or a correction. */
export const searchView: StaffView = async (container, context) => {
  const query = el('input', { id: 'search-query', type: 'search', maxlength: 300, required: true })
  const result = el('div', {})
  const form = el(
    'form',
    { class: 'filters' },
    el('div', { class: 'field' }, el('label', { for: 'search-query' }, '测试问题'), query),
    el('button', { type: 'submit', class: 'button button--primary' }, '测试'),
  )
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    replaceChildren(result, el('p', { class: 'muted' }, '正在检索……'))
    context.api
      .search(query.value)
      .then((body) => replaceChildren(result, resultView(body)))
      .catch((error) => context.fail(error, result))
  })
  replaceChildren(
    container,
    el('h2', {}, '命中测试'),
    el('p', { class: 'muted' }, '输入一个问题，查看会检索到哪些片段、各项分数，以及会答复还是拒答。不会记入对话日志。'),
    form,
    result,
  )
  return () => {}
}
