import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { statSync } from 'node:fs'
import type { Browser, Locator, Page } from 'playwright-core'
import { BASE_URL, launchBrowser, login, openPage, screenshot, waitForPath, type Session } from './browser'

// Monthly reports and activities, in order: wanzhou opens 月报填报 for the previous calendar month, sees the
// indicator 5 violation, enters indicator 5 (indicator 6 + 10, so that 5≥6 holds), the panel empties and
// wanzhou submits; the city admin opens 报送情况, sees 万州区 as 待审核, opens it and accepts, and exports
// Annex 4. Then the city admin records an offline matching event for 万州区 and uploads a PNG record.
// It changes data (a submitted and accepted report), so run it against a throw-away database.

let browser: Browser
const sessions: Session[] = []
const pad = (n: number) => String(n).padStart(2, '0')
const now = new Date()
const prev = new Date(now.getFullYear(), now.getMonth() - 1, 1)
const period = `${prev.getFullYear()}-${pad(prev.getMonth() + 1)}`
const stamp = Date.now().toString(36).toUpperCase()
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)

beforeAll(async () => {
  browser = await launchBrowser()
})
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return
  for (const [n, s] of sessions.entries()) await screenshot(s.page, `reports-failed-${n}`).catch(() => {})
})
afterAll(async () => {
  for (const s of sessions) await s.context.close().catch(() => {})
  await browser?.close()
})

async function open(): Promise<Page> {
  const s = await openPage(browser)
  sessions.push(s)
  return s.page
}

/** The native input of an Element Plus field, whether the test id sits on the input or on its wrapper. */
async function inputOf(field: Locator): Promise<Locator> {
  const tag = await field.first().evaluate((el) => el.tagName)
  return tag === 'INPUT' ? field.first() : field.first().locator('input').first()
}

async function pick(page: Page, select: Locator, label: string): Promise<void> {
  await select.first().click()
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click()
}

const status = (page: Page) => page.locator('[data-testid="report-status"]').getAttribute('data-status')

describe(`monthly report and activity journeys against ${BASE_URL}`, () => {
  it(`wanzhou fills in indicator 5 for ${period} and submits`, async () => {
    const page = await open()
    await login(page, 'wanzhou')
    await waitForPath(page, '/admin')
    // The home page settles its ?year= query first; only then navigate.
    await page.locator('[data-testid="targets-table"]').waitFor()
    await page.locator('.el-menu-item', { hasText: '月报填报' }).click()
    await waitForPath(page, '/admin/reports/monthly')
    await page.locator('[data-testid="report-status"]').waitFor()
    expect(await status(page)).toMatch(/DRAFT|RETURNED/)
    // The previous month is not yet submitted: a reminder or (past the due date) the overdue banner.
    await page.locator('[data-testid="report-reminder"], [data-testid="report-overdue"]').first().waitFor()

    const panel = page.locator('[data-testid="report-violations"]')
    await expect.poll(() => panel.textContent()).toContain('指标5')
    expect(await page.locator('[data-testid="report-submit"]').isDisabled()).toBe(true)

    const six = Number((await page.locator('[data-testid="indicator-6"]').getAttribute('data-value')) || 0)
    const planned = Math.max(six, 0) + 10
    const input = await inputOf(page.locator('[data-testid="indicator-5-input"]'))
    await input.fill(String(planned))
    await input.press('Tab')
    await page.locator('[data-testid="indicator-5-save"]').click()
    await expect.poll(() => panel.getAttribute('data-count'), { timeout: 20_000 }).toBe('0')
    await page.locator('[data-testid="report-violations-ok"]').waitFor()

    const submit = page.locator('[data-testid="report-submit"]')
    await expect.poll(() => submit.isDisabled()).toBe(false)
    await submit.click()
    await (await inputOf(page.locator('[data-testid="submit-filled-by"]'))).fill('张填报')
    await (await inputOf(page.locator('[data-testid="submit-phone"]'))).fill('13800001111')
    await page.locator('[data-testid="submit-confirm"]').click()
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('SUBMITTED')
    expect(await page.locator('[data-testid="report-status"]').textContent()).toContain('待审核')
    expect(await page.locator('[data-testid="report-reminder"]').count()).toBe(0)
    await screenshot(page, 'report-submitted')
  })

  it('admin sees 万州区 pending in 报送情况, accepts it and exports Annex 4', async () => {
    const page = await open()
    await login(page, 'admin')
    await waitForPath(page, '/admin')
    // The home page settles its ?year= query first; only then navigate.
    await page.locator('[data-testid="targets-table"]').waitFor()
    await page.locator('.el-menu-item', { hasText: '报送情况' }).click()
    await waitForPath(page, '/admin/reports/overview')
    const rows = page.locator('[data-testid="overview-table"] .el-table__body-wrapper tbody tr')
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(41)
    const row = rows.filter({ has: page.locator('[data-testid="overview-row-500101"]') })
    await expect.poll(() => row.textContent()).toContain('待审核')
    await screenshot(page, 'report-overview')
    await row.click()
    await waitForPath(page, '/admin/reports/monthly')
    expect(new URL(page.url()).searchParams.get('region')).toBe('500101')
    expect(new URL(page.url()).searchParams.get('period')).toBe(period)
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('SUBMITTED')

    await page.locator('[data-testid="report-accept"]').click()
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('ACCEPTED')
    expect(await page.locator('[data-testid="report-status"]').textContent()).toContain('已通过')
    expect(await page.locator('[data-testid="report-accept"]').count()).toBe(0)

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="export-annex4"]').click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
    const path = await download.path()
    expect(statSync(path).size).toBeGreaterThan(0)
    await screenshot(page, 'report-accepted')
  })

  it('admin records an offline matching event for 万州区 and uploads a PNG record', async () => {
    const page = await open()
    await login(page, 'admin')
    await waitForPath(page, '/admin')
    // The home page settles its ?year= query first; only then navigate.
    await page.locator('[data-testid="targets-table"]').waitFor()
    await page.locator('.el-menu-item', { hasText: '见习活动' }).click()
    await waitForPath(page, '/admin/activities')
    await page.locator('[data-testid="activity-create"]').click()
    const dialog = page.locator('[data-testid="activity-dialog"]')
    await dialog.locator('label', { hasText: '线下对接' }).first().click()
    await pick(page, page.locator('[data-testid="activity-region"]'), '万州区')
    const title = `e2e线下对接会${stamp}`
    await (await inputOf(page.locator('[data-testid="activity-title"]'))).fill(title)
    await (await inputOf(page.locator('[data-testid="activity-organizer"]'))).fill('万州区人力社保局')
    // Without a venue an offline event is refused.
    await page.locator('[data-testid="activity-save"]').click()
    await dialog.locator('.el-form-item__error', { hasText: '地点' }).waitFor()
    await (await inputOf(page.locator('[data-testid="activity-venue"]'))).fill('万州区人力资源市场')
    await (await inputOf(page.locator('[data-testid="activity-bases"]'))).fill('12')
    await (await inputOf(page.locator('[data-testid="activity-positions"]'))).fill('80')
    await page.locator('[data-testid="activity-save"]').click()

    const drawer = page.locator('[data-testid="activity-drawer"]')
    await drawer.locator('[data-testid="attachment-table"]').waitFor()
    await expect.poll(() => drawer.textContent()).toContain('万州区人力资源市场')
    await pick(page, page.locator('[data-testid="attachment-kind"]'), '照片')
    await page.locator('[data-testid="attachment-file"]').setInputFiles({ name: 'sign-photo.png', mimeType: 'image/png', buffer: PNG })
    await page.locator('[data-testid="attachment-upload"]').click()
    const attRows = drawer.locator('[data-testid="attachment-table"] .el-table__body-wrapper tbody tr')
    await expect.poll(() => attRows.count(), { timeout: 20_000 }).toBe(1)
    expect(await attRows.first().textContent()).toContain('sign-photo.png')
    expect(await attRows.first().textContent()).toContain('照片')
    expect(await page.locator('[data-testid="attachment-error"]').count()).toBe(0)

    // A file that is not what it says it is: refused by content.
    await page.locator('[data-testid="attachment-file"]').setInputFiles({
      name: 'fake.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not really an image'),
    })
    await page.locator('[data-testid="attachment-upload"]').click()
    await page.locator('[data-testid="attachment-error"]').waitFor()
    expect(await attRows.count()).toBe(1)
    await screenshot(page, 'activity-attachment')

    // The event is listed.
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('[data-testid="activity-table"]').textContent()).toContain(title)
  })
})
