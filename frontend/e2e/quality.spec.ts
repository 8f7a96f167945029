import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { BASE_URL, apiToken, expectNoPageErrors, launchBrowser, login, openPage, screenshot, waitForPath, type Session, pick } from './browser'

// Disqualification and typical persons (ADR 0016), in order: on 基地资格管理 wanzhou records a serious
// complaint against base_demo's base (万州区) and, after checking it, marks it 查实; the base appears on
// the disqualification list under 严重投诉查实 with the complaint as evidence; wanzhou warns it and
// base_demo sees the warning on 资格预警; wanzhou decides 限期整改 with a date, which the base sees too.
// Then wanzhou submits an intern of 万州区 as a typical person with their consent, the city admin approves
// it on 典型人物, and the annual report counts it for 万州区 (one more than before).
// It changes data (a complaint, a case, a typical person), so run it against a throw-away database.

let browser: Browser
const sessions: Session[] = []
const stamp = Date.now().toString(36).toUpperCase()
const chongqing = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d)
const today = chongqing(new Date())
const rectifyBy = chongqing(new Date(Date.now() + 30 * 86_400_000))
const SUMMARY = `e2e投诉${stamp}：见习人员反映带教老师长期缺位，并被安排从事与见习岗位无关的搬运工作`
const OUTCOME_NOTE = '经现场走访和询问见习人员，投诉情况属实'
const RECTIFY_NOTE = `落实带教老师并按协议安排见习内容（${stamp}）`
const TITLE = `扎根基层的财务见习生${stamp}`
let baseName = ''
let internshipId = 0
let internName = ''
let wanzhouPage: Page
let basePage: Page
let adminPage: Page
let typicalBefore = 0

beforeAll(async () => {
  browser = await launchBrowser()
})
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [n, s] of sessions.entries()) await screenshot(s.page, `quality-failed-${n}`).catch(() => {})
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
async function call(token: string, method: string, path: string): Promise<any> {
  const res = await fetch(`${BASE_URL}${path}`, { method, headers: { Authorization: `Bearer ${token}` } })
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

async function loginStaff(page: Page, username: string): Promise<void> {
  await login(page, username)
  await waitForPath(page, '/admin')
  // The home page settles its ?year= query first; only then navigate.
  await page.locator('[data-testid="targets-table"]').waitFor()
}

/** base_demo's base on the disqualification list; on a later page when the region has many entries. */
async function listRow(page: Page): Promise<Locator> {
  const list = page.locator('[data-testid="disqualification-list"]')
  const rows = list.locator('.el-table__body-wrapper .el-table__row')
  await rows.first().waitFor()
  const row = rows.filter({ hasText: baseName })
  if (!(await row.count())) await pick(page, list.locator('.el-pagination__sizes .el-select'), '100')
  await row.first().waitFor()
  return row.first()
}

/** 万州区's approved typical persons on the open annual report. */
async function typicalAchieved(page: Page): Promise<number> {
  const cell = page.locator('[data-testid="annual-500101-typicalPersons"]')
  await cell.waitFor()
  const text = (await cell.textContent())!.trim()
  expect(text).not.toContain('平台不统计')
  expect(text).toMatch(/^\d+$/)
  return Number(text)
}

describe(`disqualification and typical person journey against ${BASE_URL}`, () => {
  it('setup: base_demo\'s base and an internship of 万州区 not yet put forward (API)', async () => {
    const baseToken = await apiToken('base_demo')
    const me = await call(baseToken, 'GET', '/api/me')
    expect(me.baseId).toBeTruthy()
    const base = await call(baseToken, 'GET', `/api/bases/${me.baseId}`)
    expect(base.regionCode).toBe('500101')
    expect(base.status).toBe('APPROVED')
    baseName = base.name

    // The city admin's token (wanzhou's codes are kept for its logins in the browser).
    const admin = await apiToken('admin')
    const taken = new Set<number>(
      (await call(admin, 'GET', '/api/quality/typical-persons?regionCode=500101&size=100')).items.map((p: { internshipId: number }) => p.internshipId),
    )
    const internships: { id: number; regionCode: string; state: string; youthName: string }[] = await call(
      admin,
      'GET',
      '/api/internships?region=500101',
    )
    const free = internships.filter((i) => i.regionCode === '500101' && !taken.has(i.id))
    const chosen = free.find((i) => i.state === 'COMPLETED' || i.state === 'RETAINED_EARLY') ?? free.find((i) => i.state === 'ON_POST') ?? free[0]
    expect(chosen, 'an internship of 万州区').toBeTruthy()
    internshipId = chosen!.id
    internName = chosen!.youthName
  })

  it('wanzhou records a serious complaint against the base and marks it upheld', async () => {
    const page = await open()
    wanzhouPage = page
    await loginStaff(page, 'wanzhou')
    await page.locator('.el-menu-item', { hasText: '基地资格管理' }).click()
    await waitForPath(page, '/admin/quality/disqualification')
    await page.locator('[data-testid="quality-page"] .el-tabs__item', { hasText: '投诉记录' }).click()
    await page.locator('[data-testid="complaint-new"]').click()
    const dialog = page.locator('[data-testid="complaint-dialog"]')
    // The remote search replaces the first twenty bases: pick() waits for its answer.
    await pick(page, dialog.locator('[data-testid="complaint-base"]'), baseName, baseName)
    await expect.poll(() => dialog.locator('[data-testid="complaint-base"] .el-select__placeholder').textContent()).toContain(baseName)
    await dialog.locator('textarea[data-testid="complaint-summary"]').fill(SUMMARY)
    await dialog.locator('[data-testid="complaint-serious"]').click()
    await expect.poll(() => dialog.locator('[data-testid="complaint-serious"]').getAttribute('class')).toContain('is-checked')
    await dialog.locator('[data-testid="complaint-save"]').click()
    const saved = page.locator('.el-message--success', { hasText: '已登记' })
    await saved.or(dialog.locator('.el-alert--error')).first().waitFor()
    const refused = dialog.locator('.el-alert--error')
    expect(await refused.count(), (await refused.allTextContents()).join('；')).toBe(0)

    const row = page.locator('[data-testid="complaint-table"] .el-table__body-wrapper .el-table__row', { hasText: SUMMARY })
    await row.first().waitFor()
    expect(await row.first().textContent()).toContain(baseName)
    expect(await row.first().textContent()).toContain('待核实')
    await row.first().locator('[data-testid="complaint-outcome-open"]').click()
    const outcome = page.locator('[data-testid="outcome-dialog"]')
    await pick(page, outcome.locator('[data-testid="outcome-select"]'), '查实')
    await outcome.locator('textarea[data-testid="outcome-note"]').fill(OUTCOME_NOTE)
    await outcome.locator('[data-testid="outcome-save"]').click()
    await page.locator('.el-message--success', { hasText: '已保存' }).waitFor()
    await expect.poll(() => row.first().textContent()).toContain('查实')
    expect(await row.first().textContent()).toContain(OUTCOME_NOTE)
    expect(await row.first().textContent()).not.toContain('待核实')
    await screenshot(page, 'quality-complaint-upheld')
  })

  it('the base is on the disqualification list with the complaint as evidence; wanzhou warns it', async () => {
    const page = wanzhouPage
    await page.reload({ waitUntil: 'domcontentloaded' })
    const row = await listRow(page)
    const hit = row.locator('[data-testid="disqualification-hit"]', { hasText: SUMMARY })
    await hit.waitFor()
    expect(await hit.textContent()).toContain('严重投诉查实')
    expect(await hit.textContent()).toContain('严重，已查实')
    await hit.locator('[data-testid="disqualification-warn"]').click()
    const box = page.locator('.el-message-box')
    await expect.poll(() => box.textContent()).toContain(SUMMARY)
    await box.locator('.el-message-box__btns button', { hasText: '预警' }).click()
    await page.locator('.el-message--success', { hasText: '已预警并通知基地' }).waitFor()
    const warned = (await listRow(page)).locator('.case', { hasText: '严重投诉查实' })
    await expect.poll(() => warned.textContent()).toContain('已预警')
    // Warned once: the hit offers no second warning.
    expect(await (await listRow(page)).locator('[data-testid="disqualification-hit"]', { hasText: SUMMARY }).locator('[data-testid="disqualification-warn"]').count()).toBe(0)
    await screenshot(page, 'quality-warned')
  })

  it('base_demo sees the warning and its evidence on 资格预警', async () => {
    const page = await open()
    basePage = page
    await login(page, 'base_demo')
    await waitForPath(page, '/base')
    await page.locator('.el-menu-item', { hasText: '资格预警' }).click()
    await waitForPath(page, '/base/warnings')
    const warning = page.locator('[data-testid="base-warning"]', { hasText: SUMMARY })
    await warning.waitFor()
    expect(await warning.textContent()).toContain('严重投诉查实')
    expect(await warning.textContent()).toContain('已预警')
    expect(await warning.locator('[data-testid="base-warning-evidence"]').textContent()).toContain(SUMMARY)
  })

  it('wanzhou decides 限期整改 with a date; the base sees the demand', async () => {
    const page = wanzhouPage
    const warned = (await listRow(page)).locator('.case', { hasText: '严重投诉查实' })
    await warned.locator('[data-testid="disqualification-decide"]').click()
    const dialog = page.locator('.el-dialog', { hasText: '处理资格预警' })
    await expect.poll(() => dialog.locator('[data-testid="decision-subject"]').textContent()).toContain(baseName)
    expect(await dialog.textContent()).toContain(SUMMARY)
    expect(await dialog.locator('.el-radio.is-checked').textContent()).toContain('限期整改')
    // Without a date the dialog says what is missing.
    await dialog.locator('textarea[data-testid="decision-note"]').fill(RECTIFY_NOTE)
    await dialog.locator('[data-testid="decision-submit"]').click()
    await expect.poll(() => dialog.locator('[data-testid="decision-error"]').textContent()).toContain('整改期限')
    await setDate(dialog.locator('[data-testid="decision-rectify-by"]'), rectifyBy, dialog.locator('.el-dialog__title'))
    await dialog.locator('[data-testid="decision-submit"]').click()
    await page.locator('.el-message--success', { hasText: '已处理' }).waitFor()
    const decided = (await listRow(page)).locator('.case', { hasText: '严重投诉查实' })
    await expect.poll(() => decided.textContent()).toContain('限期整改')
    expect(await decided.textContent()).toContain(`${rectifyBy} 前整改`)
    expect(await decided.textContent()).toContain(RECTIFY_NOTE)
    // Decided until the date has passed.
    expect(await decided.locator('[data-testid="disqualification-decide"]').count()).toBe(0)
    await screenshot(page, 'quality-rectify')

    await basePage.reload({ waitUntil: 'domcontentloaded' })
    const warning = basePage.locator('[data-testid="base-warning"]', { hasText: SUMMARY })
    await warning.waitFor()
    expect(await warning.textContent()).toContain('限期整改')
    expect(await warning.textContent()).toContain(`请于 ${rectifyBy} 前完成整改：${RECTIFY_NOTE}`)
  })

  it('wanzhou submits an intern of 万州区 as a typical person with their consent', async () => {
    const page = wanzhouPage
    await page.locator('.el-menu-item', { hasText: '典型人物' }).click()
    await waitForPath(page, '/admin/quality/typical-persons')
    await page.locator('[data-testid="typical-persons-page"]').waitFor()
    await page.locator('[data-testid="typical-new"]').click()
    const dialog = page.locator('[data-testid="typical-dialog"]')
    const internship = await inputOf(dialog.locator('[data-testid="typical-internship"]'))
    await internship.fill(String(internshipId))
    await internship.press('Tab')
    await (await inputOf(dialog.locator('[data-testid="typical-title"]'))).fill(TITLE)
    await dialog
      .locator('textarea[data-testid="typical-story"]')
      .fill('见习期间主动承担乡镇财务数据整理工作，带教老师评价其认真负责，见习结束后留在基层就业。')
    // Without the person's consent nothing is submitted.
    await dialog.locator('[data-testid="typical-save"]').click()
    await expect.poll(() => dialog.locator('[data-testid="typical-error"]').textContent()).toContain('须先取得本人同意')
    await setDate(dialog.locator('[data-testid="typical-consent-on"]'), today, dialog.locator('.el-dialog__title'))
    await dialog.locator('.el-radio', { hasText: '书面同意' }).click()
    await dialog.locator('[data-testid="typical-save"]').click()
    await page.locator('.el-message--success', { hasText: '已报送' }).waitFor()
    await dialog.waitFor({ state: 'hidden' })

    const row = page.locator('[data-testid="typical-table"] .el-table__body-wrapper .el-table__row', { hasText: TITLE })
    await row.first().waitFor()
    const text = (await row.first().textContent())!
    expect(text).toContain('待审核')
    expect(text).toContain('万州区')
    expect(text).toContain(`${today} · 书面`)
    // The intern's name is masked to the surname in the list.
    expect(text).toContain(internName.slice(0, 1))
    if (internName.length > 1) expect(text).not.toContain(internName)
    await screenshot(page, 'quality-typical-submitted')
  })

  it('the city admin approves it; the annual report counts one more typical person for 万州区', async () => {
    const page = await open()
    adminPage = page
    await loginStaff(page, 'admin')
    await page.locator('.el-menu-item', { hasText: '年度报告' }).click()
    await waitForPath(page, '/admin/reports/annual')
    typicalBefore = await typicalAchieved(page)

    await page.locator('.el-menu-item', { hasText: '典型人物' }).click()
    await waitForPath(page, '/admin/quality/typical-persons')
    const row = page.locator('[data-testid="typical-table"] .el-table__body-wrapper .el-table__row', { hasText: TITLE })
    await row.first().waitFor()
    expect(await row.first().textContent()).toContain('待审核')
    await row.first().locator('[data-testid="typical-approve"]').click()
    await page.locator('.el-message--success', { hasText: '已通过' }).waitFor()
    await expect.poll(() => row.first().textContent()).toContain('已通过')
    expect(await row.first().locator('[data-testid="typical-approve"]').count()).toBe(0)

    await adminPage.locator('.el-menu-item', { hasText: '年度报告' }).click()
    await waitForPath(adminPage, '/admin/reports/annual')
    const cell = adminPage.locator('[data-testid="annual-500101-typicalPersons"]')
    await expect.poll(() => cell.textContent(), { timeout: 20_000 }).toBe(String(typicalBefore + 1))
    expect(await typicalAchieved(adminPage)).toBeGreaterThanOrEqual(1)
    await screenshot(adminPage, 'quality-annual-report')
  })
})
