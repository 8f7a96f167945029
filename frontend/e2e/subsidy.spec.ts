import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { BASE_URL, expectNoPageErrors, launchBrowser, login, openPage, screenshot, waitForPath, type Session, apiToken, registerYouthByApi, expectRefusal } from './browser'
import { makeResidentId } from '../src/shared/residentId'

// Internships and subsidies, in order: a young person with an accepted offer at base_demo (set up through the
// API), base_demo signs the agreement starting on the 1st of the previous month (back-dated, at most 31 days),
// records the arrival on that day (signing is not arriving) and confirms that month (it has ended),
// the young person confirms it on their phone, base_demo claims it, wanzhou approves and records the payment,
// and the young person sees the claim as paid with the amount.

let browser: Browser
const sessions: Session[] = []
const stamp = Date.now().toString(36).toUpperCase()
const title = `e2e补贴见习岗位${stamp}`
const username = `s_${stamp.toLowerCase()}`
const password = 'Jianxi@2024s'
const PHONE = { width: 390, height: 844 }
// A distinct name per run: two characters picked from the stamp.
const GIVEN = '安宁和平清远明德'
const youthName = `钱${GIVEN[Date.now() % 8]}${GIVEN[Math.floor(Date.now() / 8) % 8]}${GIVEN[Math.floor(Math.random() * 8)]}`

const pad = (n: number) => String(n).padStart(2, '0')
const iso = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
const now = new Date()
const firstOfPrev = new Date(now.getFullYear(), now.getMonth() - 1, 1)
// A base may enter dates up to 31 days back (the 1st of the previous month can be further back).
const monthAgo = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 31)
const startDay = firstOfPrev < monthAgo ? monthAgo : firstOfPrev
const startDate = iso(startDay)
const prevMonth = startDate.slice(0, 7)
const prevMonthLabel = `${firstOfPrev.getFullYear()}年${firstOfPrev.getMonth() + 1}月`
// Only a month that has ended can be confirmed: the previous one, from the arrival on its first day here.
const daysOnPostInPrev = new Date(firstOfPrev.getFullYear(), firstOfPrev.getMonth() + 1, 0).getDate() - startDay.getDate() + 1
const daysPresent = Math.min(20, daysOnPostInPrev)

const birth = `${now.getFullYear() - 23}-05-20`
const idNumber = makeResidentId('500101', birth, 100 + Math.floor(Math.random() * 900))
const graduationDate = `${now.getMonth() >= 6 ? now.getFullYear() : now.getFullYear() - 1}-06-30`
const phone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`

let base: Page
let youth: Page
let requested = ''

beforeAll(async () => {
  browser = await launchBrowser()
})
// A failed step leaves a picture of every open page behind.
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [n, s] of sessions.entries()) await screenshot(s.page, `subsidy-failed-${n}`).catch(() => {})
  }
  expectNoPageErrors(sessions)
})
afterAll(async () => {
  for (const s of sessions) await s.context.close().catch(() => {})
  await browser?.close()
})

async function open(viewport?: { width: number; height: number }): Promise<Page> {
  const s = await openPage(browser, viewport)
  sessions.push(s)
  return s.page
}

async function call(token: string | null, method: string, path: string, body?: unknown): Promise<{ id: number; status: string }> {
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
  return text ? JSON.parse(text) : ({} as never)
}

/** The native input of an Element Plus field, whether the test id sits on the input or on its wrapper. */
async function inputOf(field: Locator): Promise<Locator> {
  const tag = await field.first().evaluate((el) => el.tagName)
  return tag === 'INPUT' ? field.first() : field.first().locator('input').first()
}

describe(`internship and subsidy journeys against ${BASE_URL}`, () => {
  it('setup: a young person with an accepted offer at base_demo (API)', async () => {
    const baseToken = await apiToken('base_demo')
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
    const p = await call(baseToken, 'POST', '/api/positions', {
      title,
      category: 'TECHNICAL',
      headcount: 2,
      education: 'ANY',
      majors: '会计学',
      description: '协助开展财务数据整理与报表编制，由带教老师一对一指导。',
      regionCode: '500101',
      monthlyAllowance: 2100,
      durationMonths: 6,
      deadline,
    })
    expect((await call(baseToken, 'POST', `/api/positions/${p.id}/submit`)).status).toBe('SUBMITTED')
    const wanzhou = await apiToken('wanzhou')
    expect((await call(wanzhou, 'POST', `/api/positions/${p.id}/approve`)).status).toBe('PUBLISHED')

    await registerYouthByApi({
      profile: {
        name: youthName,
        idNumber,
        phone,
        regionCode: '500101',
        education: 'BACHELOR',
        school: '重庆三峡学院',
        major: '会计学',
        graduationDate,
        currentStatus: 'UNEMPLOYED',
        internshipIntention: true,
        trainingIntention: false,
        preferredRegions: ['500101'],
        preferredCategories: ['TECHNICAL'],
      },
      username,
      password,
    })
    const youthToken = await apiToken(username, password)
    const a = await call(youthToken, 'POST', '/api/applications', { positionId: p.id, contactShared: true })
    expect((await call(baseToken, 'POST', `/api/applications/${a.id}/transitions`, { to: 'SCREENING' })).status).toBe('SCREENING')
    expect((await call(baseToken, 'POST', `/api/applications/${a.id}/transitions`, { to: 'OFFERED' })).status).toBe('OFFERED')
    expect((await call(youthToken, 'POST', `/api/applications/${a.id}/transitions`, { to: 'ACCEPTED' })).status).toBe('ACCEPTED')
  })

  it('base_demo signs the agreement from the 1st of the previous month and prints it', async () => {
    base = await open()
    await login(base, 'base_demo')
    await waitForPath(base, '/base')
    await base.locator('.el-menu-item', { hasText: '见习人员' }).click()
    await waitForPath(base, '/base/internships')
    const row = base.locator('[data-testid="internship-table"] .el-table__row', { hasText: title })
    await row.first().waitFor()
    expect(await row.count()).toBe(1)
    expect(await row.textContent()).toContain(youthName)
    await expect.poll(() => row.locator('[data-testid="internship-state"]').textContent()).toContain('协议待签订')

    await row.locator('[data-testid="internship-sign"]').click()
    const dialog = base.locator('[data-testid="sign-dialog"]')
    await dialog.locator('input[data-testid="sign-mentorName"]').waitFor()
    // The allowance is proposed from the position.
    await expect.poll(() => dialog.locator('input[data-testid="sign-monthlyAllowance"]').inputValue()).toBe('2100.00')
    // Below the year's floor: the field shows the server's message.
    await dialog.locator('input[data-testid="sign-mentorName"]').fill('周带教')
    await dialog.locator('input[data-testid="sign-mentorPhone"]').fill('13800138001')
    await dialog.locator('input[data-testid="sign-monthlyAllowance"]').fill('1800')
    const start = await inputOf(dialog.locator('[data-testid="sign-startDate"]'))
    await start.fill(startDate)
    await start.press('Enter')
    // Close the calendar without closing the dialog.
    await dialog.locator('.who').click()
    const end = await inputOf(dialog.locator('[data-testid="sign-plannedEnd"]'))
    await expect.poll(() => end.inputValue()).not.toBe('')
    expect(await start.inputValue()).toBe(startDate)
    expectRefusal(base, 400, /^\/api\/internships\/\d+\/agreement$/, 'POST')
    await dialog.locator('[data-testid="sign-save"]').click()
    await expect.poll(() => dialog.locator('.el-form-item__error').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('不能低于')]),
    )
    await screenshot(base, 'subsidy-sign-floor-error')
    await dialog.locator('input[data-testid="sign-monthlyAllowance"]').fill('2100.00')
    await dialog.locator('[data-testid="sign-save"]').click()
    // Signing is not arriving: the agreement waits for the arrival.
    await expect.poll(() => row.locator('[data-testid="internship-state"]').textContent()).toContain('已签协议待到岗')
    expect(await row.locator('[data-testid="internship-arrivedOn"]').textContent()).toBe('—')
    await base.locator('[data-testid="sign-dialog"]').waitFor({ state: 'hidden' })

    // The base records the arrival, back-dated to the start.
    await row.locator('[data-testid="internship-arrival"]').click()
    const arrival = base.locator('[data-testid="arrival-dialog"]')
    const arrivedOn = await inputOf(arrival.locator('[data-testid="arrival-date"]'))
    await expect.poll(() => arrivedOn.inputValue()).toBe(iso(now))
    await arrivedOn.fill(startDate)
    await arrivedOn.press('Enter')
    await arrival.locator('.who').click()
    await arrival.locator('[data-testid="arrival-save"]').click()
    await expect.poll(() => row.locator('[data-testid="internship-state"]').textContent()).toBe('在岗')
    expect(await row.locator('[data-testid="internship-arrivedOn"]').textContent()).toBe(startDate)
    expect(await row.textContent()).toContain(startDate)
    expect(await row.textContent()).toContain('2,100.00')

    await row.locator('[data-testid="internship-agreement"]').click()
    await base.waitForURL((u) => /^\/base\/internships\/\d+\/agreement$/.test(u.pathname))
    const paper = base.locator('[data-testid="agreement-paper"]')
    await paper.waitFor()
    expect(await paper.locator('[data-testid="agreement-youth"]').textContent()).toContain(youthName)
    expect(await paper.locator('[data-testid="agreement-position"]').textContent()).toContain(title)
    expect(await paper.locator('[data-testid="agreement-mentor"]').textContent()).toContain('周带教')
    expect(await paper.locator('[data-testid="agreement-dates"]').textContent()).toContain(startDate)
    expect(await paper.locator('[data-testid="agreement-allowance"]').textContent()).toContain('2,100.00')
    await base.locator('.el-message').first().waitFor({ state: 'hidden' }).catch(() => {})
    await screenshot(base, 'subsidy-agreement')
    // In print, the menu and header are hidden and the agreement remains.
    await base.emulateMedia({ media: 'print' })
    expect(await base.locator('.el-aside').isVisible()).toBe(false)
    expect(await base.locator('[data-testid="agreement-print"]').isVisible()).toBe(false)
    expect(await paper.isVisible()).toBe(true)
    await base.emulateMedia({ media: 'screen' })
  })

  it('base_demo confirms the previous month on 月度确认', async () => {
    await base.locator('.el-menu-item', { hasText: '月度确认' }).click()
    await waitForPath(base, '/base/confirmations')
    const month = await inputOf(base.locator('[data-testid="confirm-month"]'))
    await expect.poll(() => month.inputValue()).toBe(prevMonth)
    const row = base.locator('[data-testid="confirm-table"] .el-table__row', { hasText: youthName })
    await row.first().waitFor()
    const days = row.locator('[data-testid="confirm-days"] input')
    await expect.poll(async () => Number(await days.inputValue())).toBeGreaterThan(0)
    await days.fill(String(daysPresent))
    await days.press('Tab')
    await row.locator('[data-testid="confirm-one"]').click()
    await expect.poll(() => row.locator('[data-testid="confirm-base-done"]').textContent()).toContain(`${daysPresent} 天`)
    expect(await row.textContent()).toContain('本人待确认')
    await screenshot(base, 'subsidy-confirmations')
  })

  it('the young person confirms the same month on 我的见习 (phone)', async () => {
    youth = await open(PHONE)
    await login(youth, username, password)
    await waitForPath(youth, '/youth')
    await youth.locator('[data-testid="youth-tabbar"]').getByText('我的').click()
    await waitForPath(youth, '/youth/me')
    await youth.locator('[data-testid="me-internship"]').click()
    await waitForPath(youth, '/youth/internship')
    await expect.poll(() => youth.locator('[data-testid="internship-state"]').textContent()).toContain('在岗')
    expect(await youth.locator('[data-testid="internship-period"]').textContent()).toContain(startDate)
    // The intern can call their mentor: name and full phone of their own internship.
    expect(await youth.locator('[data-testid="internship-mentor"]').textContent()).toContain('周带教')
    expect(await youth.locator('[data-testid="internship-mentor-phone"] a').getAttribute('href')).toBe('tel:13800138001')
    expect(await youth.locator('[data-testid="internship-mentor-phone"]').textContent()).toContain('13800138001')
    // The intern reads the signed agreement on the phone and confirms it.
    await youth.locator('[data-testid="agreement-open"]').click()
    const sheet = youth.locator('[data-testid="agreement-sheet"]')
    await expect.poll(() => sheet.textContent()).toContain('就业见习协议')
    await youth.locator('[data-testid="agreement-confirm"]').click()
    await expect.poll(() => youth.locator('[data-testid="agreement-open"]').textContent()).toContain('已确认')
    await sheet.waitFor({ state: 'hidden' })
    const card = youth.locator(`[data-testid="month-card"][data-month="${prevMonth}"]`)
    await card.waitFor()
    expect(await card.textContent()).toContain(prevMonthLabel)
    expect(await card.textContent()).toContain(`基地填报在岗 ${daysPresent} 天`)
    await card.locator('[data-testid="month-confirm"]').click()
    await youth.locator('.van-dialog__confirm').click()
    await expect.poll(() => card.locator('[data-testid="month-status"]').textContent()).toContain('双方已确认')
    expect(await card.locator('[data-testid="month-confirm"]').count()).toBe(0)
    expect(await youth.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await youth.locator('.van-dialog').first().waitFor({ state: 'hidden' })
    await screenshot(youth, 'subsidy-youth-confirmed')
  })

  it('base_demo claims the month on 补贴申领', async () => {
    await base.locator('.el-menu-item', { hasText: '补贴申领' }).click()
    await waitForPath(base, '/base/subsidies')
    const row = base.locator('[data-testid="claimable-table"] .el-table__row', { hasText: youthName })
    await row.first().waitFor()
    expect(await row.count()).toBe(1)
    expect(await row.textContent()).toContain(prevMonthLabel)
    await row.locator('[data-testid="claim-month"]').click()
    await base.locator('.el-message-box .el-button--primary').click()
    const claim = base.locator('[data-testid="claim-table"] .el-table__row', { hasText: youthName })
    await claim.first().waitFor()
    await expect.poll(() => claim.locator('[data-testid="claim-status"]').textContent()).toContain('待审核')
    // Claimed months leave the claimable list.
    await expect.poll(() => row.count()).toBe(0)
    requested = (await claim.locator('td').nth(4).textContent())!.trim()
    expect(requested).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/)
    await base.locator('.el-message-box').waitFor({ state: 'hidden' })
    await screenshot(base, 'subsidy-base-claims')
  })

  it('wanzhou approves the claim and records the payment', async () => {
    const page = await open()
    await login(page, 'wanzhou')
    await waitForPath(page, '/admin')
    await page.locator('.el-menu-item', { hasText: '补贴审核' }).click()
    await waitForPath(page, '/admin/subsidy-claims')
    const table = page.locator('[data-testid="claim-review-table"]')
    const row = table.locator('.el-table__row', { hasText: youthName })
    await row.first().waitFor()
    expect(await row.textContent()).toContain(requested)
    expect(await row.locator('[data-testid="claim-pay"]').count()).toBe(0)
    await row.locator('[data-testid="claim-approve"]').click()
    const approve = page.locator('[data-testid="approve-dialog"]')
    await expect.poll(() => approve.locator('input[data-testid="approve-amount"]').inputValue()).toBe(requested.replace(/,/g, ''))
    await screenshot(page, 'subsidy-approve')
    await approve.locator('[data-testid="approve-save"]').click()
    await expect.poll(() => row.count()).toBe(0)

    await page.locator('.el-tabs__item', { hasText: '已核定待拨付' }).click()
    await row.first().waitFor()
    await expect.poll(() => row.locator('[data-testid="claim-review-status"]').textContent()).toContain('已核定')
    await row.locator('[data-testid="claim-pay"]').click()
    const pay = page.locator('[data-testid="pay-dialog"]')
    await expect.poll(() => pay.locator('input[data-testid="pay-amount"]').inputValue()).toBe(requested.replace(/,/g, ''))
    await pay.locator('[data-testid="pay-fundingLevel"]').getByText('中央').click()
    await pay.locator('[data-testid="pay-save"]').click()
    await expect.poll(() => row.count()).toBe(0)

    await page.locator('.el-tabs__item', { hasText: '全部申领' }).click()
    await row.first().waitFor()
    await expect.poll(() => row.locator('[data-testid="claim-review-status"]').textContent()).toContain('已拨付')
    await screenshot(page, 'subsidy-review-paid')

    await page.locator('.el-menu-item', { hasText: '补贴统计' }).click()
    await waitForPath(page, '/admin/subsidy-totals')
    const wz = page.locator('[data-testid="totals-row"][data-region-code="500101"]')
    await wz.waitFor()
    expect(await page.locator('[data-testid="totals-row"]').count()).toBe(1)
    await screenshot(page, 'subsidy-totals')
  })

  it('the young person sees the claim as 已拨付 with the amount', async () => {
    await youth.reload({ waitUntil: 'domcontentloaded' })
    const card = youth.locator(`[data-testid="subsidy-card"][data-month="${prevMonth}"]`)
    await card.waitFor()
    await expect.poll(() => card.locator('[data-testid="subsidy-status"]').textContent()).toContain('已拨付')
    expect(await card.locator('[data-testid="subsidy-paid"]').textContent()).toBe(requested)
    expect(await youth.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await card.scrollIntoViewIfNeeded()
    await screenshot(youth, 'subsidy-youth-paid')
  })
})
