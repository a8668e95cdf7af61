import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureFirstAdmin } from '../../src/staff/first-admin.ts'
import {
  type Browser,
  DESKTOP,
  horizontalOverflow,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  skipBrowserTests,
} from './support/browser.ts'
import { startWebApp, type WebApp } from './support/web-app.ts'

const ADMIN_PASSWORD = 'first-admin-password'

/**
 * The first admin signs in with a password, creates an agent and an integration token, and the
 * agent signs in; one sign-in serves every tab of the browser, and signing out ends it for all.
 */
describe.skipIf(skipBrowserTests)('web: staff accounts', () => {
  let web: WebApp
  let browser: Browser
  const problems: string[] = []

  const open = (path: string, viewport = DESKTOP): Promise<Page> =>
    openPage(browser, `${web.baseUrl}${path}`, problems, viewport)
  const signIn = async (page: Page, username: string, password: string) => {
    await page.locator('#signin').getByLabel('用户名').fill(username)
    await page.locator('#signin').getByLabel('密码').fill(password)
    await page.getByRole('button', { name: '登录' }).click()
    await page.locator('#console').waitFor()
  }

  beforeAll(async () => {
    browser = await launchBrowser()
    web = await startWebApp()
    expect((await ensureFirstAdmin(web.db, ADMIN_PASSWORD, new Date())).kind).toBe('created')
  })
  afterAll(async () => {
    await browser?.close()
    await web?.close()
  })

  it('first admin signs in, creates an agent and a token; the agent signs in; tabs share the sign-in', async () => {
    const first = await open('/staff')
    await signIn(first, 'admin', ADMIN_PASSWORD)
    expect(await first.locator('#whoami').textContent()).toContain('管理员')

    await first.getByRole('link', { name: '账号管理' }).click()
    const create = first.getByRole('form', { name: '新建账号' })
    await create.getByLabel('用户名').fill('wangwu')
    await create.getByLabel('姓名').fill('王五')
    await create.getByLabel('初始密码').fill('short')
    await create.getByRole('button', { name: '新建账号' }).click()
    // The browser refuses a too-short password before the server sees it; the account is not made.
    expect(await first.locator('tr[data-username="wangwu"]').count()).toBe(0)
    await create.getByLabel('初始密码').fill('wangwu-password-1')
    await create.getByRole('button', { name: '新建账号' }).click()
    await first.locator('tr[data-username="wangwu"]').waitFor()
    await first.locator('.notice--ok').filter({ hasText: '已新建账号 wangwu' }).waitFor()

    await first.getByLabel('用途').fill('12345 热线对接')
    await first.getByRole('button', { name: '创建令牌' }).click()
    expect(await first.getByTestId('new-token').textContent()).toMatch(/^qd_\d+_[A-Za-z0-9_-]{43}$/)
    await first.locator('.audit-list li').filter({ hasText: '创建令牌' }).waitFor()
    expect(await first.locator('.audit-list').textContent()).toContain('新建账号')
    await screenshot(first, 'staff-accounts-desktop')
    await first.setViewportSize(PHONE)
    expect((await horizontalOverflow(first)).scrollWidth).toBeLessThanOrEqual(PHONE.width)
    await first.setViewportSize(DESKTOP)

    // A second tab is signed in already: the cookie is the browser's, not the tab's.
    const second = await open('/staff#/accounts')
    await second.locator('tr[data-username="wangwu"]').waitFor()
    expect(await second.locator('#signin').isHidden()).toBe(true)

    // Signing out in one tab ends the sign-in for the other too.
    await first.getByRole('button', { name: '退出' }).click()
    await first.locator('#signin').waitFor()
    await second.reload()
    await second.waitForFunction(() => document.documentElement.dataset.ready === 'true')
    await second.locator('#signin').waitFor()

    await signIn(first, 'wangwu', 'wangwu-password-1')
    expect(await first.locator('#whoami').textContent()).toContain('王五（工作人员，wangwu）')
    expect(await first.locator('#accounts-tab').isHidden()).toBe(true)
    expect(await first.locator('#stats-tab').isHidden()).toBe(true)
    await first.goto(`${web.baseUrl}/staff#/accounts`)
    await first.waitForFunction(() => document.documentElement.dataset.view === 'queue') // not for agents

    await second.reload()
    await second.locator('#console').waitFor()
    expect(await second.locator('#whoami').textContent()).toContain('王五')
    await first.close()
    await second.close()
  })

  it('met no script errors, CSP violations or failed requests', () => {
    expect(problems).toEqual([])
  })
})
