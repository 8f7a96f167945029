import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { BASE_URL, expectNoPageErrors, launchBrowser, openPage, screenshot, type Session } from './browser'

// The browser security headers as Chromium receives them: the SPA runs under a CSP without inline script
// (every journey fails on a console error, so a violation anywhere in the UI shows up), a violation is
// indeed reported, and Swagger UI works under its own policy.

let browser: Browser
const sessions: Session[] = []

beforeAll(async () => {
  browser = await launchBrowser()
})
afterEach(() => expectNoPageErrors(sessions))
afterAll(async () => {
  for (const s of sessions) await s.context.close().catch(() => {})
  await browser?.close()
})

async function open(): Promise<Session> {
  const s = await openPage(browser)
  sessions.push(s)
  return s
}

describe(`browser security against ${BASE_URL}`, () => {
  it('a deep SPA route is revalidated and carries the policy; an injected inline script is refused and reported', async () => {
    const s = await open()
    const res = await s.page.goto(`${BASE_URL}/youth/internship`, { waitUntil: 'domcontentloaded' })
    const headers = res!.headers()
    expect(headers['content-security-policy']).toContain("script-src 'self';")
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(headers['cache-control']).toBe('no-cache')
    expect(headers['x-frame-options']).toBe('DENY')
    expect(headers['x-content-type-options']).toBe('nosniff')
    await s.page.locator('input[name="username"]').waitFor()

    const outcome = await s.page.evaluate(
      () =>
        new Promise<{ directive: string; ran: boolean }>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) =>
            resolve({ directive: e.violatedDirective, ran: 'jianxiInline' in window }),
          )
          const script = document.createElement('script')
          script.textContent = 'window.jianxiInline = true'
          document.body.appendChild(script)
          setTimeout(() => resolve({ directive: 'none', ran: 'jianxiInline' in window }), 3000)
        }),
    )
    expect(outcome).toEqual({ directive: 'script-src-elem', ran: false })
    // Chromium reports the violation on the console, which is what makes the journeys fail on one.
    const reported = s.pageErrors.splice(0)
    expect(reported.some((e) => e.includes('Content Security Policy'))).toBe(true)
  })

  it('Swagger UI loads the contract under its own policy without errors', async () => {
    const s = await open()
    const res = await s.page.goto(`${BASE_URL}/q/swagger-ui/`, { waitUntil: 'domcontentloaded' })
    expect(res!.headers()['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'")
    await s.page.locator('.swagger-ui .info .title', { hasText: '见习通' }).waitFor()
    await s.page.locator('.swagger-ui .opblock').first().waitFor()
    await screenshot(s.page, 'swagger-ui')
  })
})
