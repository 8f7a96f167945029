import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { statSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { BASE_URL, expectNoPageErrors, launchBrowser, login, openPage, screenshot, waitForPath, type Session, pick } from './browser'

// Go-live history import, as 万州区 (wanzhou, DISTRICT_ADMIN of 500101): opens 历史数据导入, downloads the
// template, imports a CSV of the 见习基地 sheet with one base approved last month (新增 1 行), imports the same
// file again (未变 1 行), then a file with a bad date (the violation table names its row, nothing is
// imported). Finally the live monthly report of last month counts the district's bases (indicator 1).
// It writes data (a migrated base), so run it against a throw-away database.

let browser: Browser
let page: Page
const sessions: Session[] = []
const pad = (n: number) => String(n).padStart(2, '0')
const now = new Date()
const prev = new Date(now.getFullYear(), now.getMonth() - 1, 1)
const period = `${prev.getFullYear()}-${pad(prev.getMonth() + 1)}`
const approvedOn = `${period}-10`
const stamp = Date.now().toString(36).toUpperCase()

// GB 32100-2015: 17 characters from the 31-character set, then the check character over them.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
function creditCode(): string {
  let first17 = '91500101'
  while (first17.length < 17) first17 += ALPHABET[Math.floor(Math.random() * ALPHABET.length)]
  const sum = [...first17].reduce((s, ch, i) => s + ALPHABET.indexOf(ch) * WEIGHTS[i]!, 0)
  return first17 + ALPHABET[(31 - (sum % 31)) % 31]
}

const HEADER = '统一社会信用代码,单位名称,所属行业,单位性质,联系人,备案通过日期,撤销日期,撤销原因'
const csv = (...rows: string[]) => Buffer.from([HEADER, ...rows].join('\r\n') + '\r\n', 'utf8')
const goodFile = {
  name: 'wanzhou-legacy.csv',
  mimeType: 'text/csv',
  buffer: csv(`${creditCode()},e2e历史基地${stamp},软件和信息技术服务业,民营,周联系,${approvedOn},,`),
}
const badFile = {
  name: 'wanzhou-legacy-bad.csv',
  mimeType: 'text/csv',
  buffer: csv(
    `${creditCode()},e2e历史基地甲${stamp},批发和零售业,国有,钱联系,${approvedOn},,`,
    `${creditCode()},e2e历史基地乙${stamp},批发和零售业,民营,孙联系,${prev.getFullYear()}-13-45,,`,
  ),
}

beforeAll(async () => {
  browser = await launchBrowser()
})
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [n, s] of sessions.entries()) await screenshot(s.page, `history-failed-${n}`).catch(() => {})
  }
  // Any uncaught page error or console error fails the journey.
  expectNoPageErrors(sessions)
})
afterAll(async () => {
  for (const s of sessions) await s.context.close().catch(() => {})
  await browser?.close()
})

const text = (selector: string) => page.locator(selector).first().textContent()

async function submit(file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.locator('[data-testid="history-file"] input[type="file"]').setInputFiles(file)
  await page.locator('[data-testid="history-file"] .el-upload-list__item', { hasText: file.name }).first().waitFor()
  await page.locator('[data-testid="history-submit"]').click()
}

describe(`history import journey against ${BASE_URL}`, () => {
  it('wanzhou opens 历史数据导入 and downloads the template', async () => {
    const s = await openPage(browser)
    sessions.push(s)
    page = s.page
    await login(page, 'wanzhou')
    await waitForPath(page, '/admin')
    // The home page settles its ?year= query first; only then navigate.
    await page.locator('[data-testid="targets-table"]').waitFor()
    await page.locator('.el-menu-item', { hasText: '历史数据导入' }).click()
    await waitForPath(page, '/admin/history-import')
    expect(await text('[data-testid="history-intro"]')).toContain('任何一行有误整份不导入')
    // A district imports into its own region only.
    // The region's name arrives with the region list; wait for it rather than read the code shown before.
    await page.locator('[data-testid="history-region-fixed"]', { hasText: '万州' }).waitFor({ timeout: 10_000 })
    expect(await page.locator('[data-testid="history-region"]').count()).toBe(0)

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="history-template"]').click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
    expect(statSync(await download.path()).size).toBeGreaterThan(0)
  })

  it('imports a CSV of 见习基地 (新增 1 行), and the same file again (未变 1 行)', async () => {
    await submit(goodFile)
    // A CSV holds one sheet: the page asks which before sending it.
    await expect.poll(() => text('[data-testid="history-error"]')).toContain('请选择是哪张表')
    await pick(page, '[data-testid="history-sheet"]', '见习基地')
    await page.locator('[data-testid="history-submit"]').click()
    await page.locator('[data-testid="history-summary"]').waitFor({ timeout: 30_000 })
    expect(await text('[data-testid="history-summary"]')).toContain('新增 1 行、未变 0 行')
    const rows = page.locator('[data-testid="history-rows"] .el-table__body-wrapper tbody tr')
    await expect.poll(() => rows.count()).toBe(1)
    const first = (await rows.first().textContent()) ?? ''
    expect(first).toContain('见习基地')
    expect(first).toContain('新增')
    expect(first).toMatch(/\d+\s*$/)
    await screenshot(page, 'history-imported')

    await submit(goodFile)
    await expect.poll(() => text('[data-testid="history-summary"]'), { timeout: 30_000 }).toContain('新增 0 行、未变 1 行')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.first().textContent()).toContain('未变')
  })

  it('refuses a file with a bad date: every violation by row, nothing imported', async () => {
    await submit(badFile)
    const alert = page.locator('[data-testid="history-nothing-imported"]')
    await alert.waitFor({ timeout: 30_000 })
    expect(await alert.textContent()).toContain('整份未导入')
    expect(await page.locator('[data-testid="history-summary"]').count()).toBe(0)
    const rows = page.locator('[data-testid="history-violations"] .el-table__body-wrapper tbody tr')
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(1)
    const all = (await rows.allTextContents()).join('\n')
    expect(await page.locator('[data-testid="history-violations"] [data-testid="violation-row"]').allTextContents()).toContain('3')
    expect(all).toContain('备案通过日期')
    expect(all).toContain('日期格式')
    await screenshot(page, 'history-refused')
  })

  it(`the live monthly report of ${period} shows 本期末实有见习单位总数 ≥ 1`, async () => {
    await page.locator('.el-menu-item', { hasText: '月报填报' }).click()
    await waitForPath(page, '/admin/reports/monthly')
    await page.locator('[data-testid="report-status"]').waitFor()
    expect(new URL(page.url()).searchParams.get('period')).toBe(period)
    const row = page.locator('[data-testid="annex4-table"] .el-table__body-wrapper tbody tr', { hasText: '本期末实有见习单位总数' })
    await row.first().waitFor()
    const value = Number((await row.first().locator('[data-testid="indicator-1"]').getAttribute('data-value')) || 0)
    expect(value).toBeGreaterThanOrEqual(1)
  })
})
