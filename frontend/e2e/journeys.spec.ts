import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { BASE_URL, expectNoPageErrors, expectRefusal, launchBrowser, login, openPage, screenshot, waitForPath, type Session } from './browser'

let browser: Browser
let current: Session | null = null

beforeAll(async () => {
  browser = await launchBrowser()
})
afterEach(async () => {
  const session = current
  current = null
  // Any uncaught page error or console error fails the journey.
  try {
    if (session) expectNoPageErrors([session])
  } finally {
    await session?.context.close()
  }
})
afterAll(async () => {
  await browser?.close()
})

async function open(viewport?: { width: number; height: number }) {
  current = await openPage(browser, viewport)
  return current.page
}

describe(`journeys against ${BASE_URL}`, () => {
  it('admin (市人社局) lands in /admin and sees 41 region rows plus the city total', async () => {
    const page = await open()
    await login(page, 'admin')
    await waitForPath(page, '/admin')
    await page.locator('[data-testid="admin-shell"]').waitFor()
    await expect.poll(() => page.locator('[data-testid="user-role"]').textContent()).toContain('市人社局管理员')
    await page.locator('[data-testid="targets-table"]').waitFor()
    expect(await page.locator('[data-testid="region-row"]').count()).toBe(41)
    const total = page.locator('[data-testid="total-row"]')
    expect(await total.count()).toBe(1)
    expect(await total.textContent()).toContain('全市合计')
    await expect.poll(() => page.locator('.el-menu-item').allTextContents()).toEqual(
      expect.arrayContaining(['首页', '年度计划导入', '审计日志']),
    )
    await screenshot(page, 'admin-home')
  })

  it('wanzhou (区县管理员) sees exactly the 万州区 row and no city total', async () => {
    const page = await open()
    await login(page, 'wanzhou')
    await waitForPath(page, '/admin')
    await page.locator('[data-testid="admin-shell"]').waitFor()
    await page.locator('[data-testid="targets-table"]').waitFor()
    const rows = page.locator('[data-testid="region-row"]')
    expect(await rows.count()).toBe(1)
    expect(await rows.first().textContent()).toContain('万州区')
    expect(await page.locator('[data-testid="total-row"]').count()).toBe(0)
    expect(await page.locator('[data-testid="user-role"]').textContent()).toContain('区县管理员')
    // City-only pages are neither offered nor reachable.
    expect(await page.locator('.el-menu-item', { hasText: '审计日志' }).count()).toBe(0)
    await screenshot(page, 'wanzhou-home')
  })

  it('jiaowei (市级部门) lands in the governance terminal', async () => {
    const page = await open()
    await login(page, 'jiaowei')
    await waitForPath(page, '/admin')
    await page.locator('[data-testid="admin-shell"]').waitFor()
    expect(await page.locator('[data-testid="user-role"]').textContent()).toContain('市级部门')
    await page.locator('[data-testid="admin-home"]').waitFor()
    await screenshot(page, 'jiaowei-home')
  })

  it('base_demo lands in /base with the workbench and the departments table', async () => {
    const page = await open()
    await login(page, 'base_demo')
    await waitForPath(page, '/base')
    await page.locator('[data-testid="base-shell"]').waitFor()
    expect(await page.locator('[data-testid="base-welcome"]').textContent()).toContain('见习基地工作台')
    await page.locator('[data-testid="departments-table"] .el-table__row').first().waitFor()
    expect(await page.locator('[data-testid="departments-table"] .el-table__row').count()).toBeGreaterThan(0)
    await screenshot(page, 'base-home')
  })

  it('youth_demo on a 390×844 phone lands in /youth with the tabbar and no horizontal overflow', async () => {
    const page = await open({ width: 390, height: 844 })
    await login(page, 'youth_demo')
    await waitForPath(page, '/youth')
    await page.locator('[data-testid="youth-home"]').waitFor()
    const tabbar = page.locator('[data-testid="youth-tabbar"]')
    await tabbar.waitFor()
    expect(await tabbar.isVisible()).toBe(true)
    for (const label of ['首页', '岗位', '我的']) {
      expect(await tabbar.textContent()).toContain(label)
    }
    expect(await page.locator('[data-testid="youth-policy"]').textContent()).toContain('见习政策')
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(scrollWidth).toBeLessThanOrEqual(390)
    expect(await tabbar.locator('.van-tabbar-item--active').allTextContents()).toEqual(['首页'])
    await screenshot(page, 'youth-home')

    await tabbar.getByText('我的').click()
    await waitForPath(page, '/youth/me')
    await page.locator('[data-testid="youth-me"]').waitFor()
    expect(await tabbar.locator('.van-tabbar-item--active').allTextContents()).toEqual(['我的'])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await screenshot(page, 'youth-me')
  })

  it('a BASE user who opens /admin gets the 403 page', async () => {
    const page = await open()
    await login(page, 'base_demo')
    await waitForPath(page, '/base')
    await page.goto(`${BASE_URL}/admin`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-testid="forbidden-page"]').waitFor()
    expect(new URL(page.url()).pathname).toBe('/403')
    expect(await page.locator('[data-testid="forbidden-page"]').textContent()).toContain('无权访问')
    await screenshot(page, 'base-forbidden')
  })

  it('a wrong password shows the server’s error and stays on /login', async () => {
    const page = await open()
    expectRefusal(current!, 401, '/api/auth/login', 'POST')
    await login(page, 'youth_demo', 'definitely-wrong-password')
    const error = page.locator('[data-testid="login-error"]')
    await error.waitFor()
    expect((await error.textContent())?.trim().length ?? 0).toBeGreaterThan(0)
    expect(new URL(page.url()).pathname).toBe('/login')
    await screenshot(page, 'login-wrong-password')
    // Then the right password works (and resets the failure count towards the lockout).
    await login(page, 'youth_demo')
    await waitForPath(page, '/youth')
  })

  it('logout returns to the login page', async () => {
    const page = await open()
    await login(page, 'jiaowei')
    await waitForPath(page, '/admin')
    await page.locator('[data-testid="logout"]').click()
    await waitForPath(page, '/login')
    await page.goto(`${BASE_URL}/admin`, { waitUntil: 'domcontentloaded' })
    await waitForPath(page, '/login')
    await screenshot(page, 'after-logout')
  })
})
