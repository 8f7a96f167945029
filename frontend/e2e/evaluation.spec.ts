import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { BASE_URL, apiToken, expectNoPageErrors, launchBrowser, login, openPage, screenshot, waitForPath, type Session } from './browser'

// The yearly evaluation to a national recommendation: the city keeps the year's scheme but lets any base
// with interns qualify (API); wanzhou scores every other base's manual criteria (API), then in the browser
// opens 年度评估, scores the leading base's manual criteria on its sheet, closes the year (the sheets
// freeze), confirms the proposed district demonstration bases and nominates the leader to the city; the
// city admin, on 示范基地评选, makes it a city demonstration base and recommends it to the national
// selection, which uses 万州区's one place of Annex 2. It changes data, so run it on a throw-away database.

let browser: Browser
const sessions: Session[] = []
const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))
const REGION = '500101'
let leader = 0
let leaderName = ''

beforeAll(async () => {
  browser = await launchBrowser()
})
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [n, s] of sessions.entries()) await screenshot(s.page, `evaluation-failed-${n}`).catch(() => {})
  }
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
async function call(token: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  expect(res.ok, `${method} ${path} → ${res.status} ${text}`).toBe(true)
  return text ? JSON.parse(text) : {}
}

async function confirmBox(page: Page, label: string) {
  await page.locator('.el-message-box__btns button', { hasText: label }).click()
}

describe(`yearly evaluation journey against ${BASE_URL}`, () => {
  it('setup: the scheme lets bases with interns qualify; every base but the leader is scored (API)', async () => {
    const admin = await apiToken('admin')
    const scheme = await call(admin, 'GET', `/api/evaluations/${year}/scheme`)
    await call(admin, 'PUT', `/api/evaluations/${year}/scheme`, {
      criteria: scheme.criteria,
      eligibility: [{ rule: 'INTERNS_AT_LEAST', threshold: 0 }],
    })
    const wanzhou = await apiToken('wanzhou')
    const table = await call(wanzhou, 'GET', `/api/evaluations/${year}/regions/${REGION}?size=500`)
    expect(table.total).toBeGreaterThan(0)
    leader = table.items[0].baseId
    leaderName = table.items[0].baseName
    const manual = scheme.criteria.filter((c: { kind: string }) => c.kind === 'MANUAL')
    for (const row of table.items.slice(1)) {
      for (const c of manual) {
        await call(wanzhou, 'PUT', `/api/evaluations/${year}/bases/${row.baseId}/manual-scores/${c.code}`, {
          percent: 60,
          note: '现场核查：场所与材料一致',
        })
      }
    }
  })

  it('wanzhou scores the leader on its sheet, closes the year and confirms the district demonstration bases', async () => {
    const page = await open()
    await login(page, 'wanzhou')
    await page.locator('.el-menu-item', { hasText: '年度评估' }).click()
    await waitForPath(page, '/admin/evaluation')
    await page.locator('[data-testid="evaluation-table"]').waitFor()
    await expect.poll(() => page.locator('[data-testid="evaluation-status"]').innerText()).toContain('进行中')
    await expect.poll(() => page.locator('[data-testid="evaluation-status"]').innerText()).toContain('向下取整且至少 1 家')

    await page.locator(`[data-testid="open-sheet-${leader}"]`).click()
    const sheet = page.locator('[data-testid="score-sheet"]')
    await sheet.waitFor()
    await expect.poll(() => sheet.innerText()).toContain('留用率')
    for (const code of ['INSPECTION', 'SAFETY', 'COMPLAINTS']) {
      const row = page.locator(`[data-testid="manual-${code}"]`)
      await row.locator('input').first().fill('90')
      await row.locator('input').nth(1).fill('现场核查：管理规范')
      await row.locator('button', { hasText: '保存' }).click()
      await page.locator('.el-message--success').last().waitFor()
    }
    await page.locator('.el-drawer__close-btn').click()

    await page.locator('[data-testid="close-evaluation"]').click()
    await confirmBox(page, '完成评估')
    await expect.poll(() => page.locator('[data-testid="evaluation-status"]').innerText(), { timeout: 30_000 }).toContain('已冻结')

    await page.locator('[data-testid="confirm-awards"]').click()
    await page.locator('[data-testid="confirm-awards-submit"]').click()
    await page.locator('.el-message--success', { hasText: '已确认区级示范见习基地' }).waitFor()

    await page.locator('.el-menu-item', { hasText: '示范基地评选' }).click()
    await waitForPath(page, '/admin/demonstration')
    const nominate = page.locator(`[data-testid="advance-${leader}-DISTRICT"]`)
    await nominate.waitFor()
    await nominate.click()
    await page.locator('.el-message--success', { hasText: '推荐参评市级' }).waitFor()
  })

  it('the city admin makes it a city demonstration base and recommends it to the national selection', async () => {
    const page = await open()
    await login(page, 'admin')
    await page.locator('.el-menu-item', { hasText: '示范基地评选' }).click()
    await waitForPath(page, '/admin/demonstration')
    const select = page.locator(`[data-testid="advance-${leader}-CITY_NOMINATED"]`)
    await select.waitFor()
    await select.click()
    await page.locator('.el-message--success', { hasText: '评为市级示范' }).waitFor()
    const recommend = page.locator(`[data-testid="advance-${leader}-CITY"]`)
    await recommend.waitFor()
    await recommend.click()
    await page.locator('.el-message--success', { hasText: '推荐参评国家级' }).waitFor()
    await expect.poll(() => page.locator('[data-testid="progress-table"]').innerText()).toContain('1 / 1')

    const admin = await apiToken('admin')
    const awards = await call(admin, 'GET', `/api/evaluations/${year}/awards?regionCode=${REGION}&stage=NATIONAL_RECOMMENDED`)
    expect(awards.total).toBe(1)
    expect(awards.items[0].baseName).toBe(leaderName)
    const base = await call(admin, 'GET', `/api/bases/${leader}`)
    expect(base.level).toBe('CITY')
    expect(base.levelYear).toBe(year)
  })
})
