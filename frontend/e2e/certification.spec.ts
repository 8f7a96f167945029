import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { BASE_URL, expectNoPageErrors, launchBrowser, login, openPage, screenshot, waitForPath, type Session, pick } from './browser'
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '../src/shared/creditCode'

// The base's certification (ADR 0014), in order: an employer files on /register/base and, logged in with the
// account it set there, sees its receipt number and review deadline on 备案信息 and on the printable receipt,
// and uploads its business licence; wanzhou opens 基地备案审核, opens 材料与核查, sees the licence, records a
// passed on-site inspection and still rejects the filing with a reason; the base sees the reason, corrects
// its address and submits again (round 2); wanzhou records a new passed inspection (the first one belongs to
// round 1 and no longer allows approval) and approves; the anonymous public list shows the base under 万州区.
// It changes data (a new base), so run it against a throw-away database.

let browser: Browser
const sessions: Session[] = []
const stamp = Date.now().toString(36).toUpperCase()
const employerName = `e2e认定测试科技有限公司${stamp}`
const username = `cert_${stamp.toLowerCase()}`
const password = 'Jianxi@2024cert'
const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
const REASON = '营业执照住所与申报的单位地址不一致，请核对后修改单位地址'
const CORRECTED_ADDRESS = `重庆市万州区高笋塘路${Math.floor(Math.random() * 900) + 100}号`
let receiptNo = ''
let baseSession: Page
let reviewSession: Page
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)

beforeAll(async () => {
  browser = await launchBrowser()
})
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [n, s] of sessions.entries()) await screenshot(s.page, `certification-failed-${n}`).catch(() => {})
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

/** The row of the filing in the review queue. */
function queueRow(page: Page): Locator {
  return page.locator('[data-testid="base-review-table"] .el-table__body-wrapper .el-table__row', { hasText: employerName })
}

/** Opens 材料与核查 for the filing; returns the drawer once its dossier is shown. */
async function openDossier(page: Page): Promise<Locator> {
  const row = queueRow(page)
  await row.first().waitFor()
  await row.first().locator('[data-testid="base-dossier"]').click()
  const drawer = page.locator('.el-drawer', { hasText: `备案认定材料：${employerName}` })
  await drawer.locator('[data-testid="certification-documents"]').waitFor()
  return drawer
}

/** Records an on-site inspection with the drawer's form; the conclusion stays at its default, 通过. */
async function recordInspection(page: Page, drawer: Locator, findings: string): Promise<void> {
  const form = drawer.locator('[data-testid="inspection-form"]')
  await form.waitFor()
  await setDate(form.locator('[data-testid="inspection-date"]'), today, drawer.locator('.el-drawer__title, .el-drawer__header').first())
  await (await inputOf(form.locator('[data-testid="inspection-one"]'))).fill('周核查')
  // The same person twice: refused at the field before any request.
  await (await inputOf(form.locator('[data-testid="inspection-two"]'))).fill('周核查')
  await form.locator('[data-testid="inspection-submit"]').click()
  await form.locator('.el-form-item__error', { hasText: '两名不同的核查人' }).waitFor()
  await (await inputOf(form.locator('[data-testid="inspection-two"]'))).fill('郑核查')
  await form.locator('textarea[data-testid="inspection-findings"]').fill(findings)
  expect(await form.locator('.el-radio-button.is-active').textContent()).toContain('通过')
  await form.locator('[data-testid="inspection-submit"]').click()
  await page.locator('.el-message--success', { hasText: '现场核查已记录' }).last().waitFor()
  await drawer.locator('[data-testid="certification-inspection"]', { hasText: findings }).waitFor()
}

describe(`base certification journey against ${BASE_URL}`, () => {
  it('an employer files on /register/base with its own account', async () => {
    const page = await open()
    await page.goto(`${BASE_URL}/login`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-testid="register-base-link"]').click()
    await waitForPath(page, '/register/base')
    // A fresh valid code: 91 + 500101 + 9 random characters + check character.
    const body = '91500101' + Array.from({ length: 9 }, () => CREDIT_CODE_CHARSET[Math.floor(Math.random() * 31)]).join('')
    const credit = page.locator('[data-testid="field-creditCode"] input')
    await credit.fill(body + creditCodeCheckChar(body))
    await credit.press('Tab')
    await page.locator('[data-testid="credit-ok"]').waitFor()
    await page.locator('[data-testid="field-employerName"] input').fill(employerName)
    await pick(page, page.locator('[data-testid="filing-region"]'), '万州区')
    await page.locator('[data-testid="field-industry"] input').fill('软件和信息技术服务业')
    await pick(page, page.locator('[data-testid="filing-ownership"]'), '民营')
    await page.locator('[data-testid="field-contactName"] input').fill('王认定')
    await page.locator('[data-testid="field-contactPhone"] input').fill('13800138011')
    await page.locator('input[name="address"]').fill('重庆市万州区太白路1号')
    await page.locator('[data-testid="field-username"] input').fill(username)
    await page.locator('[data-testid="field-password"] input').fill(password)
    await page.locator('[data-testid="filing-submit"]').click()
    await page.locator('[data-testid="register-result"]').waitFor()
    expect(await page.locator('[data-testid="register-status"]').textContent()).toContain('待审核')
  })

  it('the base sees its receipt number and review deadline, uploads its business licence and prints the receipt', async () => {
    const page = await open()
    baseSession = page
    await login(page, username, password)
    await waitForPath(page, '/base')
    await page.locator('.el-menu-item', { hasText: '备案信息' }).click()
    await waitForPath(page, '/base/filing')
    await page.locator('[data-testid="filing-pending"]').waitFor()
    expect(await page.locator('[data-testid="filing-status"]').textContent()).toContain('待审核')
    receiptNo = (await page.locator('[data-testid="filing-receipt-no"]').textContent())!.trim()
    expect(receiptNo).toMatch(new RegExp(`^JX-500101-${year}-\\d{6}$`))
    const deadline = (await page.locator('[data-testid="filing-deadline"]').textContent())!.trim()
    expect(deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    // Fifteen working days after today: at least three weeks away.
    expect(deadline > today).toBe(true)
    expect(await page.locator('[data-testid="filing-overdue"]').count()).toBe(0)

    // The upload checks the type by content: a text file named .png is refused.
    const docs = page.locator('[data-testid="filing-documents"] .el-table__body-wrapper .el-table__row')
    expect(await docs.count()).toBe(0)
    expect(await page.locator('[data-testid="document-kind"]').textContent()).toContain('营业执照')
    await page.locator('[data-testid="document-file"]').setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not an image') })
    await page.locator('[data-testid="document-submit"]').click()
    await page.locator('[data-testid="document-error"]').waitFor()
    expect(await docs.count()).toBe(0)
    await page.locator('[data-testid="document-file"]').setInputFiles({ name: 'business-licence.png', mimeType: 'image/png', buffer: PNG })
    await page.locator('[data-testid="document-submit"]').click()
    await expect.poll(() => docs.count(), { timeout: 20_000 }).toBe(1)
    expect(await docs.first().textContent()).toContain('business-licence.png')
    expect(await docs.first().textContent()).toContain('营业执照')
    expect(await page.locator('[data-testid="document-error"]').count()).toBe(0)
    await screenshot(page, 'certification-base-filing')

    await page.locator('[data-testid="filing-receipt-link"]').click()
    await waitForPath(page, '/base/filing/receipt')
    await expect.poll(() => page.locator('[data-testid="receipt-no"]').textContent()).toBe(receiptNo)
    expect(await page.locator('[data-testid="receipt-deadline"]').textContent()).toContain(deadline)
    expect(await page.locator('[data-testid="filing-receipt"]').textContent()).toContain(employerName)
    expect(await page.locator('[data-testid="receipt-print"]').isEnabled()).toBe(true)
    await screenshot(page, 'certification-receipt')
  })

  it('wanzhou sees the licence, records a passed on-site inspection and rejects the filing with a reason', async () => {
    const page = await open()
    reviewSession = page
    await login(page, 'wanzhou')
    await waitForPath(page, '/admin')
    // The home page settles its ?year= query first; only then navigate.
    await page.locator('[data-testid="targets-table"]').waitFor()
    await page.locator('.el-menu-item', { hasText: '基地备案审核' }).click()
    await waitForPath(page, '/admin/base-review')
    const row = queueRow(page)
    await row.first().waitFor()
    expect(await row.first().textContent()).toContain(receiptNo)

    const drawer = await openDossier(page)
    await expect.poll(() => drawer.textContent()).toContain(receiptNo)
    expect(await drawer.textContent()).toContain('第 1 次')
    const docs = drawer.locator('[data-testid="certification-documents"] .el-table__body-wrapper .el-table__row')
    await expect.poll(() => docs.count()).toBe(1)
    expect(await docs.first().textContent()).toContain('business-licence.png')
    expect(await docs.first().textContent()).toContain('营业执照')
    // Without an inspection the drawer does not let the filing through.
    const approve = drawer.locator('[data-testid="certification-approve"]')
    expect(await approve.isDisabled()).toBe(true)

    await recordInspection(page, drawer, '经营场所与申报一致，具备见习岗位和带教条件；执照住所待核对。')
    const inspection = drawer.locator('[data-testid="certification-inspection"]').first()
    expect(await inspection.textContent()).toContain('通过')
    expect(await inspection.textContent()).toContain('周核查、郑核查')
    expect(await inspection.textContent()).toContain('第 1 次提交')
    await expect.poll(() => approve.isDisabled()).toBe(false)
    await screenshot(page, 'certification-drawer-round1')
    await drawer.locator('.el-drawer__close-btn').click()
    await drawer.waitFor({ state: 'hidden' })

    await row.first().locator('[data-testid="base-reject"]').click()
    const dialog = page.locator('.el-dialog', { hasText: '驳回备案申请' })
    await dialog.locator('textarea[data-testid="reject-reason"]').fill(REASON)
    await dialog.locator('[data-testid="reject-confirm"]').click()
    await page.locator('.el-message--success', { hasText: `已驳回：${employerName}` }).waitFor()
    await expect.poll(() => queueRow(page).count()).toBe(0)
  })

  it('the base sees the reason, corrects its address and submits again', async () => {
    const page = baseSession
    await page.locator('.el-menu-item', { hasText: '备案信息' }).click()
    await waitForPath(page, '/base/filing')
    const rejected = page.locator('[data-testid="filing-rejected"]')
    await rejected.waitFor()
    expect(await rejected.textContent()).toContain(REASON)
    expect(await page.locator('[data-testid="filing-status"]').textContent()).toContain('未通过')
    expect(await page.locator('[data-testid="filing-rejections"]').textContent()).toContain(REASON)

    const form = page.locator('[data-testid="filing-resubmit"]')
    await form.waitFor()
    expect(await form.locator('input[data-testid="resubmit-name"]').inputValue()).toBe(employerName)
    await form.locator('.el-form-item', { hasText: '单位地址' }).locator('input').fill(CORRECTED_ADDRESS)
    // The stored phone is shown masked only: without it typed again the server names the field.
    await form.locator('[data-testid="resubmit-submit"]').click()
    await form.locator('.el-form-item', { hasText: '联系电话' }).locator('.el-form-item__error').waitFor()
    await form.locator('input[data-testid="resubmit-phone"]').fill('13800138011')
    await form.locator('[data-testid="resubmit-submit"]').click()
    await page.locator('.el-message--success', { hasText: '已重新提交' }).waitFor()

    await page.locator('[data-testid="filing-pending"]').waitFor()
    expect(await page.locator('[data-testid="filing-resubmit"]').count()).toBe(0)
    // The receipt number stays; the submission round and the deadline are the new submission's.
    const cert = page.locator('[data-testid="filing-certification"]')
    expect((await page.locator('[data-testid="filing-receipt-no"]').textContent())!.trim()).toBe(receiptNo)
    await expect.poll(() => cert.textContent()).toContain('第 2 次')
    expect((await page.locator('[data-testid="filing-deadline"]').textContent())!.trim() > today).toBe(true)
    // The licence uploaded before the rejection is still on file.
    expect(await page.locator('[data-testid="filing-documents"]').textContent()).toContain('business-licence.png')
    await screenshot(page, 'certification-resubmitted')
  })

  it('wanzhou records a new passed inspection for the second submission and approves', async () => {
    const page = reviewSession
    await page.reload({ waitUntil: 'domcontentloaded' })
    const drawer = await openDossier(page)
    await expect.poll(() => drawer.textContent()).toContain('第 2 次')
    expect(await drawer.textContent()).toContain(CORRECTED_ADDRESS)
    expect(await drawer.locator('[data-testid="certification-rejections"]').textContent()).toContain(REASON)
    // The passed inspection of the first submission does not count for the corrected one.
    const approve = drawer.locator('[data-testid="certification-approve"]')
    await approve.waitFor()
    expect(await approve.isDisabled()).toBe(true)

    await recordInspection(page, drawer, '复查：营业执照住所与更正后的单位地址一致，场所、岗位和带教条件符合要求。')
    await expect.poll(() => drawer.locator('[data-testid="certification-inspection"]').count()).toBe(2)
    expect(await drawer.locator('[data-testid="certification-inspection"]').first().textContent()).toContain('第 2 次提交')
    await expect.poll(() => approve.isDisabled()).toBe(false)
    await approve.click()
    await page.locator('.el-message-box__btns button', { hasText: '通过' }).click()
    await page.locator('.el-message--success', { hasText: `已通过：${employerName}` }).waitFor()
    await drawer.waitFor({ state: 'hidden' })
    await expect.poll(() => queueRow(page).count()).toBe(0)
    await screenshot(page, 'certification-approved')
  })

  it('the base is on the anonymous public list of 万州区', async () => {
    const page = await open()
    await page.goto(`${BASE_URL}/public/bases`, { waitUntil: 'domcontentloaded' })
    await page.locator('[data-testid="public-bases-table"]').waitFor()
    await pick(page, page.locator('[data-testid="public-bases-region"]'), '万州区')
    await expect.poll(() => page.locator('[data-testid="public-bases-total"]').textContent()).toContain('万州区共')
    await page.locator('input[data-testid="public-bases-keyword"]').fill(stamp)
    await page.locator('[data-testid="public-bases-search"]').click()
    const rows = page.locator('[data-testid="public-bases-table"] .el-table__body-wrapper .el-table__row')
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(1)
    const text = await rows.first().textContent()
    expect(text).toContain(employerName)
    expect(text).toContain('万州区')
    expect(text).toContain('软件和信息技术服务业')
    expect(text).toContain(today)
    expect(await page.locator('[data-testid="public-bases-total"]').textContent()).toContain('万州区共 1 家')
    await screenshot(page, 'certification-public-list')

    // The base's own page now shows the approval; documents are frozen.
    const base = baseSession
    await base.reload({ waitUntil: 'domcontentloaded' })
    await expect.poll(() => base.locator('[data-testid="filing-status"]').textContent()).toContain('已备案')
    expect(await base.locator('[data-testid="filing-pending"]').count()).toBe(0)
    expect(await base.locator('[data-testid="document-upload"]').count()).toBe(0)
  })
})
