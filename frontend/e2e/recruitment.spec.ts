import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { BASE_URL, expectNoPageErrors, launchBrowser, login, openPage, screenshot, waitForPath, type Session, pick } from './browser'
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '../src/shared/creditCode'

// Recruitment journeys, in order: a base publishes a position, the district approves it while its live
// dashboard is open elsewhere, a youth finds it, and the public self-registration page.

let browser: Browser
const sessions: Session[] = []
const stamp = Date.now().toString(36).toUpperCase()
const title = `e2e见习岗位${stamp}`
let positionId = 0

beforeAll(async () => {
  browser = await launchBrowser()
})
// Any uncaught page error or console error fails the journey.
afterEach(() => expectNoPageErrors(sessions))
afterAll(async () => {
  for (const s of sessions) await s.context.close().catch(() => {})
  await browser?.close()
})

async function open(viewport?: { width: number; height: number }): Promise<Page> {
  const s = await openPage(browser, viewport)
  sessions.push(s)
  return s.page
}

async function achieved(page: Page): Promise<number> {
  const text = await page.locator('[data-testid="dashboard-positions-achieved"]').textContent()
  return Number(text?.trim())
}

describe(`recruitment journeys against ${BASE_URL}`, () => {
  it('base_demo creates a position (headcount 5) and submits it for review', async () => {
    const page = await open()
    await login(page, 'base_demo')
    await waitForPath(page, '/base')
    await page.locator('.el-menu-item', { hasText: '岗位管理' }).click()
    await waitForPath(page, '/base/positions')
    await page.locator('[data-testid="base-position-table"]').waitFor()
    const create = page.locator('[data-testid="position-create"]')
    await expect.poll(() => create.isEnabled()).toBe(true)
    await create.click()

    const form = page.locator('[data-testid="position-form"]')
    await form.waitFor()
    await form.locator('input[data-testid="pos-title"]').fill(title)
    await pick(page, '[data-testid="pos-category"]', '技术技能类')
    await form.locator('[data-testid="pos-headcount"] input').fill('5')
    await form.locator('[data-testid="pos-headcount"] input').press('Tab')
    await form.locator('[data-testid="pos-allowance"] input').fill('2200')
    await form.locator('[data-testid="pos-allowance"] input').press('Tab')
    await form.locator('textarea[data-testid="pos-description"]').fill('协助开展设备调试与数据整理，由带教老师一对一指导。')
    await screenshot(page, 'base-position-form')
    await page.locator('[data-testid="pos-save-submit"]').click()

    const row = page.locator('[data-testid="base-position-table"] .el-table__row', { hasText: title })
    await row.first().waitFor()
    await expect.poll(() => row.first().locator('[data-testid="position-status"]').textContent()).toContain('待审核')
    await screenshot(page, 'base-positions')
  })

  it('wanzhou approves it; the open dashboard shows achieved + 5 without reload', async () => {
    // The dashboard in its own browser context (own session), kept open.
    const board = await open()
    await login(board, 'wanzhou')
    await waitForPath(board, '/admin')
    await expect.poll(() => board.locator('.el-menu-item').allTextContents()).toEqual(
      expect.arrayContaining(['首页', '募集看板']),
    )
    const menu = await board.locator('.el-menu-item').allTextContents()
    expect(menu.slice(0, 2).map((s) => s.trim())).toEqual(['首页', '募集看板'])
    await board.locator('.el-menu-item', { hasText: '募集看板' }).click()
    await waitForPath(board, '/admin/dashboard')
    await board.locator('[data-testid="dashboard-positions-achieved"]').waitFor()
    await expect.poll(() => board.locator('[data-testid="dashboard-live"]').textContent(), { timeout: 15_000 }).toContain('实时')
    const before = await achieved(board)
    expect(Number.isInteger(before)).toBe(true)
    let navigations = 0
    board.on('framenavigated', (f) => {
      if (f === board.mainFrame()) navigations++
    })
    await screenshot(board, 'dashboard-before')

    // The review queue in another context.
    const review = await open()
    await login(review, 'wanzhou')
    await waitForPath(review, '/admin')
    await review.goto(`${BASE_URL}/admin/position-review`, { waitUntil: 'domcontentloaded' })
    await review.locator('[data-testid="position-review"]').waitFor()
    await review.locator('input[data-testid="position-keyword"]').fill(title)
    await review.locator('[data-testid="position-search"]').click()
    const row = review.locator('[data-testid="position-table"] .el-table__row', { hasText: title })
    await row.first().waitFor()
    await row.first().locator('[data-testid="position-approve"]').click()
    await review.locator('.el-message-box .el-button--primary').click()
    await review.locator('.el-message--success').first().waitFor()
    await screenshot(review, 'position-approved')

    await expect
      .poll(() => achieved(board), { timeout: 10_000, interval: 250 })
      .toBe(before + 5)
    expect(navigations).toBe(0)
    await screenshot(board, 'dashboard-after')
  })

  it('a youth on a 390×844 phone finds the position by keyword and opens its detail', async () => {
    const page = await open({ width: 390, height: 844 })
    await login(page, 'youth_demo')
    await waitForPath(page, '/youth')
    await page.locator('[data-testid="youth-tabbar"]').getByText('岗位').click()
    await waitForPath(page, '/youth/positions')
    await page.locator('[data-testid="position-card"]').first().waitFor()
    const search = page.locator('[data-testid="position-search"] input')
    await search.fill(title)
    await search.press('Enter')
    const card = page.locator('[data-testid="position-card"]', { hasText: title })
    await card.first().waitFor()
    await expect.poll(() => page.locator('[data-testid="position-card"]').count()).toBe(1)
    expect(await card.textContent()).toContain('2,200')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await screenshot(page, 'youth-search')
    await card.click()
    await page.waitForURL((u) => /^\/youth\/positions\/\d+$/.test(u.pathname))
    positionId = Number(new URL(page.url()).pathname.split('/').pop())
    await expect.poll(() => page.locator('[data-testid="position-detail-title"]').textContent()).toBe(title)
    expect(await page.locator('[data-testid="position-detail"]').textContent()).toContain('5 人')
    await screenshot(page, 'youth-position-detail')
  })

  it('the shared link /positions/:id opens without login', async () => {
    expect(positionId).toBeGreaterThan(0)
    const page = await open({ width: 390, height: 844 })
    await page.goto(`${BASE_URL}/positions/${positionId}`, { waitUntil: 'domcontentloaded' })
    await expect.poll(() => page.locator('[data-testid="position-detail-title"]').textContent()).toBe(title)
    expect(new URL(page.url()).pathname).toBe(`/positions/${positionId}`)
    await screenshot(page, 'public-position')
  })

  it('/register/base rejects an invalid credit code at the field, then accepts a valid filing', async () => {
    const page = await open()
    await page.goto(`${BASE_URL}/login`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-testid="register-base-link"]').click()
    await waitForPath(page, '/register/base')
    const credit = page.locator('[data-testid="field-creditCode"]')
    await credit.locator('input').fill('91350100M000100Y44')
    await credit.locator('input').press('Tab')
    await expect.poll(() => credit.locator('.el-form-item__error').textContent()).toContain('校验位')
    await page.locator('[data-testid="filing-submit"]').click()
    expect(new URL(page.url()).pathname).toBe('/register/base')
    expect(await page.locator('[data-testid="register-result"]').count()).toBe(0)
    await screenshot(page, 'register-invalid-credit-code')

    // A fresh valid code: 91 + 500101 + 9 random characters + check character.
    const body = '91500101' + Array.from({ length: 9 }, () => CREDIT_CODE_CHARSET[Math.floor(Math.random() * 31)]).join('')
    const code = body + creditCodeCheckChar(body)
    await credit.locator('input').fill(code)
    await credit.locator('input').press('Tab')
    await expect.poll(() => credit.locator('.el-form-item__error').count()).toBe(0)
    await page.locator('[data-testid="field-employerName"] input').fill(`e2e测试科技有限公司${stamp}`)
    await pick(page, '[data-testid="filing-region"]', '万州区')
    await page.locator('[data-testid="field-industry"] input').fill('软件和信息技术服务业')
    await pick(page, '[data-testid="filing-ownership"]', '民营')
    await page.locator('[data-testid="field-contactName"] input').fill('王测试')
    await page.locator('[data-testid="field-contactPhone"] input').fill('13800138000')
    await page.locator('[data-testid="field-username"] input').fill(`e2e_${stamp.toLowerCase()}`)
    await page.locator('[data-testid="field-password"] input').fill('Jianxi@2024e2e')
    await page.locator('[data-testid="filing-submit"]').click()
    await page.locator('[data-testid="register-result"]').waitFor()
    expect(await page.locator('[data-testid="register-status"]').textContent()).toContain('待审核')
    await screenshot(page, 'register-success')
  })
})
