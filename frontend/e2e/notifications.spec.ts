import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import {
  BASE_URL,
  apiToken,
  expectNoPageErrors,
  launchBrowser,
  login,
  openPage,
  screenshot,
  smsText,
  waitForPath,
  type Session,
} from './browser'
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '../src/shared/creditCode'

// Notifications, in order: an employer files for itself (through the API, as the registration page does); wanzhou's
// bell counts the filing waiting for review, and a click on it opens 基地备案审核; wanzhou records a passed
// inspection and approves (through the API); the base logs in, its bell shows the decision, a click marks it read
// and opens 备案信息, the badge goes, and 消息通知 lists it as read; the base's contact phone got one text message
// without the employer's name. It changes data (a new base), so run it against a throw-away database.

let browser: Browser
const sessions: Session[] = []
const stamp = Date.now().toString(36).toUpperCase()
const employerName = `e2e通知测试科技有限公司${stamp}`
const username = `notify_${stamp.toLowerCase()}`
const password = 'Jianxi@2024note'
const phone = `137${String(Date.now() % 100_000_000).padStart(8, '0')}`
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
let filing = 0

beforeAll(async () => {
  browser = await launchBrowser()
})
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [n, s] of sessions.entries()) await screenshot(s.page, `notifications-failed-${n}`).catch(() => {})
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

async function post(path: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${BASE_URL}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  if (res.status >= 300) throw new Error(`POST ${path} → ${res.status} ${text}`)
  return JSON.parse(text) as Record<string, unknown>
}

/** The bell's unread count, as its label tells it (the badge itself stops at 99+). */
async function badge(page: Page): Promise<number> {
  const label = (await page.locator('[data-testid="notification-bell"]').getAttribute('aria-label')) ?? ''
  const m = /(\d+) 条未读/.exec(label)
  if (!m) throw new Error(`the bell says ${label}`)
  return Number(m[1])
}

/** Whether the badge shows at all. */
async function badgeShown(page: Page): Promise<boolean> {
  const sup = page.locator('[data-testid="notification-count"] sup')
  return (await sup.count()) > 0 && (await sup.first().isVisible())
}

describe('notifications', () => {
  it('a filing waiting for review reaches the district’s bell and opens the review queue', async () => {
    const body = '91500101' + Array.from({ length: 9 }, () => CREDIT_CODE_CHARSET[Math.floor(Math.random() * 31)]).join('')
    const filed = await post('/api/bases/applications', {
      creditCode: body + creditCodeCheckChar(body),
      employerName,
      regionCode: '500101',
      industry: '软件和信息技术服务业',
      ownership: 'PRIVATE',
      keyCategories: [],
      contactName: '通知联系人',
      contactPhone: phone,
      address: '重庆市万州区通知路 1 号',
      username,
      password,
    })
    filing = Number(filed.id)

    const page = await open()
    await login(page, 'wanzhou')
    await page.locator('[data-testid="admin-shell"]').waitFor()
    await expect.poll(() => badge(page), { timeout: 30_000 }).toBeGreaterThan(0)
    await page.locator('[data-testid="notification-bell"]').click()
    const item = page.locator('[data-testid="notification-list"] [data-testid="notification-item"]', { hasText: employerName })
    await item.waitFor()
    expect(await item.innerText()).toContain('见习基地备案待审核')
    const before = await badge(page)
    await item.click()
    await waitForPath(page, '/admin/base-review')
    await expect.poll(() => badge(page)).toBe(before - 1)
  })

  it('the district approves the filing, and the base sees the decision in its bell and on its notifications page', async () => {
    const token = await apiToken('wanzhou')
    await post(`/api/bases/${filing}/inspections`, {
      inspectedOn: today,
      inspectorOne: '核查员甲',
      inspectorTwo: '核查员乙',
      findings: '场所与申报一致',
      conclusion: 'PASSED',
    }, token)
    await post(`/api/bases/${filing}/approve`, {}, token)

    const page = await open()
    await login(page, username, password)
    await page.locator('[data-testid="base-shell"]').waitFor()
    await expect.poll(() => badge(page), { timeout: 30_000 }).toBe(1)
    expect(await badgeShown(page)).toBe(true)
    await page.locator('[data-testid="notification-bell"]').click()
    const item = page.locator('[data-testid="notification-list"] [data-testid="notification-item"]').first()
    await item.waitFor()
    expect(await item.innerText()).toContain('见习基地备案已审核通过')
    await item.click()
    await waitForPath(page, '/base/filing')
    await expect.poll(() => badge(page)).toBe(0)
    await expect.poll(() => badgeShown(page)).toBe(false)

    await page.goto(`${BASE_URL}/base/notifications`, { waitUntil: 'domcontentloaded' })
    const listed = page.locator('[data-testid="notifications-page"] [data-testid="notification-item"]')
    await listed.first().waitFor()
    expect(await listed.count()).toBe(1)
    expect(await listed.first().innerText()).toContain(employerName)
    expect(await page.locator('[data-testid="notifications-page"]').innerText()).toContain('共 1 条')
    await screenshot(page, 'notifications-base-page')

    const text = smsText(phone)
    expect(text).toContain('备案已审核通过')
    expect(text).not.toContain(employerName)
  })
})
