import { ApiError, messageOf } from './api.ts'
import type { StaffMember } from './api-types.ts'
import { byId, el, replaceChildren } from './dom.ts'
import { createStaffApi } from './staff-api.ts'
import type { StaffContext, StaffView } from './staff-context.ts'
import { documentsView } from './staff-documents-view.ts'
import { faqView } from './staff-faq-view.ts'
import { feedbackView } from './staff-feedback-view.ts'
import { logView } from './staff-log-view.ts'
import { queueView } from './staff-queue.ts'
import { searchView } from './staff-search-view.ts'
import { statsView } from './staff-stats-view.ts'
import { ticketView } from './staff-ticket.ts'
import { session } from './storage.ts'

// Kept per tab in sessionStorage: it goes when the tab closes, and other sites cannot read it.
const TOKEN_KEY = 'qd.staff.token'

const signin = byId('signin')
const signinForm = byId<HTMLFormElement>('signin-form')
const tokenInput = byId<HTMLInputElement>('staff-token')
const signinError = byId('signin-error')
const consoleSection = byId('console')
const whoami = byId('whoami')
const statsTab = byId('stats-tab')
const view = byId('view')
const status = byId('console-status')

let context: StaffContext | null = null
let stop: () => void = () => {}

function showSignin(message?: string): void {
  context = null
  stop()
  consoleSection.hidden = true
  signin.hidden = false
  signinError.hidden = !message
  signinError.textContent = message ?? ''
  tokenInput.value = ''
  tokenInput.focus()
}

function signOut(message?: string): void {
  session.remove(TOKEN_KEY)
  showSignin(message)
}

/** Hash routes: #/queue, #/ticket/<number>, #/feedback, #/log, #/faqs, #/documents, #/search, #/stats (supervisors). */
function route(hash: string, me: StaffMember): { tab: string; view: StaffView } {
  const ticket = /^#\/ticket\/([\w-]+)$/.exec(hash)
  if (ticket) return { tab: 'queue', view: ticketView(ticket[1] as string) }
  if (hash === '#/feedback') return { tab: 'feedback', view: feedbackView }
  if (hash === '#/log') return { tab: 'log', view: logView }
  if (hash === '#/faqs') return { tab: 'faqs', view: faqView }
  if (hash === '#/documents') return { tab: 'documents', view: documentsView }
  if (hash === '#/search') return { tab: 'search', view: searchView }
  if (hash === '#/stats' && me.role === 'supervisor') return { tab: 'stats', view: statsView }
  return { tab: 'queue', view: queueView }
}

async function render(): Promise<void> {
  if (!context) return
  stop()
  stop = () => {}
  const { tab, view: next } = route(window.location.hash, context.me)
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-tab]')) {
    if (link.dataset.tab === tab) link.setAttribute('aria-current', 'page')
    else link.removeAttribute('aria-current')
  }
  replaceChildren(view, el('p', { class: 'muted' }, '正在载入……'))
  const container = el('div', {})
  stop = await next(container, context)
  replaceChildren(view, container)
  document.documentElement.dataset.view = tab
}

async function start(token: string): Promise<boolean> {
  const api = createStaffApi(token)
  let me: StaffMember
  try {
    me = await api.me()
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      signOut('令牌无效或已被吊销，请核对后重新输入，或向主管申请新的令牌。')
    } else {
      showSignin(messageOf(error))
    }
    return false
  }
  session.set(TOKEN_KEY, token)
  context = {
    api,
    me,
    announce: (message) => {
      status.textContent = message
    },
    fail: (error, where) => {
      if (error instanceof ApiError && error.status === 401) return signOut('登录已失效，请重新输入令牌。')
      const notice = el('p', { class: 'notice notice--error', role: 'alert' }, messageOf(error))
      if (where.classList.contains('notice')) {
        where.className = 'notice notice--error'
        where.setAttribute('role', 'alert')
        where.textContent = messageOf(error)
        where.hidden = false
      } else replaceChildren(where, notice)
    },
  }
  whoami.textContent = `${me.name}（${me.role === 'supervisor' ? '主管' : '工作人员'}，编号 ${me.id}）`
  statsTab.hidden = me.role !== 'supervisor'
  signin.hidden = true
  consoleSection.hidden = false
  await render()
  return true
}

signinForm.addEventListener('submit', (event) => {
  event.preventDefault()
  const token = tokenInput.value.trim()
  if (!token) {
    showSignin('请输入令牌。')
    return
  }
  void start(token)
})
byId('signout').addEventListener('click', () => signOut())
window.addEventListener('hashchange', () => void render())

const saved = session.get(TOKEN_KEY)
if (saved) void start(saved)
else showSignin()
document.documentElement.dataset.ready = 'true'
