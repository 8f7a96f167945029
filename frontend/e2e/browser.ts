import { mkdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const BASE_URL = (process.env.E2E_BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '')
export const DEMO_PASSWORD = process.env.JIANXI_DEMO_PASSWORD ?? 'Jianxi@2023'
export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium'
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url))

/** Playwright's launch() always starts Chromium with a fresh temporary profile (user-data-dir). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 120_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

export interface Session {
  context: BrowserContext
  page: Page
  pageErrors: string[]
}

export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1366, height: 900 },
): Promise<Session> {
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    // The platform's dates are Chongqing's: a browser in UTC is a day behind from 16:00 UTC.
    timezoneId: 'Asia/Shanghai',
    deviceScaleFactor: 1,
    isMobile: viewport.width < 500,
    hasTouch: viewport.width < 500,
  })
  context.setDefaultTimeout(30_000)
  context.setDefaultNavigationTimeout(60_000)
  const page = await context.newPage()
  const pageErrors: string[] = []
  page.on('pageerror', (e) => pageErrors.push(String(e)))
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return
    const text = msg.text()
    // A refused request (4xx) is logged by Chromium itself; the journeys check how the page shows it.
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return
    pageErrors.push(`console.error: ${text}`)
  })
  return { context, page, pageErrors }
}

/** Fails (from an afterEach hook) when any open page logged an uncaught error or a console error since the last check. */
export function expectNoPageErrors(sessions: readonly Session[]): void {
  const errors = sessions.flatMap((s) => s.pageErrors.splice(0))
  if (errors.length) throw new Error(`Errors on the page:\n${errors.join('\n')}`)
}

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${BASE_URL}/login`, { waitUntil: 'domcontentloaded' })
  await page.locator('input[name="username"]').fill(username)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('[data-testid="login-submit"]').click()
}

/** The last six-digit code the SMS outbox (a file the test server writes) holds for the phone. */
export function smsCode(phone: string): string {
  const file = process.env.JIANXI_SMS_OUTBOX_FILE
  if (!file) throw new Error('JIANXI_SMS_OUTBOX_FILE is not set (run the journeys through serve-and-run.sh)')
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith(`${phone}\t`))
  for (const line of lines.reverse()) {
    const m = /验证码 (\d{6})/.exec(line)
    if (m) return m[1]
  }
  throw new Error(`no code for ${phone} in the SMS outbox`)
}

/** The last text message the outbox holds for the phone. */
export function smsText(phone: string): string {
  const file = process.env.JIANXI_SMS_OUTBOX_FILE
  if (!file) throw new Error('JIANXI_SMS_OUTBOX_FILE is not set')
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith(`${phone}\t`))
  return lines.length ? lines[lines.length - 1].slice(phone.length + 1) : ''
}

/** Registers a young person through the API as the phone page does: a code first, then the form. */
export async function registerYouthByApi(body: { profile: { phone: string } & Record<string, unknown>; username: string; password: string }): Promise<void> {
  const sent = await fetch(`${BASE_URL}/api/auth/verification-codes`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ phone: body.profile.phone }),
  })
  if (sent.status !== 202) throw new Error(`verification code → ${sent.status} ${await sent.text()}`)
  const res = await fetch(`${BASE_URL}/api/youth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...body, verificationCode: smsCode(body.profile.phone) }),
  })
  if (res.status !== 202) throw new Error(`registration → ${res.status} ${await res.text()}`)
}

export async function waitForPath(page: Page, path: string): Promise<void> {
  await page.waitForURL((u) => u.pathname === path, { timeout: 60_000 })
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true })
}
