import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTicket } from '../../src/tickets/open-ticket.ts'
import { claimTicket } from '../../src/tickets/ticket-actions.ts'
import { staffAccount, ticketInput } from '../support/tickets.ts'
import {
  type Browser,
  DESKTOP,
  horizontalOverflow,
  launchBrowser,
  PHONE,
  screenshot,
  skipBrowserTests,
  watchProblems,
} from './support/browser.ts'
import { startWebApp, type WebApp } from './support/web-app.ts'

/** Every page on a phone and a desktop: no sideways scrolling, no errors, and a screenshot of each. */
describe.skipIf(skipBrowserTests)('web pages on a phone and a desktop', () => {
  let web: WebApp
  let browser: Browser
  let admin: { username: string; password: string }
  let ticketNumber: string
  const problems: string[] = []

  const ready = (page: Page) => page.waitForFunction(() => document.documentElement.dataset.ready === 'true')

  /**
   * A tab, signed in to the staff console (as an admin, who sees every tab) when `staff` is set:
   * the sign-in is the browser's cookie, so it is made once for the context, or cleared.
   */
  async function newPage(viewport: { width: number; height: number }, staff = false): Promise<Page> {
    if (!staff) await browser.context.clearCookies()
    else if ((await browser.context.cookies(web.baseUrl)).length === 0) {
      const response = await browser.context.request.post(`${web.baseUrl}/api/staff/login`, { data: admin })
      expect(response.status()).toBe(200)
    }
    const page = await browser.context.newPage()
    const seen = watchProblems(page)
    page.on('close', () => problems.push(...seen))
    await page.setViewportSize(viewport)
    return page
  }

  beforeAll(async () => {
    browser = await launchBrowser()
    web = await startWebApp()
    admin = await staffAccount(web.db, '赵主管', 'admin')
    const agent = await staffAccount(web.db, '李四', 'agent')
    // A queue worth looking at: a safety complaint, one already claimed, one long overdue.
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000)
    await openTicket(
      web.db,
      ticketInput({ description: '家里新买的燃气灶点火后有煤气味，商家不给退', phone: '13611112222' }),
    )
    const claimed = await openTicket(
      web.db,
      ticketInput({
        category: 'quality_diagnosis',
        audience: 'enterprise',
        companyName: '上海某某电器有限公司',
        contactName: '陈经理',
        description: '小家电出厂检验不合格率偏高，想请专家做一次质量诊断',
      }),
      { now: daysAgo(1) },
    )
    await claimTicket(web.db, agent.staff, claimed.ticket.number, new Date())
    await openTicket(
      web.db,
      ticketInput({
        category: 'ccc_exemption_help',
        audience: 'enterprise',
        companyName: '浦东某某科技有限公司',
        contactName: '刘女士',
        description: '进口两台样机做研发测试，免办申请材料不知道怎么准备',
      }),
      { now: daysAgo(6) },
    )
    const opened = await openTicket(
      web.db,
      ticketInput({
        category: 'metrology_onsite',
        audience: 'enterprise',
        companyName: '上海浦东某某超市有限公司',
        address: '浦东新区世纪大道100号',
        description: '店里 6 台电子秤需要年检，希望下周二上午上门，联系电话13912345678',
      }),
      {
        transcript: [{ role: 'user', text: '电子秤年检能上门吗？' }],
        sources: [
          {
            docId: 'metrology-verification',
            title: '小商户计量器具强制检定办事指引',
            section: '三、谁来申请，怎么申请',
          },
        ],
      },
    )
    ticketNumber = opened.ticket.number
    const chat = await web.app.inject({ method: 'POST', url: '/api/chat', payload: { message: '电子秤多久检一次？' } })
    const { sessionId, turnId } = chat.json()
    await web.app.inject({
      method: 'POST',
      url: '/api/chat/feedback',
      payload: { sessionId, turnId, rating: 'down', comment: '我问的是电话13800138000那家店' },
    })
  })
  afterAll(async () => {
    await browser?.close()
    await web?.close()
  })

  const pages: { name: string; path: string; staff?: boolean; settled: (page: Page) => Promise<unknown> }[] = [
    { name: 'chat', path: '/', settled: (page) => page.locator('.suggestion').first().waitFor() },
    { name: 'lookup', path: '/lookup', settled: (page) => page.getByLabel('查询码').waitFor() },
    { name: 'documents', path: '/documents', settled: (page) => page.locator('.doc-card').first().waitFor() },
    {
      name: 'document',
      path: '/documents/pudong-quality-month-2023',
      settled: (page) => page.locator('.doc-section').first().waitFor(),
    },
    { name: 'staff-signin', path: '/staff', settled: (page) => page.getByLabel('用户名').waitFor() },
    {
      name: 'staff-queue',
      path: '/staff#/queue',
      staff: true,
      settled: (page) => page.locator('tbody tr').first().waitFor(),
    },
    {
      name: 'staff-ticket',
      path: '/staff#/ticket/',
      staff: true,
      settled: (page) => page.locator('.audit li').first().waitFor(),
    },
    {
      name: 'staff-stats',
      path: '/staff#/stats',
      staff: true,
      settled: (page) => page.locator('.stats-cards').waitFor(),
    },
    {
      name: 'staff-feedback',
      path: '/staff#/feedback',
      staff: true,
      settled: (page) => page.locator('.review').waitFor(),
    },
    {
      name: 'staff-accounts',
      path: '/staff#/accounts',
      staff: true,
      settled: (page) => page.locator('.audit-list li').first().waitFor(),
    },
  ]

  for (const { name, path, staff, settled } of pages) {
    it(`${name}: fits a 375-px phone without sideways scrolling, and a desktop`, async () => {
      const page = await newPage(PHONE, staff)
      await page.goto(`${web.baseUrl}${path}${path.endsWith('/ticket/') ? ticketNumber : ''}`)
      await ready(page)
      await settled(page)
      const phone = await horizontalOverflow(page)
      expect(phone.scrollWidth, `${name} is ${phone.scrollWidth}px wide on a 375-px phone`).toBeLessThanOrEqual(
        PHONE.width,
      )
      await screenshot(page, `${name}-phone`)
      await page.setViewportSize(DESKTOP)
      expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(DESKTOP.width)
      await screenshot(page, `${name}-desktop`)
      await page.close()
    })
  }

  it('staff views mask personal data in lists but show it in the ticket', async () => {
    const page = await newPage(DESKTOP, true)
    await page.goto(`${web.baseUrl}/staff#/feedback`)
    await page.locator('.review').waitFor()
    expect(await page.locator('.review').textContent()).toContain('138****8000')
    expect(await page.locator('.review').textContent()).not.toContain('13800138000')
    await page.goto(`${web.baseUrl}/staff#/queue`)
    const row = page.locator(`tr[data-number="${ticketNumber}"]`)
    await row.waitFor()
    expect(await row.textContent()).toContain('139****5678')
    await row.getByRole('link').click()
    await page.locator('.description').waitFor()
    expect(await page.locator('.description').textContent()).toContain('13912345678')
    expect(await page.locator('.source-list a').getAttribute('href')).toBe('/documents/metrology-verification')
    await page.close()
  })

  it('works from the keyboard: skip link, audience switch, Enter to send, a citation opened and closed', async () => {
    const page = await newPage(PHONE)
    await page.goto(`${web.baseUrl}/`)
    await ready(page)
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要内容')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')

    await page.locator('#audience-citizen').focus()
    await page.keyboard.press('ArrowLeft')
    expect(await page.locator('#audience-enterprise').isChecked()).toBe(true)
    await page.getByRole('button', { name: 'CCC免办需要哪些材料？' }).waitFor()

    await page.getByLabel('您的问题').focus()
    await page.keyboard.type('电子秤多久检一次？')
    await page.keyboard.press('Enter')
    const answer = page.locator('.msg--assistant[aria-busy="false"]')
    await answer.waitFor()
    const cite = answer.locator('.msg__text .cite').first()
    await cite.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog')
    await dialog.locator('mark').waitFor()
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true)
    const dialogBox = await dialog.boundingBox()
    expect(dialogBox?.width).toBeLessThanOrEqual(PHONE.width)
    await screenshot(page, 'chat-citation-phone', { fullPage: false })
    await page.keyboard.press('Escape')
    expect(await dialog.isVisible()).toBe(false)
    expect(await cite.evaluate((button) => button === document.activeElement)).toBe(true)
    await page.close()
  })

  it('says so when a document does not exist', async () => {
    const page = await newPage(DESKTOP)
    await page.goto(`${web.baseUrl}/documents/no-such-doc`)
    await ready(page)
    expect(await page.getByRole('alert').textContent()).toContain('没有找到文件“no-such-doc”')
    await page.close()
  })

  it('serves the API docs at /docs under the same policy without violations', async () => {
    const page = await newPage(DESKTOP)
    await page.goto(`${web.baseUrl}/docs`)
    await page.locator('.swagger-ui .info .title').waitFor()
    expect(await page.locator('.swagger-ui .info .title').textContent()).toContain('quality-desk API')
    await page.locator('.opblock-tag').first().waitFor()
    await page.close()
  })

  it('met no script errors, CSP violations or failed requests on any page', () => {
    expect(problems).toEqual([])
  })
})
