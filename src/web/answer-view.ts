import { describeLocator, splitSection } from './answer-text.ts'
import type { ChatResponse, Citation } from './api-types.ts'
import type { CitationDialog } from './citation-dialog.ts'
import { el, replaceChildren } from './dom.ts'
import { feedbackControls } from './feedback.ts'
import { formatDate } from './format.ts'
import { parseMarkdown } from './markdown.ts'
import { renderBlocks } from './markdown-view.ts'
import { ticketCard } from './ticket-card.ts'

type AnswerActions = { dialog: CitationDialog; handOff: () => void }

const citationButton = (citation: Citation, dialog: CitationDialog) => {
  const button = el(
    'button',
    {
      type: 'button',
      class: 'cite',
      'aria-label': `出处 ${citation.n}：《${citation.title}》`,
      'aria-haspopup': 'dialog',
    },
    String(citation.n),
  )
  button.addEventListener('click', () => void dialog.open(citation, button))
  return button
}

/**
 * The answer's Markdown (lists, tables, bold) as elements, each [n] a button that opens its passage;
 * rendered again from the whole text on every streamed delta, so a table or list takes shape as it comes.
 */
function renderAnswerText(target: HTMLElement, answer: string, citations: Citation[], dialog: CitationDialog) {
  const byNumber = new Map(citations.map((citation) => [citation.n, citation]))
  const blocks = parseMarkdown(answer, new Set(byNumber.keys()))
  replaceChildren(target, ...renderBlocks(blocks, (n) => citationButton(byNumber.get(n) as Citation, dialog)))
}

/** A staff correction answered, not the documents: say so, with the day it was approved. */
const reviewedNote = (approvedAt: string) =>
  el('p', { class: 'reviewed', 'data-testid': 'reviewed' }, `工作人员审核的答复 · ${formatDate(approvedAt)}`)

function sourcesList(citations: Citation[], dialog: CitationDialog): HTMLElement {
  const items = citations.map((citation) => {
    const where = [splitSection(citation.section).heading, describeLocator(citation.article, citation.page)]
      .filter(Boolean)
      .join(' · ')
    const button = el(
      'button',
      { type: 'button', class: 'source', 'aria-haspopup': 'dialog' },
      el('span', { class: 'source__n', 'aria-hidden': 'true' }, String(citation.n)),
      el(
        'span',
        { class: 'source__text' },
        el('span', { class: 'source__title' }, `《${citation.title}》`),
        el('span', { class: 'source__where' }, where),
      ),
    )
    button.setAttribute('aria-label', `出处 ${citation.n}：《${citation.title}》${where}，查看原文`)
    button.addEventListener('click', () => void dialog.open(citation, button))
    return el('li', {}, button)
  })
  return el(
    'section',
    { class: 'sources', 'aria-label': '出处' },
    el('h4', { class: 'sources__title' }, '出处（点击查看原文）'),
    el('ol', { class: 'sources__list' }, ...items),
  )
}

function uncoveredNotice(handOff: () => void): HTMLElement {
  const button = el('button', { type: 'button', class: 'button button--small' }, '转人工')
  button.addEventListener('click', handOff)
  return el(
    'div',
    { class: 'notice notice--uncovered', 'data-testid': 'uncovered' },
    el('strong', { class: 'notice__title' }, '资料未覆盖'),
    el(
      'p',
      {},
      '知识库中没有找到能回答这个问题的文件依据，以上答复没有引用任何资料。可以换个说法再问，或交给工作人员解答。',
    ),
    button,
  )
}

/** An assistant turn: fills in as the answer streams, then gains its sources, ticket and feedback. */
export function createAnswerView(actions: AnswerActions) {
  const text = el('div', { class: 'msg__text' }, el('span', { class: 'typing' }, '正在查找资料……'))
  const extras = el('div', { class: 'msg__extras' })
  const root = el(
    'article',
    { class: 'msg msg--assistant', 'aria-busy': 'true', 'aria-label': '助手的回答' },
    el('p', { class: 'msg__who', 'aria-hidden': 'true' }, '助手'),
    el('div', { class: 'msg__bubble' }, text, extras),
  )
  let citations: Citation[] = []
  let streamed = ''

  return {
    root,
    setCitations(next: Citation[]) {
      citations = next
    },
    addDelta(delta: string) {
      streamed += delta
      // A marker still arriving ("[2") is held back: shown half, it would flicker into a button.
      renderAnswerText(text, streamed.replace(/\[\d*$/, ''), citations, actions.dialog)
    },
    /** The final, checked answer replaces what streamed: the claim check may have removed sentences. */
    finish(response: ChatResponse) {
      citations = response.citations
      renderAnswerText(text, response.answer, citations, actions.dialog)
      const uncovered = !response.grounded && citations.length === 0 && !response.intake && !response.ticket
      replaceChildren(
        extras,
        response.faq && reviewedNote(response.faq.approvedAt),
        citations.length > 0 && sourcesList(citations, actions.dialog),
        uncovered && response.intent !== 'smalltalk' && uncoveredNotice(actions.handOff),
        response.ticket && ticketCard(response.ticket),
        // Rating a question like "请留一个电话" says nothing about answer quality.
        (citations.length > 0 || (!response.intake && !response.ticket && response.intent !== 'smalltalk')) &&
          feedbackControls(response.sessionId, response.turnId),
      )
      root.setAttribute('aria-busy', 'false')
      root.dataset.grounded = String(response.grounded)
      root.dataset.mode = response.mode
    },
    fail(message: string, retry: () => void) {
      const button = el('button', { type: 'button', class: 'button button--small' }, '重试')
      button.addEventListener('click', () => {
        root.remove()
        retry()
      })
      replaceChildren(text, el('span', { class: 'notice notice--error', role: 'alert' }, message))
      replaceChildren(extras, button)
      root.setAttribute('aria-busy', 'false')
    },
  }
}
