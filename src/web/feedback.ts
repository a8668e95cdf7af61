import { messageOf, requestJson } from './api.ts'
import { el, icon } from './dom.ts'

type Rating = 'up' | 'down'

/** 👍/👎 under an answer; a 👎 also offers a box to say what was wrong, which staff review. */
export function feedbackControls(sessionId: string, turnId: number): HTMLElement {
  const status = el('span', { class: 'feedback__status', role: 'status' })
  const up = el('button', { type: 'button', class: 'chip', 'aria-pressed': 'false' }, icon('up'), '有帮助')
  const down = el('button', { type: 'button', class: 'chip', 'aria-pressed': 'false' }, icon('down'), '没帮助')
  const commentId = `feedback-comment-${turnId}`
  const comment = el('textarea', {
    id: commentId,
    rows: 2,
    maxlength: 500,
    placeholder: '例如：引用的条款不对、没有回答到点子上',
  })
  const form = el(
    'form',
    { class: 'feedback__form', hidden: true },
    el('label', { for: commentId }, '哪里不对？（选填，工作人员会据此改进）'),
    comment,
    el('button', { type: 'submit', class: 'button button--small' }, '提交意见'),
  )

  const send = async (rating: Rating, text?: string) => {
    status.textContent = '正在提交……'
    try {
      await requestJson('/api/chat/feedback', {
        method: 'POST',
        json: { sessionId, turnId, rating, ...(text ? { comment: text } : {}) },
      })
      status.textContent = text ? '已收到您的意见，谢谢！' : '感谢您的反馈！'
      return true
    } catch (error) {
      status.textContent = messageOf(error)
      return false
    }
  }

  const rate = async (rating: Rating) => {
    if (!(await send(rating))) return
    up.setAttribute('aria-pressed', String(rating === 'up'))
    down.setAttribute('aria-pressed', String(rating === 'down'))
    form.hidden = rating !== 'down'
    if (rating === 'down') comment.focus()
  }
  up.addEventListener('click', () => void rate('up'))
  down.addEventListener('click', () => void rate('down'))
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const text = comment.value.trim()
    if (!text) return
    void send('down', text).then((sent) => {
      if (sent) form.hidden = true
    })
  })

  return el(
    'div',
    { class: 'feedback' },
    el(
      'div',
      { class: 'feedback__row', role: 'group', 'aria-label': '这条回答有帮助吗？' },
      el('span', { class: 'feedback__question' }, '这条回答有帮助吗？'),
      up,
      down,
      status,
    ),
    form,
  )
}
