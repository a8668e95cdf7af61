import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakeOpenAI, startFakeOpenAI } from '../support/fake-openai.ts'
import { intentReply, isAnswerRequest, passageNumber, QUESTION, supported } from '../support/llm-chat.ts'
import { type Browser, launchBrowser, skipBrowserTests, watchProblems } from './support/browser.ts'
import { startWebApp, type WebApp } from './support/web-app.ts'

/**
 * The chat page with a model that writes slowly: its words must appear as they are generated.
 * Asserted on the order of what the page showed, never on timings, so that a loaded machine
 * cannot make it fail.
 */
describe.skipIf(skipBrowserTests)('chat page shows a generated answer as it streams', () => {
  let fake: FakeOpenAI
  let web: WebApp
  let browser: Browser

  beforeAll(async () => {
    fake = await startFakeOpenAI((request) => {
      if (!isAnswerRequest(request)) return intentReply()
      const n = passageNumber(request, '五、怎样申请')
      const [materials, where] = supported(n)
      // The wrong number streams to the page, and is gone from the answer it ends with.
      return { content: `${materials}审核时限为20个工作日[${n}]。${where}`, delayMs: 300, intervalMs: 40 }
    })
    browser = await launchBrowser()
    web = await startWebApp({ env: { LLM_BASE_URL: fake.url, LLM_MODEL: 'fake-model' } })
  })
  afterAll(async () => {
    await browser?.close()
    await web?.close()
    await fake?.close()
  })

  it('renders tokens progressively, then swaps in the checked answer', async () => {
    const page = await browser.context.newPage()
    const problems = watchProblems(page)
    await page.goto(`${web.baseUrl}/`)
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
    // Every text the answer bubble shows, in the order it showed them.
    await page.evaluate(() => {
      const seen: string[] = []
      Object.assign(window, { seen })
      new MutationObserver(() => {
        const bubble = [...document.querySelectorAll('.msg--assistant .msg__text')].at(-1)
        const text = bubble?.textContent ?? ''
        if (text !== seen.at(-1)) seen.push(text)
      }).observe(document.getElementById('log') as HTMLElement, { childList: true, subtree: true, characterData: true })
    })
    await page.getByLabel('您的问题').fill(QUESTION)
    await page.getByLabel('您的问题').press('Enter')
    const answer = page.locator('.msg--assistant').last()
    await answer.and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 30_000 })

    const seen = (await page.evaluate(() => (window as unknown as { seen: string[] }).seen)) as string[]
    const final = await answer.locator('.msg__text').textContent()
    expect(final).toBe(
      supported(1)
        .slice(0, 2)
        .join('')
        .replace(/\[(\d+)\]/g, '$1'),
    )
    const partials = seen.slice(0, seen.lastIndexOf(final as string)).filter((text) => text.startsWith('申请'))
    // Many growing texts, each the start of the next: the words came in as the model wrote them.
    expect(partials.length).toBeGreaterThan(10)
    for (let i = 1; i < partials.length; i++) expect(partials[i]?.startsWith(partials[i - 1] as string)).toBe(true)
    expect(partials.some((text) => text.includes('20个工作日'))).toBe(true)
    expect(final).not.toContain('20个工作日')
    expect(await answer.locator('.msg__text .cite').count()).toBe(2)
    expect(problems).toEqual([])
  })
})
