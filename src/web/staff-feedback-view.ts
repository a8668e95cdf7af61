import { passageUrl } from './answer-text.ts'
import type { RatedTurn } from './api-types.ts'
import { el, replaceChildren } from './dom.ts'
import { formatDateTime } from './format.ts'
import { INTENT_LABELS, type StaffView } from './staff-context.ts'

function reviewItem(turn: RatedTurn): HTMLElement {
  return el(
    'li',
    { class: 'card review' },
    el(
      'div',
      { class: 'review__meta' },
      el('time', { datetime: turn.createdAt }, formatDateTime(turn.createdAt)),
      el('span', { class: 'badge' }, INTENT_LABELS[turn.intent] ?? turn.intent),
      el(
        'span',
        { class: turn.grounded ? 'badge badge--resolved' : 'badge badge--new' },
        turn.grounded ? '有出处' : '资料未覆盖',
      ),
      `会话 ${turn.conversation} · 第 ${turn.turnNo} 轮`,
    ),
    el('p', { class: 'review__q' }, `问：${turn.message}`),
    turn.resolvedQuery !== turn.message && el('p', { class: 'muted' }, `检索用语：${turn.resolvedQuery}`),
    turn.comment
      ? el('p', { class: 'review__comment' }, `用户意见：${turn.comment}`)
      : el('p', { class: 'muted' }, '用户没有留下意见。'),
    el(
      'details',
      {},
      el('summary', {}, `查看回答${turn.citations.length ? `和 ${turn.citations.length} 处出处` : ''}`),
      el('p', { class: 'review__answer' }, turn.answer),
      turn.citations.length > 0 &&
        el(
          'ol',
          { class: 'source-list' },
          ...turn.citations.map((citation) =>
            el(
              'li',
              {},
              `[${citation.n}] `,
              el(
                'a',
                { href: passageUrl(citation.docId, citation.chunkId), target: '_blank', rel: 'noopener' },
                `《${citation.title}》${citation.section}`,
              ),
              el('q', {}, citation.quote),
            ),
          ),
        ),
    ),
  )
}

/** Answers people marked 👎, newest first, to find gaps in the documents or the answerer. */
export const feedbackView: StaffView = async (container, context) => {
  const list = el('ol', { class: 'review-list' })
  const more = el('button', { type: 'button', class: 'button', hidden: true }, '加载更多')
  const summary = el('p', { class: 'queue-summary', role: 'status' }, '正在载入……')
  replaceChildren(
    container,
    el('h2', {}, '差评回看'),
    el('p', { class: 'muted' }, '用户点了“没帮助”的回答。请核对出处是否答非所问、资料是否缺失，必要时补充知识库。'),
    summary,
    list,
    more,
  )
  let offset = 0
  const load = async () => {
    more.disabled = true
    try {
      const page = await context.api.feedback(offset)
      list.append(...page.turns.map(reviewItem))
      offset += page.turns.length
      summary.textContent = page.total === 0 ? '' : `共 ${page.total} 条差评`
      if (page.total === 0) replaceChildren(list, el('li', { class: 'empty card' }, '还没有差评。'))
      more.hidden = offset >= page.total
    } catch (error) {
      context.fail(error, summary)
    } finally {
      more.disabled = false
    }
  }
  more.addEventListener('click', () => void load())
  await load()
  return () => {}
}
