import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  BASE_URL,
  apiToken,
  expectNoPageErrors,
  launchBrowser,
  login,
  nextCode,
  openPage,
  registerYouthByApi,
  screenshot,
  smsCode,
  waitForPath,
  type Session,
  pick,
} from './browser'
import { makeResidentId } from '../src/shared/residentId'

// Accounts, in order: the city admin creates a district staff account and hands over its temporary
// password; the new staff member binds an authenticator, must set a password of their own before anything
// else, and gets to work; the city admin disables the account and the open session ends at once. A young
// person who forgot their password resets it with a code sent to the registered phone.

let browser: Browser
const sessions: Session[] = []
const stamp = Date.now().toString(36)
const staffUser = `e2e_staff_${stamp}`
const POLL = { timeout: 30_000 }
let admin: Page
let staff: Page
let temporary = ''

beforeAll(async () => {
  browser = await launchBrowser()
})
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [n, s] of sessions.entries()) await screenshot(s.page, `accounts-failed-${n}`).catch(() => {})
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

describe(`accounts against ${BASE_URL}`, () => {
  it('the city admin creates a district staff account and sees its temporary password once', async () => {
    admin = await open()
    await login(admin, 'admin')
    await waitForPath(admin, '/admin')
    await admin.locator('.el-menu-item', { hasText: '账户管理' }).click()
    await waitForPath(admin, '/admin/accounts')
    await admin.locator('[data-testid="accounts-table"]').waitFor()
    await admin.locator('[data-testid="accounts-create"]').click()
    // Element Plus puts a field's test id on its native input and teleports the dialog, so fields are found on the page.
    const dialog = admin
    await dialog.locator('input[data-testid="create-username"], [data-testid="create-username"] input').fill(staffUser)
    await dialog.locator('input[data-testid="create-display-name"], [data-testid="create-display-name"] input').fill('万州区见习科')
    await pick(admin, dialog.locator('[data-testid="create-region"]'), '万州区')
    await dialog.locator('input[data-testid="create-phone"], [data-testid="create-phone"] input').fill('13900009999')
    await dialog.locator('[data-testid="create-submit"]').click()
    const issued = admin.locator('[data-testid="temporary-password"]')
    await issued.waitFor()
    temporary = ((await issued.textContent()) ?? '').trim()
    expect(temporary.length).toBe(12)
    await screenshot(admin, 'accounts-temporary-password')
    await admin.locator('[data-testid="temporary-password-close"]').click()
    await admin.locator('input[data-testid="accounts-q"], [data-testid="accounts-q"] input').fill(staffUser)
    await admin.locator('input[data-testid="accounts-q"], [data-testid="accounts-q"] input').press('Enter')
    await expect.poll(() => admin.locator('[data-testid="accounts-table"] .el-table__row').count(), POLL).toBe(1)
    expect(await admin.locator('[data-testid="accounts-table"]').textContent()).toContain('待改密')
  })

  it('the new staff member binds an authenticator and must choose a password before anything else', async () => {
    staff = await open()
    await login(staff, staffUser, temporary)
    await staff.locator('[data-testid="enrol-step"]').waitFor()
    const secret = ((await staff.locator('[data-testid="enrol-secret"]').textContent()) ?? '').replace(/\s/g, '')
    await staff.locator('input[name="enrol-code"]').fill(await nextCode(staffUser, secret))
    await staff.locator('[data-testid="enrol-submit"]').click()
    await staff.locator('[data-testid="recovery-done"]').click()
    await waitForPath(staff, '/account/password')
    await staff.locator('[data-testid="password-change-required"]').waitFor()
    // Elsewhere in the terminal is out of reach until the password is changed.
    await staff.goto(`${BASE_URL}/admin/youth`, { waitUntil: 'domcontentloaded' })
    await waitForPath(staff, '/account/password')
    await screenshot(staff, 'accounts-password-required')
    await staff.locator('input[data-testid="current-password"], [data-testid="current-password"] input').fill(temporary)
    await staff.locator('input[data-testid="new-password"], [data-testid="new-password"] input').fill('Wanzhou#Staff2026')
    await staff.locator('input[data-testid="confirm-password"], [data-testid="confirm-password"] input').fill('Wanzhou#Staff2026')
    await staff.locator('[data-testid="change-password-submit"]').click()
    await waitForPath(staff, '/admin')
    await staff.locator('.el-menu-item', { hasText: '青年实名库' }).click()
    await waitForPath(staff, '/admin/youth')
  })

  it('disabling the account ends its open session at once', async () => {
    await admin.locator(`[data-testid="account-toggle-${staffUser}"]`).click()
    await admin.locator('.el-message-box__btns .el-button--primary').click()
    await expect.poll(() => admin.locator('[data-testid="accounts-table"]').textContent(), POLL).toContain('已停用')
    // The staff page's next request is refused and the terminal goes back to the login page.
    await staff.locator('.el-menu-item', { hasText: '见习基地' }).first().click()
    await waitForPath(staff, '/login')
    await screenshot(staff, 'accounts-disabled-signed-out')
  })

  it('a young person resets a forgotten password with a code to the registered phone', async () => {
    const username = `pr_${stamp}`
    const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
    const now = new Date()
    await registerYouthByApi({
      profile: {
        name: '忘记密码',
        idNumber: makeResidentId('500101', `${now.getFullYear() - 22}-05-12`, 100 + Math.floor(Math.random() * 900)),
        phone,
        regionCode: '500101',
        education: 'BACHELOR',
        school: '重庆大学',
        major: '会计学',
        graduationDate: `${now.getFullYear() - 1}-06-30`,
        currentStatus: 'UNEMPLOYED',
        internshipIntention: true,
        trainingIntention: false,
        preferredRegions: ['500101'],
        preferredCategories: ['TECHNICAL'],
      },
      username,
      password: 'Jianxi@2024p',
    })
    const youth = await open({ width: 390, height: 844 })
    await youth.goto(`${BASE_URL}/login`, { waitUntil: 'domcontentloaded' })
    await youth.locator('[data-testid="password-reset-link"]').click()
    await waitForPath(youth, '/password-reset')
    await youth.locator('input[data-testid="reset-username"], [data-testid="reset-username"] input').fill(username)
    await youth.locator('[data-testid="reset-send-code"]').click()
    await youth.locator('[data-testid="reset-notice"]').waitFor()
    await expect.poll(() => { try { return smsCode(phone) } catch { return '' } }, POLL).toMatch(/^\d{6}$/)
    await youth.locator('input[data-testid="reset-code"], [data-testid="reset-code"] input').fill(smsCode(phone))
    await youth.locator('input[data-testid="reset-new-password"], [data-testid="reset-new-password"] input').fill('Jianxi@2025n')
    await youth.locator('input[data-testid="reset-confirm-password"], [data-testid="reset-confirm-password"] input').fill('Jianxi@2025n')
    await screenshot(youth, 'accounts-password-reset')
    await youth.locator('[data-testid="reset-submit"]').click()
    await waitForPath(youth, '/login')
    expect(await apiToken(username, 'Jianxi@2025n')).toBeTruthy()
  })
})
