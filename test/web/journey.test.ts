import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { staffAccount } from '../support/tickets.ts'
import {
  askInChat,
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

/**
 * One person's story through the pages: a question answered with sources, a complaint that ends
 * with a ticket, a staff member who claims and answers it, and the lookup page that shows the answer.
 * The tests run in order and share the ticket.
 */
describe.skipIf(skipBrowserTests)('web journey: chat → ticket → staff → lookup', () => {
  let web: WebApp
  let browser: Browser
  let agent: { username: string; password: string }
  let supervisor: { username: string; password: string }
  const ticket = { number: '', token: '' }
  const problems: string[] = []

  const open = (path: string, viewport = DESKTOP): Promise<Page> =>
    openPage(browser, `${web.baseUrl}${path}`, problems, viewport)

  const ask = askInChat

  beforeAll(async () => {
    browser = await launchBrowser()
    web = await startWebApp()
    agent = await staffAccount(web.db, '张三', 'agent')
    supervisor = await staffAccount(web.db, '赵主管', 'supervisor')
  })
  afterAll(async () => {
    await browser?.close()
    await web?.close()
  })

  it('streams an answer whose [n] markers open the cited passage, which deep-links into the document', async () => {
    const page = await open('/')
    await page.getByText('企业', { exact: true }).click()
    const streamed = page.waitForResponse((response) => response.url().endsWith('/api/chat/stream'))
    await page.getByRole('button', { name: '75号令对主要负责人有什么要求？' }).click()
    const response = await streamed
    expect(response.headers()['content-type']).toContain('text/event-stream')
    const events = await response.text()
    const deltas = [...events.matchAll(/^event: delta\ndata: (.*)$/gm)].map(
      (match) => JSON.parse(match[1] as string).text,
    )
    expect(deltas.length).toBeGreaterThan(1)

    const answer = page.locator('.msg--assistant').last()
    await answer.and(page.locator('[aria-busy="false"]')).waitFor()
    // What the deltas said, in order, is what the page shows (markers become buttons showing n; the
    // Markdown's line breaks, list markers and bold become elements, so white space is not compared).
    const shown = await answer.locator('.msg__text').textContent()
    const said = deltas
      .join('')
      .replace(/\[(\d+)\]/g, '$1')
      .replace(/^\s*(?:[-*]|\d+\.)\s+/gm, '')
      .replace(/\*\*/g, '')
    expect(shown?.replace(/\s+/g, '')).toBe(said.replace(/\s+/g, ''))
    expect(await answer.locator('.msg__text .cite').count()).toBeGreaterThan(0)
    await expect(answer.locator('.sources li').count()).resolves.toBeGreaterThan(0)
    await expect(answer.getByTestId('uncovered').count()).resolves.toBe(0)

    const cite = answer.locator('.msg__text .cite').first()
    await cite.click()
    const dialog = page.getByRole('dialog')
    await dialog.locator('mark').waitFor()
    expect(await dialog.locator('#citation-title').textContent()).toBe(
      '《工业产品生产单位落实质量安全主体责任监督管理规定（条文要点）》',
    )
    const meta = await dialog.locator('#citation-meta').textContent()
    expect(meta).toContain('国家市场监督管理总局令第75号')
    expect(meta).toContain('发布日期2023年4月4日')
    const quote = await dialog.locator('mark').textContent()
    expect(quote?.length).toBeGreaterThan(10)
    expect(await dialog.locator('.passage').textContent()).toContain(quote)
    await screenshot(page, 'journey-chat-citation-desktop', { fullPage: false })

    await page.keyboard.press('Escape')
    expect(await dialog.isVisible()).toBe(false)
    expect(await cite.evaluate((button) => button === document.activeElement)).toBe(true)

    await cite.click()
    const href = await dialog.getByRole('link', { name: '在文件中阅读上下文' }).getAttribute('href')
    expect(href).toMatch(/^\/documents\/samr-order-75#chunk-\d+$/)
    await dialog.getByRole('link', { name: '在文件中阅读上下文' }).click()
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
    const target = page.locator('.doc-section--target')
    expect(await target.getAttribute('id')).toBe(href?.split('#')[1])
    expect(await target.textContent()).toContain(quote)
    await page.close()
  })

  /** The first citation button inside an answer's text opens a dialog with its passage. */
  const expectCitationOpens = async (page: Page, answer: ReturnType<Page['locator']>) => {
    await answer.locator('.msg__text .cite').first().click()
    const dialog = page.getByRole('dialog')
    await dialog.locator('mark').waitFor()
    expect(await dialog.locator('.passage').textContent()).toContain(await dialog.locator('mark').textContent())
    await page.keyboard.press('Escape')
  }

  // Answers are Markdown, shown as HTML lists and tables built as DOM (never innerHTML), each [n] still a
  // button. The assertions are on rendered elements, so they hold however the server shapes the answer.
  it('shows a table answer as a table, header and rows, with its citation', async () => {
    const page = await open('/')
    const answer = await ask(page, '投诉和举报有什么区别？')
    const table = answer.locator('.msg__text table').first()
    await table.waitFor()
    expect(await table.locator('th').allTextContents()).toEqual(expect.arrayContaining(['投诉', '举报']))
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(2)
    // No raw pipes are left anywhere in the text shown.
    expect(await answer.locator('.msg__text').textContent()).not.toMatch(/\|/)
    expect(await answer.locator('.msg__text .cite').count()).toBeGreaterThan(0)
    await expectCitationOpens(page, answer)
    await screenshot(page, 'journey-answer-table-desktop', { fullPage: false })
    // A wide table scrolls inside its bubble on a phone, not the page.
    await page.setViewportSize(PHONE)
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(PHONE.width)
    await page.close()
  })

  it('shows a list answer as a list, item by item, with its citation', async () => {
    const page = await open('/')
    const answer = await ask(page, '投诉需要准备哪些材料？')
    const items = answer.locator('.msg__text :is(ol, ul) > li')
    await items.first().waitFor()
    expect(await items.count()).toBeGreaterThanOrEqual(3)
    expect((await items.allTextContents()).join('')).toContain('姓名')
    // The list markers became list items: no line of text still starts with "- ".
    expect((await answer.locator('.msg__text p').allInnerTexts()).join('\n')).not.toMatch(/^\s*- /m)
    expect(await answer.locator('.msg__text .cite').count()).toBeGreaterThan(0)
    await expectCitationOpens(page, answer)
    await page.close()
  })

  it('says plainly when the documents do not cover a question, and takes 👎 with a comment', async () => {
    const page = await open('/')
    const answer = await ask(page, '食品经营许可证怎么办？')
    await answer.getByTestId('uncovered').waitFor()
    expect(await answer.locator('.cite').count()).toBe(0)
    expect(await answer.getByTestId('uncovered').textContent()).toContain('资料未覆盖')

    await answer.getByRole('button', { name: '没帮助' }).click()
    await answer.getByLabel(/哪里不对/).fill('希望能说明许可证的办理入口')
    await answer.getByRole('button', { name: '提交意见' }).click()
    await answer.getByText('已收到您的意见，谢谢！').waitFor()
    expect(await answer.getByRole('button', { name: '没帮助' }).getAttribute('aria-pressed')).toBe('true')
    await page.close()
  })

  it('shows markup typed into the chat as text, never running it', async () => {
    const page = await open('/')
    let alerted = false
    page.on('dialog', async (dialog) => {
      alerted = true
      await dialog.dismiss()
    })
    await ask(page, '<script>alert(1)</script><img src=x onerror=alert(2)>')
    const mine = page.locator('.msg--user .msg__text').last()
    expect(await mine.textContent()).toBe('<script>alert(1)</script><img src=x onerror=alert(2)>')
    expect(await page.locator('#log script, #log img').count()).toBe(0)
    expect(alerted).toBe(false)
    await page.close()
  })

  it('takes a complaint in the conversation and ends with the ticket number and lookup token', async () => {
    const page = await open('/')
    const first = await ask(page, '我在超市买的电热水壶漏电了，我要投诉')
    expect(await first.textContent()).toContain('商家的名称和地址')
    await page.locator('#intake-bar').waitFor()
    expect(await page.locator('#intake-text').textContent()).toContain('投诉举报')
    await ask(page, '世纪联华超市，浦东新区张杨路500号')
    await ask(page, '11月20日买的电热水壶')
    await ask(page, '跳过')
    expect(await (await ask(page, '退货退款')).textContent()).toContain('怎么称呼您')
    expect(await (await ask(page, '王芳')).textContent()).toContain('电话')
    await screenshot(page, 'journey-chat-intake-desktop', { fullPage: false })
    // A reload keeps the session (localStorage), so the intake carries on where it was.
    await page.reload()
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
    expect(await page.locator('#intake-bar').isVisible()).toBe(true)
    expect(await page.evaluate(() => localStorage.getItem('qd.chat.sessionId'))).toMatch(/^[0-9a-f-]{36}$/)
    expect(await (await ask(page, '13800138000')).textContent()).toContain('通知您')
    expect(await (await ask(page, '跳过')).textContent()).toContain('请核对以下信息')
    const done = await ask(page, '确认')

    ticket.number = (await done.getByTestId('ticket-number').textContent()) ?? ''
    ticket.token = (await done.getByTestId('lookup-token').textContent()) ?? ''
    expect(ticket.number).toMatch(/^QD-\d{8}-\d{4}$/)
    expect(ticket.token).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
    expect(await page.locator('#intake-bar').isHidden()).toBe(true)
    const lookupLink = done.getByRole('link', { name: '查询办理进度' })
    expect(await lookupLink.getAttribute('href')).toBe(`/lookup?number=${ticket.number}`)
    await done.getByRole('button', { name: '复制编号' }).click()
    await done.getByRole('button', { name: '已复制' }).waitFor()
    await screenshot(page, 'journey-chat-ticket-desktop')
    await page.setViewportSize(PHONE)
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(PHONE.width)
    await screenshot(page, 'journey-chat-ticket-phone')
    await page.close()
  })

  it('lets a staff member sign in, find the ticket in the queue, claim it and reply', async () => {
    const page = await open('/staff')
    await page.getByLabel('用户名').fill(agent.username)
    await page.getByLabel('密码').fill('not-the-password')
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor()

    await page.getByLabel('密码').fill(agent.password)
    await page.getByRole('button', { name: '登录' }).click()
    const row = page.locator(`tr[data-number="${ticket.number}"]`)
    await row.waitFor()
    expect(await row.textContent()).toContain('投诉举报')
    expect(await row.textContent()).toContain('王*') // masked in the queue
    expect(await row.locator('.due').textContent()).toMatch(/^剩 /)
    expect(await page.locator('#whoami').textContent()).toContain('张三')
    await screenshot(page, 'journey-staff-queue-desktop')

    await page.getByLabel('优先级').selectOption('high')
    await row.waitFor() // an electric shock is a safety risk: the ticket is high priority
    await page.getByLabel('优先级').selectOption('')

    await row.getByRole('link', { name: ticket.number }).click()
    await page.getByRole('heading', { name: ticket.number }).waitFor()
    expect(await page.locator('.transcript').textContent()).toContain('电热水壶漏电')
    expect(await page.locator('.meta-list').first().textContent()).toContain('13800138000')
    await page.getByRole('button', { name: '认领工单' }).click()
    await page.getByTestId('action-result').filter({ hasText: '已认领' }).waitFor()
    expect(await page.getByTestId('status').first().textContent()).toBe('处理中')

    await page.getByLabel('答复提交人').fill('王女士您好，我们已联系超市，请保留购物小票和水壶，检测人员明天上门。')
    await page.getByRole('button', { name: '发送答复' }).click()
    await page.getByTestId('action-result').filter({ hasText: '答复已发送' }).waitFor()
    expect(await page.getByTestId('thread').textContent()).toContain('检测人员明天上门')
    const audit = await page.locator('.audit').textContent()
    expect(audit).toContain('认领')
    expect(audit).toContain('答复提交人')
    await screenshot(page, 'journey-staff-ticket-desktop')
    await page.setViewportSize(PHONE)
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(PHONE.width)
    await screenshot(page, 'journey-staff-ticket-phone')
    await page.getByRole('button', { name: '退出' }).click()
    await page.getByLabel('用户名').waitFor()
    await page.close()
  })

  it('shows the requester the status and the staff reply on the lookup page', async () => {
    const page = await open(`/lookup?number=${ticket.number}`, PHONE)
    expect(await page.getByLabel('工单编号').inputValue()).toBe(ticket.number)
    // This browser filed the ticket, so the token is filled in and the ticket shown at once.
    expect(await page.getByLabel('查询码').inputValue()).toBe(ticket.token)
    await page.getByTestId('status').waitFor()
    await page.getByLabel('查询码').fill('ABCDEFGH')
    await page.getByRole('button', { name: '查询' }).click()
    await page.getByRole('alert').filter({ hasText: '没有找到该工单' }).waitFor()

    await page.getByLabel('查询码').fill(ticket.token.toLowerCase())
    await page.getByRole('button', { name: '查询' }).click()
    await page.getByTestId('status').waitFor()
    expect(await page.getByTestId('status').textContent()).toBe('处理中')
    expect(await page.locator('.replies').textContent()).toContain('检测人员明天上门')
    expect(await page.locator('#lookup-result').textContent()).toContain('投诉举报')
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(PHONE.width)
    await screenshot(page, 'journey-lookup-result-phone')
    await page.setViewportSize(DESKTOP)
    await screenshot(page, 'journey-lookup-result-desktop')
    await page.close()
  })

  it('gives a supervisor statistics and the 👎 answers to review', async () => {
    const page = await open('/staff')
    await page.getByLabel('用户名').fill(supervisor.username)
    await page.getByLabel('密码').fill(supervisor.password)
    await page.getByRole('button', { name: '登录' }).click()
    await page.locator(`tr[data-number="${ticket.number}"]`).waitFor()
    await page.setViewportSize(PHONE)
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(PHONE.width)
    await screenshot(page, 'journey-staff-queue-phone')
    await page.setViewportSize(DESKTOP)

    await page.getByRole('link', { name: '统计' }).click()
    await page.locator('.stats-cards').waitFor()
    expect(await page.locator('.stats-cards').textContent()).toContain('未办结工单')
    expect(await page.locator('.stat__value').first().textContent()).toBe('1')
    await screenshot(page, 'journey-staff-stats-desktop')

    await page.getByRole('link', { name: '差评回看' }).click()
    const review = page.locator('.review').first()
    await review.waitFor()
    expect(await review.textContent()).toContain('食品经营许可证怎么办？')
    expect(await review.textContent()).toContain('希望能说明许可证的办理入口')
    expect(await review.textContent()).toContain('资料未覆盖')
    await screenshot(page, 'journey-staff-feedback-desktop')
    await page.close()
  })

  it('met no script errors, CSP violations or failed requests on any page', () => {
    expect(problems).toEqual([])
  })
})
