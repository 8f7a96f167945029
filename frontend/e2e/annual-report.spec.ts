import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { BASE_URL, expectNoPageErrors, launchBrowser, login, openPage, screenshot, waitForPath, type Session } from './browser'
// The plan's journey runs first, in this file: a district sets its milestones and the dashboard flags a column
// behind (plan-progress.steps.ts); then the district submits its annual report and the city accepts it (below).
import './plan-progress.steps'

// The annual implementation report as a submission, in order: wanzhou fills in the narrative of 万州区's
// report and submits it; the city admin finds it waiting in the submission overview, opens it and returns it
// with a reason; wanzhou sees the reason, revises and resubmits (version 2); the city admin accepts it, and
// the compiled city report shows 万州区 as accepted; wanzhou's report is then final, and prints.
// It uses 2023 (the plan the migrations load, long over, so open for submission) to leave this year's
// report to other journeys; it changes data, so run it against a throw-away database.

const YEAR = 2023
const URL = `${BASE_URL}/admin/reports/annual?year=${YEAR}`
const REASON = '请补充政策宣讲进校园的场次和服务人数'

let browser: Browser
const sessions: Session[] = []
let district: Page
let city: Page

beforeAll(async () => {
  browser = await launchBrowser()
})
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [n, s] of sessions.entries()) await screenshot(s.page, `annual-failed-${n}`).catch(() => {})
  }
  expectNoPageErrors(sessions)
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

/** The native textarea of an Element Plus field, whether the test id sits on it or on its wrapper. */
const textarea = (scope: Page | Locator, id: string) => scope.locator(`textarea[data-testid="${id}"], [data-testid="${id}"] textarea`).first()
const status = (scope: Page | Locator) => scope.locator('[data-testid="annual-status"]').getAttribute('data-status')

async function signIn(username: string): Promise<Page> {
  const page = await open()
  await login(page, username)
  await waitForPath(page, '/admin')
  // The home page settles its ?year= query first; only then navigate.
  await page.locator('[data-testid="targets-table"]').waitFor()
  return page
}

async function openReport(page: Page) {
  await page.goto(URL, { waitUntil: 'domcontentloaded' })
  await page.locator('[data-testid="annual-report-page"]').waitFor()
}

describe(`annual report submission against ${BASE_URL}`, () => {
  it('wanzhou fills in the narrative and submits 万州区’s annual report', async () => {
    district = await signIn('wanzhou')
    await openReport(district)
    await expect.poll(() => status(district)).toBe('DRAFT')
    await textarea(district, 'annual-narrative-work').fill('全年新增备案见习基地，募集见习岗位，开展供需对接活动。')
    await textarea(district, 'annual-narrative-problems').fill('部分基地留用率偏低。')
    await textarea(district, 'annual-narrative-next').fill('扩大重点企业基地覆盖，按月倒排岗位募集进度。')
    await screenshot(district, 'annual-district-draft')
    await district.locator('[data-testid="annual-submit"]').click()
    await expect.poll(() => status(district)).toBe('SUBMITTED')
    expect(await district.locator('[data-testid="annual-submit"]').count()).toBe(0)
    expect(await district.locator('[data-testid="annual-narrative"]').textContent()).toContain('部分基地留用率偏低。')
  })

  it('the city admin finds it waiting and returns it with a reason', async () => {
    city = await signIn('admin')
    await openReport(city)
    const row = city.locator('[data-testid="annual-row-500101"]')
    await expect.poll(() => row.getAttribute('data-status')).toBe('SUBMITTED')
    expect(await city.locator('[data-testid="annual-counts"]').textContent()).toContain('共 41 个区县')
    await city.locator('[data-testid="annual-open-500101"]').click()
    const drawer = city.locator('[data-testid="annual-drawer"]')
    await expect.poll(() => status(drawer)).toBe('SUBMITTED')
    await drawer.locator('[data-testid="annual-return"]').click()
    const dialog = city.locator('.el-dialog', { hasText: '退回年度报告' })
    await textarea(dialog, 'reject-reason').fill(REASON)
    await dialog.locator('[data-testid="reject-confirm"]').click()
    await expect.poll(() => status(drawer)).toBe('RETURNED')
    await expect.poll(() => row.getAttribute('data-status')).toBe('RETURNED')
    await screenshot(city, 'annual-city-returned')
  })

  it('wanzhou sees the reason, revises the narrative and resubmits', async () => {
    await openReport(district)
    await expect.poll(() => status(district)).toBe('RETURNED')
    expect(await district.locator('[data-testid="annual-return-reason"]').textContent()).toContain(REASON)
    // The returned narrative is there to revise, not to retype.
    const work = textarea(district, 'annual-narrative-work')
    expect(await work.inputValue()).toBe('全年新增备案见习基地，募集见习岗位，开展供需对接活动。')
    await work.fill('全年新增备案见习基地，募集见习岗位，开展供需对接活动；政策宣讲进校园 4 场，服务青年 300 人。')
    await district.locator('[data-testid="annual-submit"]').click()
    await expect.poll(() => status(district)).toBe('SUBMITTED')
    expect(await district.locator('[data-testid="annual-status"]').textContent()).toContain('第 2 版')
  })

  it('the city admin accepts it and the compiled report shows 万州区 as accepted', async () => {
    await openReport(city)
    const row = city.locator('[data-testid="annual-row-500101"]')
    await expect.poll(() => row.getAttribute('data-status')).toBe('SUBMITTED')
    await city.locator('[data-testid="annual-open-500101"]').click()
    const drawer = city.locator('[data-testid="annual-drawer"]')
    await expect.poll(() => status(drawer)).toBe('SUBMITTED')
    expect(await drawer.locator('[data-testid="annual-narrative"]').textContent()).toContain('政策宣讲进校园 4 场')
    await drawer.locator('[data-testid="annual-accept"]').click()
    await expect.poll(() => status(drawer)).toBe('ACCEPTED')
    expect(await drawer.locator('[data-testid="annual-accept"]').count()).toBe(0)
    await city.keyboard.press('Escape')
    await expect.poll(() => row.getAttribute('data-status')).toBe('ACCEPTED')
    await city.locator('.el-tabs__item', { hasText: '全市汇总' }).click()
    const compiled = city.locator('[data-testid="annual-compiled-500101"]')
    await compiled.waitFor()
    expect(await compiled.textContent()).toContain('已通过')
    expect(await compiled.textContent()).toContain('第 2 版')
    expect(await city.locator('[data-testid="annual-compiled-total"]').textContent()).toContain('合计')
    await screenshot(city, 'annual-city-compiled')
  })

  it('wanzhou’s accepted report is final, prints and exports', async () => {
    await openReport(district)
    await expect.poll(() => status(district)).toBe('ACCEPTED')
    expect(await district.locator('[data-testid="annual-submit"]').count()).toBe(0)
    await district.locator('[data-testid="annual-region-export"]').click()
    await district.locator('.el-message--success', { hasText: '已导出' }).waitFor()
    await district.locator('[data-testid="annual-print"]').click()
    await waitForPath(district, '/admin/reports/annual/print')
    const paper = district.locator('[data-testid="annual-paper"]')
    await paper.waitFor()
    const text = (await paper.textContent()) ?? ''
    expect(text).toContain(`万州区${YEAR}年就业见习年度计划实施情况报告`)
    expect(text).toContain('已通过')
    expect(text).toContain('政策宣讲进校园 4 场')
    await screenshot(district, 'annual-print')
  })
})
