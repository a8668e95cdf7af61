import { messageOf } from './api.ts'
import type { AccountRow, AuditRow, TokenRow } from './api-types.ts'
import { el, replaceChildren } from './dom.ts'
import { formatDateTime } from './format.ts'
import { formMessage, type StaffContext } from './staff-context.ts'

const ACTIONS: Record<string, string> = {
  account_created: '新建账号',
  role_changed: '更改角色',
  password_reset: '重置密码',
  account_disabled: '停用账号',
  account_enabled: '启用账号',
  token_created: '创建令牌',
  token_revoked: '吊销令牌',
  sign_in_locked: '登录失败过多，暂时锁定',
  first_admin_restored: '恢复首个管理员',
  retention_run: '数据保留清理',
}

const describeChange = (entry: AuditRow): string =>
  [entry.before, entry.after]
    .map((part) =>
      part
        ? Object.entries(part)
            .map(([key, value]) => `${key}: ${String(value)}`)
            .join('，')
        : '',
    )
    .filter(Boolean)
    .join(' → ')

/** Below the accounts: integration tokens, retention, and the audit log. */
export function adminTools(context: StaffContext): {
  element: HTMLElement
  refresh: (accounts: AccountRow[]) => Promise<void>
} {
  const api = context.api.accounts
  let accounts: AccountRow[] = []
  const nameOf = (id: number | null) => accounts.find((account) => account.id === id)?.username ?? (id ? `#${id}` : '—')

  const tokenMessage = formMessage()
  const secret = el('output', { class: 'card token-secret', hidden: true, 'data-testid': 'new-token' })
  const owner = el('select', { id: 'token-owner', required: true })
  const label = el('input', {
    type: 'text',
    id: 'token-label',
    autocomplete: 'off',
    required: true,
    placeholder: '例如：12345 热线对接',
  })
  const tokenForm = el(
    'form',
    { class: 'filters card' },
    el('div', { class: 'field' }, el('label', { for: 'token-owner' }, '令牌所属账号'), owner),
    el('div', { class: 'field' }, el('label', { for: 'token-label' }, '用途'), label),
    el('button', { type: 'submit', class: 'button' }, '创建令牌'),
  )
  const tokenTable = el('div', { class: 'table-wrap' })
  const audit = el('ol', { class: 'audit-list' })

  const retentionMessage = formMessage()
  const days = el('input', { id: 'retention-days', type: 'number', min: 30, max: 3650, value: 180, required: true })
  const retentionForm = el(
    'form',
    { class: 'filters card' },
    el('div', { class: 'field' }, el('label', { for: 'retention-days' }, '关闭或未活动超过（天）'), days),
    el('button', { type: 'submit', class: 'button' }, '立即清理'),
  )

  async function refresh(latest: AccountRow[]): Promise<void> {
    accounts = latest
    const selected = owner.value
    replaceChildren(
      owner,
      ...accounts
        .filter((account) => !account.disabledAt)
        .map((account) =>
          el(
            'option',
            { value: account.id, selected: String(account.id) === selected },
            `${account.username}（${account.name}）`,
          ),
        ),
    )
    const [{ tokens }, { entries }] = await Promise.all([api.tokens(), api.audit()])
    replaceChildren(
      tokenTable,
      el(
        'table',
        { class: 'table table--cards' },
        el('caption', {}, '集成令牌'),
        el(
          'thead',
          {},
          el('tr', {}, ...['编号', '账号', '用途', '创建于', '状态', '操作'].map((h) => el('th', { scope: 'col' }, h))),
        ),
        el('tbody', {}, ...tokens.map(tokenRow)),
      ),
    )
    replaceChildren(
      audit,
      ...entries.map((entry) =>
        el(
          'li',
          {},
          el('time', { datetime: entry.createdAt }, formatDateTime(entry.createdAt)),
          ` ${entry.actor.name}：${ACTIONS[entry.action] ?? entry.action}`,
          entry.targetStaffId !== null && ` · ${nameOf(entry.targetStaffId)}`,
          describeChange(entry) && el('span', { class: 'muted' }, `（${describeChange(entry)}）`),
        ),
      ),
    )
  }

  const reload = () => refresh(accounts).catch((error: unknown) => context.fail(error, tokenTable))

  function tokenRow(token: TokenRow): HTMLElement {
    const revoke =
      !token.revokedAt &&
      el('button', { type: 'button', class: 'button button--small button--danger' }, `吊销令牌 ${token.id}`)
    if (revoke) {
      revoke.addEventListener('click', () => {
        api
          .revokeToken(token.id)
          .then(() => {
            tokenMessage.ok(`已吊销令牌 ${token.id}。`)
            return reload()
          })
          .catch((error: unknown) => tokenMessage.error(messageOf(error)))
      })
    }
    return el(
      'tr',
      {},
      el('td', { 'data-label': '编号' }, String(token.id)),
      el('td', { 'data-label': '账号' }, nameOf(token.staffId)),
      el('td', { 'data-label': '用途' }, token.label),
      el('td', { 'data-label': '创建于' }, formatDateTime(token.createdAt)),
      el('td', { 'data-label': '状态' }, token.revokedAt ? `已吊销 ${formatDateTime(token.revokedAt)}` : '有效'),
      el('td', { 'data-label': '操作' }, revoke),
    )
  }

  tokenForm.addEventListener('submit', (event) => {
    event.preventDefault()
    api
      .issueToken(Number(owner.value), label.value.trim())
      .then((issued) => {
        label.value = ''
        tokenMessage.ok('令牌已创建。它只显示这一次，请立即复制交给对接方（请求头 Authorization: Bearer <令牌>）。')
        replaceChildren(secret, el('code', {}, issued.secret))
        secret.hidden = false
        return reload()
      })
      .catch((error: unknown) => tokenMessage.error(messageOf(error)))
  })

  retentionForm.addEventListener('submit', (event) => {
    event.preventDefault()
    api
      .retention(Number(days.value))
      .then((outcome) => {
        retentionMessage.ok(outcome.summary.join(' '))
        return reload()
      })
      .catch((error: unknown) => retentionMessage.error(messageOf(error)))
  })

  const element = el(
    'div',
    { class: 'admin-tools' },
    el('h3', {}, '集成令牌'),
    el(
      'p',
      { class: 'muted' },
      '供其他系统调用工单接口；令牌以所属账号的身份和角色工作，账号停用或令牌吊销后立即失效。',
    ),
    tokenMessage.element,
    tokenForm,
    secret,
    tokenTable,
    el('h3', {}, '数据保留清理'),
    el(
      'p',
      { class: 'muted' },
      '清除关闭超过所填天数的工单中的个人信息，并遮蔽同样久未活动的对话中的电话、证件号和邮箱。',
    ),
    retentionMessage.element,
    retentionForm,
    el('h3', {}, '审计记录（最近 50 条）'),
    audit,
  )
  return { element, refresh }
}
