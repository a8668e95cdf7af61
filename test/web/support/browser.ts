import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core'

/** Debian's chromium (`npx playwright install` cannot download browsers here); CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const available = existsSync(CHROMIUM_PATH)

/** Without Chromium the browser tests are skipped locally, but fail in CI (CI=true). */
export const skipBrowserTests = !available && process.env.CI !== 'true'

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export const PHONE = { width: 375, height: 812 }
export const DESKTOP = { width: 1280, height: 860 }
export const SCREENSHOT_DIR = 'test/artifacts/screenshots'

export type Browser = { context: BrowserContext; close: () => Promise<void> }

/** Chromium with a fresh temp profile, removed again on close. */
export async function launchBrowser(): Promise<Browser> {
  if (!available) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM_PATH} (Debian: apt-get install chromium fonts-wqy-microhei). ` +
        'CI=true, so they fail instead of being skipped.',
    )
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'qd-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: DESKTOP,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  context.setDefaultTimeout(10_000)
  return {
    context,
    async close() {
      await context.close()
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/**
 * Problems a page reports: uncaught errors, console errors (a CSP violation is one), and
 * requests that failed. A test asserts the list is empty.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    // Chrome logs every 4xx response as an error; the tests provoke 401s and 404s on purpose.
    const expected = /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())
    if (message.type() === 'error' && !expected) problems.push(`console: ${message.text()} (${page.url()})`)
  })
  page.on('requestfailed', (request) =>
    problems.push(`requestfailed: ${request.url()} ${request.failure()?.errorText}`),
  )
  return problems
}

/**
 * The whole page. The viewport is stretched to the page's height first: a full-page capture
 * otherwise leaves sticky parts (the chat composer) where the small viewport put them.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  if (options.fullPage === false) {
    await page.screenshot({ path })
    return path
  }
  const viewport = page.viewportSize() ?? DESKTOP
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, viewport.height), 4000) })
  await page.screenshot({ path })
  await page.setViewportSize(viewport)
  return path
}

/** The page is no wider than its viewport: no sideways scrolling on a phone. */
export const horizontalOverflow = (page: Page): Promise<{ scrollWidth: number; clientWidth: number }> =>
  page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))

/** Types into the chat box and waits for the streamed answer to finish; returns that answer. */
export async function askInChat(page: Page, message: string): Promise<Locator> {
  const answers = page.locator('.msg--assistant')
  const before = await answers.count()
  await page.getByLabel('您的问题').fill(message)
  await page.getByLabel('您的问题').press('Enter')
  const answer = answers.nth(before)
  await answer.and(page.locator('[aria-busy="false"]')).waitFor()
  return answer
}

/** A new tab at `url`, once its script is ready; what went wrong in it lands in `problems` when it closes. */
export async function openPage(browser: Browser, url: string, problems: string[], viewport = DESKTOP): Promise<Page> {
  const page = await browser.context.newPage()
  const seen = watchProblems(page)
  page.on('close', () => problems.push(...seen))
  await page.setViewportSize(viewport)
  await page.goto(url)
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
  return page
}
