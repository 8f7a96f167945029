import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { DEMO_TOTP_SECRET as DEFAULT_TOTP_SECRET, totp } from '../scripts/totp.mjs'

export const BASE_URL = (process.env.E2E_BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '')
export const DEMO_PASSWORD = process.env.JIANXI_DEMO_PASSWORD ?? 'Jianxi@2023'
/** The demo staff's authenticator secret (jianxi.demo.totp-secret). */
export const DEMO_TOTP_SECRET = process.env.JIANXI_DEMO_TOTP_SECRET ?? DEFAULT_TOTP_SECRET
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

/** A refusal (an HTTP error status) the journey provokes on purpose and checks on the page. */
export interface ExpectedRefusal {
  status: number
  /** The request's path (exact), or a pattern over path and query. */
  path: string | RegExp
  method?: string
}

export interface Session {
  context: BrowserContext
  page: Page
  pageErrors: string[]
  /** Refusals declared with expectRefusal(); any other 4xx/5xx from the app is an error of the journey. */
  refusals: ExpectedRefusal[]
}

/** Every session still open, so that the journeys' common afterEach (e2e/setup.ts) checks them all. */
export const openSessions = new Set<Session>()

const APP_ORIGIN = new URL(BASE_URL).origin

function matches(refusal: ExpectedRefusal, status: number, method: string, url: URL): boolean {
  if (refusal.status !== status) return false
  if (refusal.method && refusal.method.toUpperCase() !== method) return false
  return typeof refusal.path === 'string' ? refusal.path === url.pathname : refusal.path.test(url.pathname + url.search)
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
  const session: Session = { context, page, pageErrors: [], refusals: [] }
  const { pageErrors } = session
  page.on('pageerror', (e) => pageErrors.push(String(e)))
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return
    const text = msg.text()
    // Chromium logs every error status it receives; the response listener below judges each one (against
    // the declared refusals), so this line would only repeat it.
    if (/^Failed to load resource: the server responded with a status of \d{3}/.test(text)) return
    pageErrors.push(`console.error: ${text}`)
  })
  page.on('response', (response) => {
    const status = response.status()
    if (status < 400) return
    const url = new URL(response.url())
    if (url.origin !== APP_ORIGIN) return
    const method = response.request().method()
    if (session.refusals.some((r) => matches(r, status, method, url))) return
    pageErrors.push(`unexpected ${status} on ${method} ${url.pathname}${url.search}`)
  })
  openSessions.add(session)
  context.on('close', () => openSessions.delete(session))
  return session
}

/**
 * Declares a refusal the journey provokes on purpose (a 403 it checks, a wrong password, a form the server
 * refuses); it stays expected for the session's remaining steps. Every other error status fails the journey.
 */
export function expectRefusal(session: Session, status: number, path: string | RegExp, method?: string): void {
  session.refusals.push({ status, path, method })
}

/** Fails (from an afterEach hook) when any open page logged an uncaught error or a console error since the last check. */
export function expectNoPageErrors(sessions: Iterable<Session>): void {
  const errors = [...sessions].flatMap((s) => s.pageErrors.splice(0))
  if (errors.length) throw new Error(`Errors on the page:\n${errors.join('\n')}`)
}

// --- the second factor (TOTP, RFC 6238) ---------------------------------------------------------

export { totp }

const STEP_MS = 30_000
// The server accepts a code once per account, and never an older one; spec files run one after another in
// separate module scopes, so the steps used so far are kept in a file for this server.
const USED_STEPS = join(tmpdir(), `jianxi-e2e-totp-${createHash('sha1').update(BASE_URL).digest('hex').slice(0, 12)}.json`)

function usedSteps(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(USED_STEPS, 'utf8')) as Record<string, number>
  } catch {
    return {}
  }
}

/**
 * A code the server has not accepted yet for this account: the current step's, or the next one's (the
 * server allows one step of drift); when both are used, waits for the next step.
 */
export async function nextCode(username: string, secret: string): Promise<string> {
  const used = usedSteps()
  const now = Math.floor(Date.now() / STEP_MS)
  const step = Math.max(now, (used[username] ?? -1) + 1)
  if (step > now + 1) await new Promise((r) => setTimeout(r, (step - 1) * STEP_MS - Date.now() + 250))
  writeFileSync(USED_STEPS, JSON.stringify({ ...used, [username]: step }))
  return totp(secret, step)
}

/** Forgets the steps of an account whose authenticator was just (re)bound: its new secret has used none. */
export function forgetCodes(username: string): void {
  const used = usedSteps()
  delete used[username]
  writeFileSync(USED_STEPS, JSON.stringify(used))
}

export interface LoginOptions {
  /** The account's authenticator secret; the demo staff's by default. */
  totpSecret?: string
}

/**
 * Fills in the login form; where the account has an authenticator (the demo staff do), also the code.
 * Returns once the page shows the terminal, the code step's result, an error or a binding step.
 */
export async function login(page: Page, username: string, password = DEMO_PASSWORD, options: LoginOptions = {}): Promise<void> {
  await page.goto(`${BASE_URL}/login`, { waitUntil: 'domcontentloaded' })
  await page.locator('input[name="username"]').fill(username)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('[data-testid="login-submit"]').click()
  const next = page.locator(
    ['input[name="totp-code"]', '[data-testid="login-error"]', '[data-testid="enrol-step"]', '[data-testid$="-shell"]'].join(', '),
  )
  await next.first().waitFor({ timeout: 60_000 })
  if (await page.locator('input[name="totp-code"]').count()) {
    await page.locator('input[name="totp-code"]').fill(await nextCode(username, options.totpSecret ?? DEMO_TOTP_SECRET))
    await page.locator('[data-testid="login-code-submit"]').click()
  }
}

/** A bearer token through the API: the password, then the code where the account has an authenticator. */
export async function apiToken(username: string, password = DEMO_PASSWORD, options: LoginOptions = {}): Promise<string> {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${BASE_URL}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    const text = await res.text()
    if (res.status !== 200) throw new Error(`POST ${path} → ${res.status} ${text}`)
    return JSON.parse(text) as { status: string; accessToken?: string; challenge?: string }
  }
  const first = await post('/api/auth/login', { username, password })
  if (first.status === 'AUTHENTICATED') return first.accessToken!
  if (first.status !== 'SECOND_FACTOR_REQUIRED') throw new Error(`${username}: login needs ${first.status}`)
  const code = await nextCode(username, options.totpSecret ?? DEMO_TOTP_SECRET)
  return (await post('/api/auth/login/second-factor', { challenge: first.challenge, code })).accessToken!
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

/** The version of the consent text in force (the registration page shows it and sends its version). */
export async function consentVersion(): Promise<string> {
  const res = await fetch(`${BASE_URL}/api/privacy/consent-text`)
  if (res.status !== 200) throw new Error(`consent text → ${res.status}`)
  return ((await res.json()) as { version: string }).version
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
    body: JSON.stringify({ ...body, verificationCode: smsCode(body.profile.phone), consentVersion: await consentVersion() }),
  })
  if (res.status !== 202) throw new Error(`registration → ${res.status} ${await res.text()}`)
}

const OPEN_DROPDOWN = '.el-select-dropdown:visible'

/**
 * Picks `label` in the Element Plus select `select` (after typing `search` into a filterable one), then waits
 * until no dropdown is open: a dropdown left open covers the controls below it.
 */
export async function pick(page: Page, select: Locator | string, label: string, search?: string): Promise<void> {
  const field = typeof select === 'string' ? page.locator(select) : select
  await field.first().click()
  if (search !== undefined) await page.keyboard.type(search)
  const options = page.locator(`${OPEN_DROPDOWN} .el-select-dropdown__item`)
  if (search !== undefined) {
    // A remote search replaces the options: wait for its answer before picking.
    await expect
      .poll(async () => (await options.count()) > 0 && (await options.allTextContents()).every((t) => t.includes(search)), { timeout: 10_000 })
      .toBe(true)
  }
  await options.filter({ hasText: label }).first().click()
  await closeDropdowns(page)
}

/** Closes an open select dropdown (a multiple select stays open after a pick) and waits until it is gone. */
export async function closeDropdowns(page: Page): Promise<void> {
  const open = page.locator(OPEN_DROPDOWN)
  try {
    await expect.poll(() => open.count(), { timeout: 1_000 }).toBe(0)
  } catch {
    await page.keyboard.press('Escape')
    await expect.poll(() => open.count(), { timeout: 5_000 }).toBe(0)
  }
}

export async function waitForPath(page: Page, path: string): Promise<void> {
  await page.waitForURL((u) => u.pathname === path, { timeout: 60_000 })
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true })
}
