import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { statSync } from 'node:fs'
import type { Browser, Locator, Page } from 'playwright-core'
import { BASE_URL, expectNoPageErrors, launchBrowser, login, openPage, screenshot, waitForPath, type Session, apiToken, registerYouthByApi, pick } from './browser'
import { makeResidentId } from '../src/shared/residentId'

// Monthly reports and activities, in order: wanzhou records an internship arranged offline whose intern
// arrived last month (back-dated, with a reason), opens 月报填报 for last month, sees 本期实际到岗 ≥ 1 and the
// reconciliation of interns on post, and submits; the city admin opens 报送情况, sees 万州区 as 待审核,
// accepts it and exports Annex 4. A late entry (a second offline internship back-dated into last month)
// makes the page show 提交后记录有变化; wanzhou submits a correction with its reason, the city admin
// accepts it, sees the reason in the history and closes the city's month. Then the city admin records an
// offline matching event for 万州区 and uploads a PNG record.
// It changes data (submitted and accepted reports), so run it against a throw-away database.

let browser: Browser
const sessions: Session[] = []
const pad = (n: number) => String(n).padStart(2, '0')
const iso = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
const now = new Date()
const prev = new Date(now.getFullYear(), now.getMonth() - 1, 1)
const period = `${prev.getFullYear()}-${pad(prev.getMonth() + 1)}`
const startDate = iso(prev)
const arrivedOn = iso(new Date(prev.getFullYear(), prev.getMonth(), 3))
const stamp = Date.now().toString(36).toUpperCase()
const title = `e2e线下见习岗位${stamp}`
const GIVEN = '安宁和平清远明德'
const pickName = (family: string) =>
  `${family}${GIVEN[Math.floor(Math.random() * 8)]}${GIVEN[Math.floor(Math.random() * 8)]}${GIVEN[Math.floor(Math.random() * 8)]}`
const youthNames = [pickName('孙'), pickName('李')]
const youthIds: number[] = []
let positionId = 0
let baseId = 0
let baseName = ''
let i6Submitted = 0
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)

beforeAll(async () => {
  browser = await launchBrowser()
})
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [n, s] of sessions.entries()) await screenshot(s.page, `reports-failed-${n}`).catch(() => {})
  }
  // Any uncaught page error or console error fails the journey.
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function call(token: string | null, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  expect(res.ok, `${method} ${path} → ${res.status} ${text}`).toBe(true)
  return text ? JSON.parse(text) : {}
}

/** The native input of an Element Plus field, whether the test id sits on the input or on its wrapper. */
async function inputOf(field: Locator): Promise<Locator> {
  const tag = await field.first().evaluate((el) => el.tagName)
  return tag === 'INPUT' ? field.first() : field.first().locator('input').first()
}

/** Types a date into an Element Plus date picker and closes its calendar by clicking `away`. */
async function setDate(field: Locator, value: string, away: Locator): Promise<void> {
  const input = await inputOf(field)
  await input.fill(value)
  await input.press('Enter')
  await away.click()
  await expect.poll(() => input.inputValue()).toBe(value)
}

const status = (page: Page) => page.locator('[data-testid="report-status"]').getAttribute('data-status')
const indicator = async (page: Page, no: number) =>
  Number((await page.locator(`[data-testid="indicator-${no}"]`).getAttribute('data-value')) || 0)

async function openReport(page: Page) {
  await page.locator('.el-menu-item', { hasText: '月报填报' }).click()
  await waitForPath(page, '/admin/reports/monthly')
  await page.locator('[data-testid="report-status"]').waitFor()
  expect(new URL(page.url()).searchParams.get('period')).toBe(period)
}

async function fillSubmit(page: Page) {
  await (await inputOf(page.locator('[data-testid="submit-filled-by"]'))).fill('张填报')
  await (await inputOf(page.locator('[data-testid="submit-phone"]'))).fill('13800001111')
}

describe(`monthly report and activity journeys against ${BASE_URL}`, () => {
  it('setup: two registered young people and a position at base_demo (API)', async () => {
    const baseToken = await apiToken('base_demo')
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
    const p = await call(baseToken, 'POST', '/api/positions', {
      title,
      category: 'TECHNICAL',
      headcount: 3,
      education: 'ANY',
      majors: '会计学',
      description: '协助开展财务数据整理与报表编制，由带教老师一对一指导。',
      regionCode: '500101',
      monthlyAllowance: 2100,
      durationMonths: 6,
      deadline,
    })
    positionId = p.id
    baseId = p.baseId
    baseName = p.baseName
    await call(baseToken, 'POST', `/api/positions/${p.id}/submit`)
    const wanzhou = await apiToken('wanzhou')
    expect((await call(wanzhou, 'POST', `/api/positions/${p.id}/approve`)).status).toBe('PUBLISHED')
    for (const [n, name] of youthNames.entries()) {
      const username = `r${n}_${stamp.toLowerCase()}`
      const password = 'Jianxi@2024r'
      await registerYouthByApi({
        profile: {
          name,
          idNumber: makeResidentId('500101', `${now.getFullYear() - 23}-0${n + 3}-1${n}`, 100 + Math.floor(Math.random() * 900)),
          phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
          regionCode: '500101',
          education: 'BACHELOR',
          school: '重庆三峡学院',
          major: '会计学',
          // A graduate of last year: within two years of leaving school throughout last month.
          graduationDate: `${now.getFullYear() - 1}-06-30`,
          currentStatus: 'UNEMPLOYED',
          internshipIntention: true,
          trainingIntention: false,
          preferredRegions: ['500101'],
          preferredCategories: ['TECHNICAL'],
        },
        username,
        password,
      })
      const me = await call(await apiToken(username, password), 'GET', '/api/youth/me')
      youthIds.push(me.id)
    }
    expect(youthIds).toHaveLength(2)
  })

  it(`wanzhou records an offline internship that arrived in ${period} (back-dated with a reason)`, async () => {
    const page = await open()
    await login(page, 'wanzhou')
    await waitForPath(page, '/admin')
    // The home page settles its ?year= query first; only then navigate.
    await page.locator('[data-testid="targets-table"]').waitFor()
    await page.locator('.el-menu-item', { hasText: '见习管理' }).click()
    await waitForPath(page, '/admin/internships')
    await page.locator('[data-testid="offline-open"]').click()
    const dialog = page.locator('[data-testid="offline-dialog"]')
    const away = dialog.locator('.el-dialog__title')
    // The young person from the registry, searched by name.
    await pick(page, '[data-testid="offline-youth"]', youthNames[0]!, youthNames[0]!)
    await pick(page, page.locator('[data-testid="offline-base"]'), baseName)
    await pick(page, page.locator('[data-testid="offline-position"]'), title)
    await expect.poll(() => dialog.locator('input[data-testid="offline-monthlyAllowance"]').inputValue()).toBe('2100.00')
    await dialog.locator('input[data-testid="offline-mentorName"]').fill('吴带教')
    await dialog.locator('textarea[data-testid="offline-reason"]').fill('线下招聘会安排，补录到岗')
    // Before 1 January of the previous year: the server refuses and the field shows why.
    await setDate(dialog.locator('[data-testid="offline-startDate"]'), `${now.getFullYear() - 2}-03-01`, away)
    await page.locator('[data-testid="offline-save"]').click()
    await expect.poll(() => dialog.locator('.el-form-item__error').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('只能补录本年度和上一年度')]),
    )
    await screenshot(page, 'offline-backdating-error')
    await setDate(dialog.locator('[data-testid="offline-startDate"]'), startDate, away)
    await setDate(dialog.locator('[data-testid="offline-arrivedOn"]'), arrivedOn, away)
    await page.locator('[data-testid="offline-save"]').click()
    await dialog.waitFor({ state: 'hidden' })
    const row = page.locator('[data-testid="admin-internship-table"] .el-table__row', { hasText: youthNames[0]! })
    await row.first().waitFor()
    expect(await row.textContent()).toContain('在岗')
    expect(await row.textContent()).toContain('区县补录')
    expect(await row.locator('[data-testid="admin-internship-arrivedOn"]').textContent()).toBe(arrivedOn)
    await screenshot(page, 'offline-recorded')
  })

  it(`wanzhou opens the ${period} report, sees the arrival and submits`, async () => {
    const page = sessions[0]!.page
    await openReport(page)
    expect(await status(page)).toMatch(/DRAFT|RETURNED/)
    // The previous month is not yet submitted: a reminder or (past the due date) the overdue banner.
    await page.locator('[data-testid="report-reminder"], [data-testid="report-overdue"]').first().waitFor()
    // Indicator 5 is counted from the records, not entered.
    expect(await page.locator('[data-testid="indicator-5-input"]').count()).toBe(0)
    i6Submitted = await indicator(page, 6)
    expect(i6Submitted).toBeGreaterThanOrEqual(1)
    expect(await indicator(page, 5)).toBeGreaterThanOrEqual(i6Submitted)
    const recon = page.locator('[data-testid="report-reconciliation"]')
    await recon.waitFor()
    expect(Number(await recon.locator('[data-testid="recon-arrivals"]').textContent())).toBeGreaterThanOrEqual(1)
    await page.locator('[data-testid="report-violations-ok"]').waitFor()
    expect(await page.locator('[data-testid="report-drift"]').count()).toBe(0)

    const submit = page.locator('[data-testid="report-submit"]')
    await expect.poll(() => submit.isDisabled()).toBe(false)
    expect(await submit.textContent()).toContain('提交')
    await submit.click()
    expect(await page.locator('[data-testid="submit-correction-reason"]').count()).toBe(0)
    await fillSubmit(page)
    await page.locator('[data-testid="submit-confirm"]').click()
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('SUBMITTED')
    expect(await page.locator('[data-testid="report-status"]').textContent()).toContain('待审核')
    expect(await page.locator('[data-testid="report-version"]').textContent()).toContain('第 1 版')
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

  it('a late arrival back-dated into the month shows as drift; wanzhou submits a correction with its reason', async () => {
    // The late entry: a second offline internship whose intern arrived last month.
    const wanzhou = await apiToken('wanzhou')
    const late = await call(wanzhou, 'POST', '/api/internships/offline', {
      youthId: youthIds[1],
      baseId,
      positionId,
      agreement: {
        mentorName: '吴带教',
        startDate,
        plannedEnd: iso(new Date(prev.getFullYear(), prev.getMonth() + 6, 0)),
        monthlyAllowance: 2100,
        arrivedOn,
        reason: '纸质台账晚到，补录到岗',
      },
    })
    expect(late.state).toBe('ON_POST')

    const page = sessions[0]!.page
    await page.reload({ waitUntil: 'domcontentloaded' })
    await page.locator('[data-testid="report-status"]').waitFor()
    await expect.poll(() => status(page)).toBe('ACCEPTED')
    const drift = page.locator('[data-testid="report-drift"]')
    await drift.waitFor()
    expect(await drift.textContent()).toContain('提交后记录有变化')
    expect(await drift.textContent()).toContain('实际到岗')
    expect(await drift.textContent()).toContain(`${i6Submitted} → ${i6Submitted + 1}`)
    // The frozen value stays in the table, the cell is marked.
    expect(await indicator(page, 6)).toBe(i6Submitted)
    expect(await page.locator('[data-testid="indicator-6"]').getAttribute('data-drift')).toBe('true')
    await screenshot(page, 'report-drift')

    const submit = page.locator('[data-testid="report-submit"]')
    await expect.poll(() => submit.textContent()).toContain('提交更正')
    await submit.click()
    const dialog = page.locator('[data-testid="submit-dialog"]')
    await fillSubmit(page)
    // A correction needs its reason.
    await page.locator('[data-testid="submit-confirm"]').click()
    await dialog.locator('.el-form-item__error', { hasText: '更正原因' }).waitFor()
    await dialog.locator('textarea[data-testid="submit-correction-reason"]').fill('补录一名上月已到岗的见习人员')
    await page.locator('[data-testid="submit-confirm"]').click()
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('SUBMITTED')
    expect(await page.locator('[data-testid="report-version"]').textContent()).toContain('第 2 版')
    await expect.poll(() => page.locator('[data-testid="report-drift"]').count()).toBe(0)
    expect(await indicator(page, 6)).toBe(i6Submitted + 1)
  })

  it('admin accepts the correction, sees its reason in the history and closes the city month', async () => {
    const page = sessions[1]!.page
    await page.reload({ waitUntil: 'domcontentloaded' })
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('SUBMITTED')
    expect(await page.locator('[data-testid="report-correction-reason"]').textContent()).toContain('补录一名上月已到岗的见习人员')
    await page.locator('[data-testid="report-accept"]').click()
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('ACCEPTED')
    await page.locator('[data-testid="report-history"]').click()
    const history = page.locator('[data-testid="history-drawer"]')
    await history.locator('[data-testid="history-correction-reason"]').first().waitFor()
    expect(await history.textContent()).toContain('补录一名上月已到岗的见习人员')
    await page.keyboard.press('Escape')
    await history.locator('.el-drawer').waitFor({ state: 'hidden' }).catch(() => {})

    // The city: where each region's figures come from, then the close.
    await pick(page, page.locator('[data-testid="report-region"]'), '全市')
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('CITY')
    const sources = page.locator('[data-testid="report-sources"]')
    await sources.waitFor()
    expect(await sources.textContent()).toMatch(/已通过 [1-9]\d*、待审核 \d+、未提交（按当前记录）\d+/)
    expect(await page.locator('[data-testid="report-source-500101"]').getAttribute('data-kind')).toBe('ACCEPTED')
    await expect.poll(() => status(page)).toBe('OPEN')
    await page.locator('[data-testid="report-close"]').click()
    await page.locator('.el-message-box .el-button--primary').click()
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('CLOSED')
    expect(await page.locator('[data-testid="report-status"]').textContent()).toContain('已关账')
    await page.locator('.el-message-box').waitFor({ state: 'hidden' })
    await screenshot(page, 'report-city-closed')
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
