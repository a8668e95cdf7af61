import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from '../tickets/model.ts'
import { messageOf } from './api.ts'
import type { AccountRow } from './api-types.ts'
import { el, replaceChildren } from './dom.ts'
import { formatDateTime } from './format.ts'
import { adminTools } from './staff-admin-tools.ts'
import { formMessage, type StaffView } from './staff-context.ts'

const roleSelect = (id: string, selected: StaffRole, label?: string) =>
  el(
    'select',
    { id, ...(label ? { 'aria-label': label } : {}) },
    ...STAFF_ROLES.map((role) => el('option', { value: role, selected: role === selected }, ROLE_LABELS[role])),
  )

const field = (id: string, label: string, input: HTMLElement) =>
  el('div', { class: 'field' }, el('label', { for: id }, label), input)

/** Admins: create accounts, change roles, reset passwords, disable and enable; tools below. */
export const accountsView: StaffView = async (container, context) => {
  const api = context.api.accounts
  const message = formMessage()
  const table = el('div', { class: 'table-wrap' })
  const tools = adminTools(context)

  const done = async (text: string) => {
    message.ok(text)
    context.announce(text)
    await refresh()
  }
  const attempt = (work: () => Promise<string>) =>
    work()
      .then(done)
      .catch((error: unknown) => message.error(messageOf(error)))

  function row(account: AccountRow): HTMLElement {
    const who = account.username
    const role = roleSelect(`role-${account.id}`, account.role, `${who} 的角色`)
    role.addEventListener('change', () =>
      attempt(async () => {
        await api.setRole(account.id, role.value as StaffRole)
        return `已将 ${who} 的角色改为${ROLE_LABELS[role.value as StaffRole]}。`
      }).then(() => {
        role.value = account.role // a refused change shows the old role again; a done one re-renders
      }),
    )
    const password = el('input', {
      type: 'password',
      autocomplete: 'new-password',
      'aria-label': `${who} 的新密码`,
      minlength: 10,
    })
    const reset = el(
      'form',
      { class: 'inline-form', hidden: true },
      password,
      el('button', { type: 'submit', class: 'button button--small' }, '确定'),
    )
    reset.addEventListener('submit', (event) => {
      event.preventDefault()
      void attempt(async () => {
        await api.resetPassword(account.id, password.value)
        return `已重置 ${who} 的密码；其原有登录已全部退出。`
      })
    })
    const showReset = el('button', { type: 'button', class: 'button button--small button--ghost' }, '重置密码')
    showReset.addEventListener('click', () => {
      reset.hidden = !reset.hidden
      if (!reset.hidden) password.focus()
    })
    const disabled = Boolean(account.disabledAt)
    const toggle = el(
      'button',
      { type: 'button', class: `button button--small ${disabled ? '' : 'button--danger'}` },
      disabled ? `启用 ${who}` : `停用 ${who}`,
    )
    toggle.addEventListener('click', () =>
      attempt(async () => {
        await api.setDisabled(account.id, !disabled)
        return disabled ? `已启用 ${who}。` : `已停用 ${who}；其登录和令牌已失效。`
      }),
    )
    return el(
      'tr',
      { 'data-username': who },
      el('td', { 'data-label': '用户名' }, who),
      el('td', { 'data-label': '姓名' }, account.name),
      el('td', { 'data-label': '角色' }, role),
      el(
        'td',
        { 'data-label': '状态' },
        el('span', { class: disabled ? 'badge badge--closed' : 'badge badge--resolved' }, disabled ? '已停用' : '启用'),
        !account.hasPassword && el('span', { class: 'badge' }, '未设密码'),
      ),
      el('td', { 'data-label': '最近登录' }, account.lastLoginAt ? formatDateTime(account.lastLoginAt) : '从未登录'),
      el('td', { 'data-label': '操作' }, el('div', { class: 'row-actions' }, showReset, toggle), reset),
    )
  }

  async function refresh(): Promise<void> {
    try {
      const { accounts } = await api.list()
      replaceChildren(
        table,
        el(
          'table',
          { class: 'table table--cards' },
          el('caption', {}, `账号（${accounts.length}）`),
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              ...['用户名', '姓名', '角色', '状态', '最近登录', '操作'].map((h) => el('th', { scope: 'col' }, h)),
            ),
          ),
          el('tbody', {}, ...accounts.map(row)),
        ),
      )
      await tools.refresh(accounts)
    } catch (error) {
      context.fail(error, table)
    }
  }

  const username = el('input', {
    type: 'text',
    id: 'new-username',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
  })
  const name = el('input', { type: 'text', id: 'new-name', autocomplete: 'off', required: true })
  const role = roleSelect('new-role', 'agent')
  const password = el('input', {
    id: 'new-password',
    type: 'password',
    autocomplete: 'new-password',
    minlength: 10,
    required: true,
  })
  const create = el(
    'form',
    { class: 'card filters', 'aria-labelledby': 'new-account-title' },
    el('h3', { id: 'new-account-title' }, '新建账号'),
    field('new-username', '用户名', username),
    field('new-name', '姓名', name),
    field('new-role', '角色', role),
    field('new-password', '初始密码（至少 10 个字符）', password),
    el('button', { type: 'submit', class: 'button button--primary' }, '新建账号'),
  )
  create.addEventListener('submit', (event) => {
    event.preventDefault()
    void attempt(async () => {
      const account = await api.create({
        username: username.value.trim(),
        name: name.value.trim(),
        role: role.value as StaffRole,
        password: password.value,
      })
      create.reset()
      return `已新建账号 ${account.username}（${ROLE_LABELS[account.role]}）。请把用户名和初始密码当面交给本人。`
    })
  })

  replaceChildren(
    container,
    el('div', { class: 'view-head' }, el('h2', {}, '账号管理')),
    message.element,
    create,
    table,
    tools.element,
  )
  await refresh()
  return () => {}
}
