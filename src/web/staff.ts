import { ROLE_LABELS, roleAtLeast } from '../tickets/model.ts'
import { ApiError, messageOf } from './api.ts'
import type { StaffMember } from './api-types.ts'
import { byId, el, replaceChildren } from './dom.ts'
import { accountsView } from './staff-accounts-view.ts'
import { createStaffApi } from './staff-api.ts'
import type { StaffContext, StaffView } from './staff-context.ts'
import { cannedView } from './staff-desk.ts'
import { documentsView } from './staff-documents-view.ts'
import { faqView } from './staff-faq-view.ts'
import { feedbackView } from './staff-feedback-view.ts'
import { logView } from './staff-log-view.ts'
import { bindSigninForm, currentSignIn, hideSignin, showSignin as showSigninForm } from './staff-login.ts'
import { queueView } from './staff-queue.ts'
import { searchView } from './staff-search-view.ts'
import { statsView } from './staff-stats-view.ts'
import { ticketView } from './staff-ticket.ts'

const consoleSection = byId('console')
const whoami = byId('whoami')
const statsTab = byId('stats-tab')
const accountsTab = byId('accounts-tab')
const view = byId('view')
const status = byId('console-status')

let context: StaffContext | null = null
let stop: () => void = () => {}

function showSignin(message?: string): void {
  context = null
  stop()
  consoleSection.hidden = true
  showSigninForm(message)
}

/** Ends the session on the server (every tab of this browser with it), then shows the form. */
function signOut(): void {
  const api = context?.api
  showSignin()
  void api?.logout().catch(() => {})
}

/** Hash routes: #/queue, #/ticket/<number>, #/feedback, #/canned, #/log, #/faqs, #/documents, #/search, #/stats (supervisors), #/accounts (admins). */
function route(hash: string, me: StaffMember): { tab: string; view: StaffView } {
  const ticket = /^#\/ticket\/([\w-]+)$/.exec(hash)
  if (ticket) return { tab: 'queue', view: ticketView(ticket[1] as string) }
  if (hash === '#/feedback') return { tab: 'feedback', view: feedbackView }
  if (hash === '#/canned') return { tab: 'canned', view: cannedView }
  if (hash === '#/log') return { tab: 'log', view: logView }
  if (hash === '#/faqs') return { tab: 'faqs', view: faqView }
  if (hash === '#/documents') return { tab: 'documents', view: documentsView }
  if (hash === '#/search') return { tab: 'search', view: searchView }
  if (hash === '#/stats' && roleAtLeast(me.role, 'supervisor')) return { tab: 'stats', view: statsView }
  if (hash === '#/accounts' && me.role === 'admin') return { tab: 'accounts', view: accountsView }
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

async function start(me: StaffMember): Promise<void> {
  const api = createStaffApi(me.csrfToken ?? '')
  context = {
    api,
    me,
    announce: (message) => {
      status.textContent = message
    },
    fail: (error, where) => {
      if (error instanceof ApiError && error.status === 401) return showSignin('登录已过期或已在别处退出，请重新登录。')
      const notice = el('p', { class: 'notice notice--error', role: 'alert' }, messageOf(error))
      if (where.classList.contains('notice')) {
        where.className = 'notice notice--error'
        where.setAttribute('role', 'alert')
        where.textContent = messageOf(error)
        where.hidden = false
      } else replaceChildren(where, notice)
    },
  }
  whoami.textContent = `${me.name}（${ROLE_LABELS[me.role]}，${me.username ?? `编号 ${me.id}`}）`
  statsTab.hidden = !roleAtLeast(me.role, 'supervisor')
  accountsTab.hidden = me.role !== 'admin'
  hideSignin()
  consoleSection.hidden = false
  await render()
}

bindSigninForm((me) => void start(me))
byId('signout').addEventListener('click', () => signOut())
window.addEventListener('hashchange', () => void render())

// One sign-in serves every tab: the cookie is the browser's, so a new tab only asks who it is.
currentSignIn()
  .then((me) => (me ? start(me) : showSignin()))
  .catch((error: unknown) => showSignin(messageOf(error)))
  .finally(() => {
    document.documentElement.dataset.ready = 'true'
  })
