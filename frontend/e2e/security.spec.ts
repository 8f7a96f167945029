import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import {
  BASE_URL,
  DEMO_PASSWORD,
  expectNoPageErrors,
  forgetCodes,
  launchBrowser,
  login,
  nextCode,
  openPage,
  screenshot,
  totp,
  waitForPath,
  type Session,
  registerYouthByApi,
  expectRefusal,
} from './browser'
import { makeResidentId } from '../src/shared/residentId'

// The second factor. yuzhong (渝中区, a demo staff account without an authenticator) binds one at the first
// login by reading the secret shown next to the QR code, as someone typing it into an app would; keeps the
// recovery codes (downloaded); logs out and in with a code, then once with a recovery code; the city admin
// resets it and the next login asks to bind again. A young person switches it on and off on the phone.

let browser: Browser
const sessions: Session[] = []
const STAFF = 'yuzhong'
let secret = ''
let recovery: string[] = []

const stamp = Date.now().toString(36)
const youthUser = `tf_${stamp}`
const youthPassword = 'Jianxi@2024t'
const PHONE = { width: 390, height: 844 }
// The machine is slow: a server round trip can take seconds.
const POLL = { timeout: 30_000 }

beforeAll(async () => {
  browser = await launchBrowser()
})
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [n, s] of sessions.entries()) await screenshot(s.page, `security-failed-${n}`).catch(() => {})
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

describe(`second factor against ${BASE_URL}`, () => {
  it('staff without an authenticator bind one at the first login and keep the recovery codes', async () => {
    const page = await open()
    await login(page, STAFF)
    await page.locator('[data-testid="enrol-step"]').waitFor()
    const qr = page.locator('[data-testid="enrol-qr"]')
    await qr.waitFor()
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), POLL).toBe(true)
    secret = ((await page.locator('[data-testid="enrol-secret"]').textContent()) ?? '').replace(/\s/g, '')
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    await screenshot(page, 'security-enrol')

    // A code from another secret is refused in place.
    expectRefusal(page, 401, '/api/auth/login/enrolment/confirm', 'POST')
    const step = Math.floor(Date.now() / 30_000)
    await page.locator('input[name="enrol-code"]').fill(totp('JBSWY3DPEHPK3PXP', step))
    await page.locator('[data-testid="enrol-submit"]').click()
    await expect.poll(() => page.locator('[data-testid="enrol-panel"] .el-form-item__error').textContent(), POLL).toContain('验证码不正确')

    forgetCodes(STAFF)
    await page.locator('input[name="enrol-code"]').fill(await nextCode(STAFF, secret))
    await page.locator('[data-testid="enrol-submit"]').click()
    const codes = page.locator('[data-testid="recovery-codes"] li')
    await expect.poll(() => codes.count(), POLL).toBe(10)
    recovery = (await codes.allTextContents()).map((t) => t.trim())
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="recovery-download"]').click(),
    ])
    const text = readFileSync(await download.path(), 'utf8')
    for (const c of recovery) expect(text).toContain(c)
    await screenshot(page, 'security-recovery-codes')
    await page.locator('[data-testid="recovery-done"]').click()
    await waitForPath(page, '/admin')

    await page.locator('.el-menu-item', { hasText: '安全设置' }).click()
    await waitForPath(page, '/admin/security')
    await expect.poll(() => page.locator('[data-testid="security-status"]').textContent(), POLL).toContain('已启用')
    expect(await page.locator('[data-testid="security-remaining"]').textContent()).toBe('10')
    // Staff cannot switch it off.
    expect(await page.locator('[data-testid="security-disable"]').count()).toBe(0)
    await screenshot(page, 'security-settings-staff')
    await page.locator('[data-testid="logout"]').click()
    await waitForPath(page, '/login')
  })

  it('logs in with a code from the app, and without the phone once with a recovery code', async () => {
    const page = await open()
    await login(page, STAFF, DEMO_PASSWORD, { totpSecret: secret })
    await waitForPath(page, '/admin')
    await page.locator('[data-testid="admin-shell"]').waitFor()
    await page.locator('[data-testid="logout"]').click()
    await waitForPath(page, '/login')

    await page.locator('input[name="username"]').fill(STAFF)
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
    await page.locator('[data-testid="login-submit"]').click()
    await page.locator('[data-testid="toggle-recovery-code"]').click()
    await page.locator('input[name="recovery-code"]').fill(recovery[0]!)
    await screenshot(page, 'security-login-recovery-code')
    await page.locator('[data-testid="login-code-submit"]').click()
    await waitForPath(page, '/admin')
    await page.locator('.el-menu-item', { hasText: '安全设置' }).click()
    await waitForPath(page, '/admin/security')
    await expect.poll(() => page.locator('[data-testid="security-remaining"]').textContent(), POLL).toBe('9')
  })

  it('the city admin resets it, and the next login asks to bind again', async () => {
    const admin = await open()
    await login(admin, 'admin')
    await waitForPath(admin, '/admin')
    await admin.locator('.el-menu-item', { hasText: '安全设置' }).click()
    await waitForPath(admin, '/admin/security')
    await admin.locator('input[name="reset-username"]').fill(STAFF)
    await admin.locator('[data-testid="security-reset-submit"]').click()
    await admin.locator('.el-message-box').getByRole('button', { name: '重置' }).click()
    await admin.locator('.el-message--success').waitFor()

    const page = await open()
    await login(page, STAFF)
    await page.locator('[data-testid="enrol-qr"]').waitFor()
    expect(new URL(page.url()).pathname).toBe('/login')
  })

  it('a young person switches the authenticator on and off on the phone', async () => {
    const now = new Date()
    // Registration proves the phone with a one-time code and records the consent (registerYouthByApi).
    await registerYouthByApi({
      profile: {
        name: '安全设置测试',
        idNumber: makeResidentId('500101', `${now.getFullYear() - 22}-03-14`, 100 + Math.floor(Math.random() * 900)),
        phone: `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
        regionCode: '500101',
        education: 'BACHELOR',
        school: '重庆大学',
        major: '软件工程',
        graduationDate: `${now.getMonth() >= 6 ? now.getFullYear() : now.getFullYear() - 1}-06-30`,
        currentStatus: 'UNEMPLOYED',
        internshipIntention: true,
        trainingIntention: false,
        preferredRegions: ['500101'],
        preferredCategories: ['TECHNICAL'],
      },
      username: youthUser,
      password: youthPassword,
    })

    const page = await open(PHONE)
    await login(page, youthUser, youthPassword)
    await waitForPath(page, '/youth')
    await page.locator('[data-testid="tab-me"]').click()
    await waitForPath(page, '/youth/me')
    await page.locator('[data-testid="me-security"]').click()
    await waitForPath(page, '/youth/me/security')
    await expect.poll(() => page.locator('[data-testid="security-status"]').textContent(), POLL).toContain('未启用')
    await page.locator('[data-testid="security-enable"]').click()
    await page.locator('[data-testid="enrol-qr"]').waitFor()
    const youthSecret = ((await page.locator('[data-testid="enrol-secret"]').textContent()) ?? '').replace(/\s/g, '')
    forgetCodes(youthUser)
    await page.locator('input[name="enrol-code"]').fill(await nextCode(youthUser, youthSecret))
    await page.locator('[data-testid="enrol-submit"]').click()
    await expect.poll(() => page.locator('[data-testid="recovery-codes"] li').count(), POLL).toBe(10)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
    await screenshot(page, 'security-youth-codes')
    await page.locator('[data-testid="security-codes-done"]').click()
    await expect.poll(() => page.locator('[data-testid="security-status"]').textContent(), POLL).toContain('已启用')

    // Now the login asks for the code.
    const again = await open(PHONE)
    await login(again, youthUser, youthPassword, { totpSecret: youthSecret })
    await waitForPath(again, '/youth')

    // Switching off takes a current code.
    await page.locator('input[name="current-code"]').fill(await nextCode(youthUser, youthSecret))
    await page.locator('[data-testid="security-disable"]').click()
    await page.locator('.van-dialog__confirm').click()
    await expect.poll(() => page.locator('[data-testid="security-status"]').textContent(), POLL).toContain('未启用')
  })
})
