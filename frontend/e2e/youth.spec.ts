import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { BASE_URL, expectNoPageErrors, launchBrowser, login, openPage, screenshot, waitForPath, type Session, apiToken, smsCode } from './browser'
import { makeResidentId } from '../src/shared/residentId'

// Young people, in order: a base's TECHNICAL position in 万州区 is published (set up through the API), a new
// young person registers on a phone and is recommended positions, applies to that position, the base screens
// and offers, and the young person accepts.

let browser: Browser
const sessions: Session[] = []
const stamp = Date.now().toString(36).toUpperCase()
const title = `e2e青年见习岗位${stamp}`
const username = `y_${stamp.toLowerCase()}`
const password = 'Jianxi@2024y'
const PHONE = { width: 390, height: 844 }

const now = new Date()
const birth = `${now.getFullYear() - 22}-03-15`
const idNumber = makeResidentId('500101', birth, 100 + Math.floor(Math.random() * 900))
// Last June: this year's if June is over, otherwise the year before.
const graduationDate = `${now.getMonth() >= 6 ? now.getFullYear() : now.getFullYear() - 1}-06-30`
const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`

let youth: Page

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

async function call(token: string, method: string, path: string, body?: unknown): Promise<{ id: number; status: string }> {
  const res = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  expect(res.ok, `${method} ${path} → ${res.status} ${text}`).toBe(true)
  return JSON.parse(text)
}

/** Picks `label` in the Vant picker opened by the field `testid`. */
async function pick(page: Page, testid: string, label: string) {
  await page.locator(`[data-testid="${testid}"]`).click()
  const popup = page.locator('.van-popup:visible')
  await popup.locator('.van-picker-column__item', { hasText: label }).first().click()
  await page.waitForTimeout(400)
  await popup.locator('.van-picker__confirm').click()
  await expect.poll(() => page.locator(`[data-testid="${testid}"] input`).inputValue()).toBe(label)
}

describe(`young people journeys against ${BASE_URL}`, () => {
  it('setup: base_demo publishes a TECHNICAL position in 万州区, approved by wanzhou (API)', async () => {
    const base = await apiToken('base_demo')
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
    const p = await call(base, 'POST', '/api/positions', {
      title,
      category: 'TECHNICAL',
      headcount: 3,
      education: 'ANY',
      majors: '机械工程',
      description: '协助开展机械设备调试与维护，由带教老师一对一指导。',
      regionCode: '500101',
      monthlyAllowance: 2100,
      durationMonths: 6,
      deadline,
    })
    expect((await call(base, 'POST', `/api/positions/${p.id}/submit`)).status).toBe('SUBMITTED')
    const wanzhou = await apiToken('wanzhou')
    expect((await call(wanzhou, 'POST', `/api/positions/${p.id}/approve`)).status).toBe('PUBLISHED')
  })

  it('a new young person registers on a phone (check digit checked inline) and sees 为你推荐', async () => {
    youth = await open(PHONE)
    await youth.goto(`${BASE_URL}/login`, { waitUntil: 'domcontentloaded' })
    await youth.locator('[data-testid="register-youth-link"]').click()
    await waitForPath(youth, '/youth/register')
    await youth.locator('[data-testid="youth-register"]').waitFor()

    await youth.locator('[data-testid="field-name"] input').fill('李见习')
    // A wrong last digit: the error shows at the field while typing, with the derived birth date and sex.
    const id = youth.locator('[data-testid="field-idNumber"]')
    const wrong = idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1')
    await id.locator('input').fill(wrong)
    await expect.poll(() => id.locator('.van-field__error-message').textContent()).toContain('校验位')
    expect(await youth.locator('[data-testid="id-birth"]').textContent()).toBe(birth)
    expect(await youth.locator('[data-testid="id-sex"]').textContent()).toBe(Number(idNumber[16]) % 2 ? '男' : '女')
    await screenshot(youth, 'youth-register-invalid-id')
    await id.locator('input').fill(idNumber)
    await expect.poll(() => id.locator('.van-field__error-message').count()).toBe(0)

    await youth.locator('[data-testid="field-phone"] input').fill(phone)
    await pick(youth, 'field-regionCode', '万州区')
    await pick(youth, 'field-education', '本科')
    await youth.locator('[data-testid="field-school"] input').fill('重庆三峡学院')
    await youth.locator('[data-testid="field-major"] input').fill('机械工程')
    await youth.locator('[data-testid="field-graduationDate"] input').fill(graduationDate)
    expect(await youth.locator('[data-testid="field-internshipIntention"] .van-switch--on').count()).toBe(1)

    await youth.locator('[data-testid="field-preferredRegions"]').click()
    await youth.locator('[data-testid="field-preferredRegions-options"] .van-cell', { hasText: '万州区' }).first().click()
    await youth.locator('[data-testid="field-preferredRegions-confirm"]').click()
    await expect.poll(() => youth.locator('[data-testid="field-preferredRegions"] textarea').inputValue()).toBe('万州区')
    await youth.locator('[data-testid="field-preferredCategories"] .van-checkbox', { hasText: '技术技能类' }).click()

    await youth.locator('[data-testid="field-username"] input').fill(username)
    await youth.locator('[data-testid="field-password"] input').fill(password)
    await youth.locator('[data-testid="field-confirm"] input').fill(password)
    // The phone is proved with a one-time code (read here from the test server's SMS outbox).
    await youth.locator('[data-testid="send-code"]').click()
    await expect.poll(() => youth.locator('[data-testid="send-code"]').textContent()).toContain('秒后重发')
    await youth.locator('[data-testid="field-verificationCode"] input').fill(smsCode(phone))
    // The separate consent to processing sensitive personal information: read, then agreed.
    await youth.locator('[data-testid="consent-open"]').click()
    await youth.locator('[data-testid="consent-agree"]').click()
    await expect.poll(() => youth.locator('[data-testid="consent-check"] .van-checkbox__icon--checked').count()).toBe(1)
    expect(await youth.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await screenshot(youth, 'youth-register-filled')
    await youth.locator('[data-testid="youth-register-submit"]').click()

    // The response's category is shown before going on: a recent unemployed graduate is in the programme.
    await youth.locator('[data-testid="register-result"]').waitFor()
    expect(await youth.locator('[data-testid="register-category"]').textContent()).toContain('离校2年内未就业高校毕业生')
    await screenshot(youth, 'youth-register-category')
    await youth.locator('[data-testid="register-continue"]').click()
    await waitForPath(youth, '/youth')
    await youth.locator('[data-testid="youth-home"]').waitFor()
    await expect.poll(() => youth.locator('[data-testid="youth-display-name"]').textContent()).toContain('李见习')
    const cards = youth.locator('[data-testid="recommendation-card"]')
    await cards.first().waitFor()
    expect(await cards.count()).toBeGreaterThanOrEqual(1)
    expect(await cards.first().locator('[data-testid="recommendation-reasons"] .van-tag').count()).toBeGreaterThanOrEqual(1)
    expect(await youth.locator('[data-testid="youth-policy"]').textContent()).toContain('见习政策')
    expect(await youth.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await screenshot(youth, 'youth-recommendations')

    // 我的 shows the person's own full ID and phone.
    await youth.locator('[data-testid="youth-tabbar"]').getByText('我的').click()
    await waitForPath(youth, '/youth/me')
    await expect.poll(() => youth.locator('[data-testid="me-idNumber"]').textContent()).toContain(idNumber)
    expect(await youth.locator('[data-testid="me-phone"]').textContent()).toContain(phone)
  })

  it('the young person finds the base_demo position and applies', async () => {
    await youth.locator('[data-testid="youth-tabbar"]').getByText('岗位').click()
    await waitForPath(youth, '/youth/positions')
    const search = youth.locator('[data-testid="position-search"] input')
    await search.fill(title)
    await search.press('Enter')
    const card = youth.locator('[data-testid="position-card"]', { hasText: title })
    await card.first().waitFor()
    await expect.poll(() => youth.locator('[data-testid="position-card"]').count()).toBe(1)
    await card.click()
    await youth.waitForURL((u) => /^\/youth\/positions\/\d+$/.test(u.pathname))
    const apply = youth.locator('[data-testid="apply-button"]')
    await expect.poll(() => apply.textContent()).toContain('申请')
    expect(await apply.isEnabled()).toBe(true)
    // Before anything is sent, the young person is told the base will see their phone.
    expect(await youth.locator('[data-testid="apply-contact-notice"]').textContent()).toContain('投递后，该见习基地可查看你的手机号码用于联系面试')
    await apply.click()
    const notice = youth.locator('.van-dialog.apply-notice')
    await notice.waitFor()
    expect(await notice.textContent()).toContain('投递后，该见习基地可查看你的手机号码用于联系面试')
    await screenshot(youth, 'youth-apply-contact-notice')
    await notice.locator('.van-dialog__confirm').click()
    await youth.locator('.van-toast', { hasText: '申请成功' }).waitFor()
    await expect.poll(() => apply.textContent()).toContain('已申请')
    expect(await apply.isDisabled()).toBe(true)
    await screenshot(youth, 'youth-applied')
  })

  it('base_demo screens the application and makes the offer in 申请管理', async () => {
    const page = await open()
    await login(page, 'base_demo')
    await waitForPath(page, '/base')
    await expect.poll(() => page.locator('[data-testid="notification-count"] .el-badge__content').textContent()).toMatch(/\d+/)
    await page.locator('.el-menu-item', { hasText: '申请管理' }).click()
    await waitForPath(page, '/base/applications')
    const row = page.locator('[data-testid="application-table"] .el-table__row', { hasText: title })
    await row.first().waitFor()
    expect(await row.count()).toBe(1)
    expect(await row.textContent()).toContain('李见习')
    await expect.poll(() => row.locator('[data-testid="app-status"]').textContent()).toContain('已投递')
    // No offer straight from 已投递.
    expect(await row.locator('[data-testid="app-offer"]').count()).toBe(0)

    // The list shows the applicant's phone masked.
    expect(await row.locator('[data-testid="app-phone"]').textContent()).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`)

    await row.locator('[data-testid="app-view"]').click()
    const drawer = page.locator('[data-testid="applicant-drawer"]')
    await expect.poll(() => drawer.locator('[data-testid="youth-idNumber"]').textContent()).toContain('*')
    expect(await drawer.locator('[data-testid="youth-idNumber"]').textContent()).not.toContain(idNumber)
    // To arrange the interview the base reveals the applicant's full phone (audited); the ID number stays masked.
    const contact = drawer.locator('[data-testid="applicant-contact"]')
    expect(await contact.locator('[data-testid="applicant-phone"]').textContent()).not.toContain(phone)
    await contact.locator('[data-testid="applicant-phone-reveal"]').click()
    await expect.poll(() => contact.locator('[data-testid="applicant-phone"]').textContent()).toBe(phone)
    expect(await contact.locator('[data-testid="applicant-phone"]').getAttribute('href')).toBe(`tel:${phone}`)
    expect(await contact.locator('[data-testid="applicant-phone-note"]').textContent()).toContain('已记入审计日志')
    expect(await drawer.locator('[data-testid="youth-idNumber"]').textContent()).not.toContain(idNumber)
    await screenshot(page, 'base-applicant-drawer')
    await page.keyboard.press('Escape')
    await drawer.locator('.el-drawer').waitFor({ state: 'hidden' })

    await row.locator('[data-testid="app-screen"]').click()
    await page.locator('.el-message-box .el-button--primary').click()
    await expect.poll(() => row.locator('[data-testid="app-status"]').textContent()).toContain('筛选中')
    await row.locator('[data-testid="app-offer"]').click()
    await page.locator('.el-message-box .el-button--primary').click()
    await expect.poll(() => row.locator('[data-testid="app-status"]').textContent()).toContain('已录用待确认')
    await page.locator('.el-message-box').waitFor({ state: 'hidden' })
    await screenshot(page, 'base-applications')
  })

  it('the young person sees the message and accepts the offer in 我的申请', async () => {
    await youth.locator('[data-testid="youth-tabbar"]').getByText('我的').click()
    await waitForPath(youth, '/youth/me')
    await expect.poll(() => youth.locator('[data-testid="me-unread"]').textContent(), { timeout: 15_000 }).toMatch(/\d+/)
    await youth.locator('[data-testid="me-notifications"]').click()
    await waitForPath(youth, '/youth/notifications')
    const item = youth.locator('[data-testid="notification-item"]', { hasText: '已录用待确认' })
    await item.first().waitFor()
    await screenshot(youth, 'youth-notifications')
    await item.first().click()
    await waitForPath(youth, '/youth/applications')

    const card = youth.locator('[data-testid="application-card"]', { hasText: title })
    await card.first().waitFor()
    await expect.poll(() => card.locator('[data-testid="application-status"]').textContent()).toContain('已录用待确认')
    await card.locator('[data-testid="application-accept"]').click()
    await youth.locator('.van-dialog__confirm').click()
    await expect.poll(() => card.locator('[data-testid="application-status"]').textContent()).toContain('已接受')
    expect(await card.locator('[data-testid="application-accept"]').count()).toBe(0)
    expect(await youth.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await youth.locator('.van-dialog').waitFor({ state: 'hidden' })
    await screenshot(youth, 'youth-accepted')
  })
})
