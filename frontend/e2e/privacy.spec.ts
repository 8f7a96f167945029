import { readFileSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { BASE_URL, expectNoPageErrors, launchBrowser, login, openPage, waitForPath, type Session } from './browser'

// Personal information and the audit log: youth_demo opens 隐私与个人信息 on a phone, reads the consent text,
// looks at what a deletion keeps (without asking) and downloads their data; the city admin checks the
// audit log's integrity and exports it as CSV.

let browser: Browser
const sessions: Session[] = []
const PHONE = { width: 390, height: 844 }

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

describe(`privacy and audit journeys against ${BASE_URL}`, () => {
  it('youth_demo reads the consent text, sees what a deletion keeps and downloads their data', async () => {
    const page = await open(PHONE)
    await login(page, 'youth_demo')
    await waitForPath(page, '/youth')
    await page.goto(`${BASE_URL}/youth/me`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-testid="me-privacy"]').click()
    await waitForPath(page, '/youth/me/privacy')
    await page.locator('[data-testid="privacy-consents"]').waitFor()

    await page.locator('[data-testid="privacy-current-text"]').click()
    const text = page.locator('[data-testid="privacy-text"]')
    await expect.poll(() => text.textContent()).toContain('敏感个人信息处理单独同意书')
    expect(await text.textContent()).toContain('第二十九条')
    await page.locator('.van-popup:visible .van-popup__close-icon').click()
    await text.waitFor({ state: 'hidden' })

    await page.locator('[data-testid="privacy-ask"]').click()
    const ask = page.locator('[data-testid="privacy-ask-popup"]')
    await expect.poll(() => ask.locator('[data-testid="privacy-retention"]').textContent()).toContain('30 年')
    expect(await ask.textContent()).toContain('补贴申领和拨付记录')
    await page.locator('.van-popup:visible .van-popup__close-icon').click()
    await ask.waitFor({ state: 'hidden' })

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="privacy-download"]').click(),
    ])
    expect(download.suggestedFilename()).toBe('jianxi-my-data.json')
    const data = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      profile: { name: string; idNumber: string }
      account: { username: string }
      auditTrail: { action: string }[]
    }
    expect(data.account.username).toBe('youth_demo')
    expect(data.profile.idNumber).toMatch(/^\d{17}[\dX]$/)
    expect(data.auditTrail.map((a) => a.action)).toContain('PERSONAL_DATA_EXPORTED')
  })

  it('the city admin checks the audit log and exports it', async () => {
    const page = await open()
    await login(page, 'admin')
    await waitForPath(page, '/admin')
    await page.locator('[data-testid="targets-table"]').waitFor()
    await page.locator('.el-menu-item', { hasText: '审计日志' }).click()
    await waitForPath(page, '/admin/audit')
    await page.locator('[data-testid="audit-table"]').waitFor()

    await page.locator('[data-testid="audit-verify"]').click()
    const result = page.locator('[data-testid="audit-verification"]')
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toContain('哈希链完整')
    expect(await result.textContent()).toContain('保存 180 天')

    await page.locator('input[data-testid="audit-action"], [data-testid="audit-action"] input').first().fill('LOGIN_SUCCEEDED')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="audit-export"]').click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^audit-\d{8}-\d{6}\.csv$/)
    const csv = readFileSync(await download.path(), 'utf8')
    const lines = csv.split('\r\n').filter((l) => l)
    expect(lines[0]).toContain('序号,记录编号,时间')
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.slice(1).every((l) => l.includes(',LOGIN_SUCCEEDED,'))).toBe(true)
    await expect.poll(() => page.locator('.el-message--success').first().textContent()).toContain('已导出')
  })
})
