import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { BASE_URL, expectNoPageErrors, launchBrowser, openPage, screenshot, type Session } from './browser'

// The public door on a phone (390×844), never logged in: the login page's link opens 在招岗位; a keyword
// search narrows the list, a card opens the position, its base's public page shows the level and the base's
// open positions; 近期活动 lists what is still to come; no request carries a token.

let browser: Browser
const sessions: Session[] = []
const authorized: string[] = []

beforeAll(async () => {
  browser = await launchBrowser()
})
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [n, s] of sessions.entries()) await screenshot(s.page, `public-door-failed-${n}`).catch(() => {})
  }
  expectNoPageErrors(sessions)
})
afterAll(async () => {
  for (const s of sessions) await s.context.close().catch(() => {})
  await browser?.close()
})

describe('公开入口（手机，未登录）', () => {
  let page: Page

  it('searches published positions without a token', async () => {
    const s = await openPage(browser, { width: 390, height: 844 })
    sessions.push(s)
    page = s.page
    page.on('request', (r) => {
      if (r.url().includes('/api/') && r.headers()['authorization']) authorized.push(r.url())
    })
    await page.goto(`${BASE_URL}/login`)
    await page.locator('[data-testid="public-door-link"]').click()
    await page.locator('[data-testid="public-door"]').waitFor()
    await page.locator('[data-testid="position-card"]').first().waitFor()
    const all = Number((await page.locator('[data-testid="position-count"]').innerText()).replace(/\D/g, ''))
    expect(all).toBeGreaterThan(0)
    // One page on arrival, not the whole catalogue.
    expect(await page.locator('[data-testid="position-card"]').count()).toBeLessThanOrEqual(20)

    const firstTitle = (await page.locator('[data-testid="position-card"] .title, [data-testid="position-card"] h3').first().innerText()).trim()
    const word = firstTitle.slice(0, 2)
    await page.locator('[data-testid="position-search"] input').fill(word)
    await page.locator('[data-testid="position-search-go"]').click()
    await page.waitForFunction(
      (n) => {
        const el = document.querySelector('[data-testid="position-count"]')
        return el && Number(el.textContent?.replace(/\D/g, '')) <= n
      },
      all,
    )
    await page.locator('[data-testid="position-card"]').first().waitFor()
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(390)
  })

  it('opens a position and its base page with the level', async () => {
    await page.locator('[data-testid="position-card"]').first().click()
    await page.locator('[data-testid="public-position"]').waitFor()
    await page.locator('[data-testid="public-position-base"]').click()
    await page.locator('[data-testid="public-base-name"]').waitFor()
    expect((await page.locator('[data-testid="public-base-level"]').innerText()).length).toBeGreaterThan(0)
    await page.locator('[data-testid="public-base-position"]').first().waitFor()
    expect(await page.locator('[data-testid="public-base-count"]').innerText()).toMatch(/在招岗位 [1-9]\d* 个/)
  })

  it('lists the activities still to come', async () => {
    await page.goto(`${BASE_URL}/public`)
    await page.getByRole('tab', { name: '近期活动' }).click()
    await page.locator('[data-testid="public-activity-count"]').waitFor()
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
    for (const d of await page.locator('[data-testid="public-activity"] .date').allInnerTexts()) {
      expect(d >= today).toBe(true)
    }
    expect(authorized).toEqual([])
  })
})
