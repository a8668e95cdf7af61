import { CATEGORY_LABELS } from '../tickets/model.ts'
import { createAnswerView } from './answer-view.ts'
import { messageOf } from './api.ts'
import type { Audience, ChatResponse } from './api-types.ts'
import { streamChat } from './chat-stream.ts'
import { appendTranscript, forgetTranscript, loadTranscript } from './chat-transcript.ts'
import { createCitationDialog } from './citation-dialog.ts'
import { byId, el, replaceChildren } from './dom.ts'
import { saveTicket } from './saved-tickets.ts'
import { local, session } from './storage.ts'

const SESSION_KEY = 'qd.chat.sessionId'
const AUDIENCE_KEY = 'qd.chat.audience'
// The ticket being registered survives a reload with the session, so the bar saying so must too.
const INTAKE_KEY = 'qd.chat.intake'
const HAND_OFF = '转人工'
const CANCEL = '取消'

/** Questions the knowledge base answers well, for each audience. */
const SUGGESTIONS: Record<Audience, string[]> = {
  enterprise: [
    'CCC免办需要哪些材料？',
    '75号令对主要负责人有什么要求？',
    '计量器具强制检定怎么申请？',
    '申请质量管理体系认证要准备什么？',
    '我想申请企业质量诊断服务',
  ],
  citizen: [
    '买到的商品有质量问题怎么投诉？',
    '投诉和举报有什么区别？',
    '菜市场的秤不准找谁？',
    '今年“质量月”有哪些活动？',
    '哪些投诉不予受理？',
  ],
}

const log = byId('log')
const form = byId<HTMLFormElement>('composer')
const input = byId<HTMLTextAreaElement>('message')
const sendButton = byId<HTMLButtonElement>('send')
const suggestions = byId('suggestions')
const intro = byId('chat-intro')
const intakeBar = byId('intake-bar')
const intakeText = byId('intake-text')
const intakeQuestion = byId('intake-question')
const defaultPlaceholder = input.placeholder
const dialog = createCitationDialog()
const audienceInputs = [...document.querySelectorAll<HTMLInputElement>('input[name="audience"]')]

let busy = false
let audience: Audience = session.get(AUDIENCE_KEY) === 'enterprise' ? 'enterprise' : 'citizen'

function renderSuggestions(): void {
  const items = SUGGESTIONS[audience].map((question) => {
    const button = el('button', { type: 'button', class: 'suggestion' }, question)
    button.addEventListener('click', () => void send(question))
    return el('li', {}, button)
  })
  replaceChildren(suggestions, ...items)
}

function setBusy(next: boolean): void {
  busy = next
  sendButton.disabled = next
  log.setAttribute('aria-busy', String(next))
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-chat-action]')) button.disabled = next
}

function showIntake(intake: ChatResponse['intake']): void {
  const open = intake && intake.step !== 'cancelled' && intake.step !== 'submitted' ? intake : undefined
  intakeBar.hidden = !open
  // The question waits above the composer, so on a small screen it is never scrolled away.
  intakeQuestion.textContent = open?.question ?? ''
  input.placeholder = open?.placeholder ?? defaultPlaceholder
  if (open) {
    intakeText.textContent = `正在登记：${CATEGORY_LABELS[open.category] ?? '服务事项'}`
    local.set(INTAKE_KEY, JSON.stringify(open))
  } else local.remove(INTAKE_KEY)
}

function restoreIntake(): void {
  try {
    const saved = local.get(INTAKE_KEY)
    if (saved && local.get(SESSION_KEY)) showIntake(JSON.parse(saved))
  } catch {
    local.remove(INTAKE_KEY)
  }
}

const userBubble = (message: string) =>
  el(
    'article',
    { class: 'msg msg--user', 'aria-label': '我的提问' },
    el('p', { class: 'msg__who', 'aria-hidden': 'true' }, '我'),
    el('div', { class: 'msg__bubble' }, el('div', { class: 'msg__text' }, message)),
  )

/** The saved conversation after a reload: the same bubbles, sources and ticket card as before. */
function restoreTranscript(): void {
  const entries = loadTranscript()
  if (!local.get(SESSION_KEY) || entries.length === 0) return
  intro.classList.add('chat-intro--compact')
  for (const entry of entries) {
    if (entry.role === 'user') log.append(userBubble(entry.text))
    else {
      const view = createAnswerView({ dialog, handOff: () => void send(HAND_OFF) })
      view.finish(entry.response)
      log.append(view.root)
    }
  }
  log.lastElementChild?.scrollIntoView({ block: 'end' })
}

const nearBottom = () => window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 160

function keepInView(element: HTMLElement): void {
  if (nearBottom()) element.scrollIntoView({ block: 'end' })
}

async function send(text: string): Promise<void> {
  const message = text.trim()
  if (!message || busy) return
  setBusy(true)
  intro.classList.add('chat-intro--compact')
  const mine = userBubble(message)
  log.append(mine)
  const view = createAnswerView({ dialog, handOff: () => void send(HAND_OFF) })
  log.append(view.root)
  view.root.scrollIntoView({ block: 'nearest' })
  try {
    const response = await streamChat(
      { message, audience, ...(local.get(SESSION_KEY) ? { sessionId: local.get(SESSION_KEY) as string } : {}) },
      {
        onCitations: (citations) => view.setCitations(citations),
        onDelta: (delta) => {
          view.addDelta(delta)
          keepInView(view.root)
        },
      },
    )
    local.set(SESSION_KEY, response.sessionId)
    view.finish(response)
    showIntake(response.intake)
    appendTranscript({ role: 'user', text: message }, { role: 'assistant', response })
    if (response.ticket) saveTicket(response.ticket.number, response.ticket.lookupToken)
    keepInView(view.root)
  } catch (error) {
    // A retry sends the same words again: the bubble that failed goes, so none is shown twice.
    view.fail(messageOf(error), () => {
      mine.remove()
      void send(message)
    })
  } finally {
    setBusy(false)
  }
}

function startOver(): void {
  local.remove(SESSION_KEY)
  forgetTranscript()
  log.replaceChildren()
  showIntake(undefined)
  intro.classList.remove('chat-intro--compact')
  input.value = ''
  input.focus()
}

for (const radio of audienceInputs) {
  radio.checked = radio.value === audience
  radio.addEventListener('change', () => {
    if (!radio.checked) return
    audience = radio.value === 'enterprise' ? 'enterprise' : 'citizen'
    session.set(AUDIENCE_KEY, audience)
    renderSuggestions()
  })
}

form.addEventListener('submit', (event) => {
  event.preventDefault()
  const text = input.value
  if (!text.trim() || busy) return
  input.value = ''
  void send(text)
})
input.addEventListener('keydown', (event) => {
  // Enter sends, Shift+Enter breaks the line; never while an IME is composing Chinese.
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault()
    form.requestSubmit()
  }
})
byId('handoff').addEventListener('click', () => void send(HAND_OFF))
byId('intake-cancel').addEventListener('click', () => void send(CANCEL))
byId('new-chat').addEventListener('click', startOver)

/**
 * Words typed before this script ran: a send then submitted the plain form (GET ?message=…), and a
 * bare Enter left a line break. Either way the text is put back, ready to send.
 */
function keepEarlyText(): void {
  const url = new URL(window.location.href)
  const early = url.searchParams.get('message')
  if (early !== null) {
    input.value = early
    url.searchParams.delete('message')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
  }
  input.value = input.value.replace(/\n+$/, '')
}

renderSuggestions()
restoreTranscript()
restoreIntake()
keepEarlyText()
document.documentElement.dataset.ready = 'true'
