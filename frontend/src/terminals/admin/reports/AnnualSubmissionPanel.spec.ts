import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import AnnualSubmissionPanel from './AnnualSubmissionPanel.vue'
import { useAuthStore } from '@/stores/auth'
import { fetchStub, jsonResponse, user } from '@/test/fixtures'
import type { AnnualRegionReport, AnnualReportFigures, AnnualReportVersion } from '@/shared/annualReports'
import type { Role } from '@/api/types'

afterEach(() => {
  vi.unstubAllGlobals()
  sessionStorage.clear()
  document.body.innerHTML = ''
})

function figures(sessions: number): AnnualReportFigures {
  const f = { target: 4, achieved: 1 }
  return {
    regionCode: '500101',
    regionName: '万州区',
    newBases: { target: 40, achieved: 12 },
    newKeyEnterpriseBases: f,
    positions: { target: 1800, achieved: 900 },
    participants: f,
    policySessions: { target: 4, achieved: sessions },
    matchingEvents: f,
    typicalPersons: { target: 1, achieved: 0 },
    nationalNominations: { target: 1, achieved: null },
    serviceRate: null,
  }
}

function version(status: AnnualReportVersion['status'], extra: Partial<AnnualReportVersion> = {}): AnnualReportVersion {
  return {
    year: 2026,
    regionCode: '500101',
    version: 1,
    status,
    figures: figures(2),
    workDone: '全年开展政策宣讲',
    problems: '留用率偏低',
    nextYearPlan: '扩大重点企业覆盖',
    submittedBy: 'wanzhou',
    submittedAt: '2026-12-02T10:00:00+08:00',
    ...extra,
  }
}

function report(status: AnnualRegionReport['status'], current: AnnualReportVersion | null, open = true): AnnualRegionReport {
  return {
    year: 2026,
    regionCode: '500101',
    regionName: '万州区',
    status,
    opensOn: '2026-12-01',
    submissionOpen: open,
    live: figures(3),
    current: current ?? undefined,
    versions: current ? [current] : [],
    drift: [],
  }
}

async function mountAs(role: Role, answer: (req: Request) => Response) {
  const stub = fetchStub(answer)
  vi.stubGlobal('fetch', stub.fn)
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore(pinia).$patch({ token: 'tok', user: user(role, { regionCode: '500101' }), expiresAt: Date.now() + 600_000 })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { template: '<div />' } }] })
  const w = mount(AnnualSubmissionPanel, { props: { year: 2026, regionCode: '500101' }, global: { plugins: [pinia, router] }, attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(w.find('[data-testid="annual-status"]').exists()).toBe(true)
  })
  return { w, calls: stub.calls }
}

const textarea = (w: Awaited<ReturnType<typeof mountAs>>['w'], id: string) => w.get(`textarea[data-testid="${id}"]`)

describe('AnnualSubmissionPanel', () => {
  it('shows a returned report with its reason and resubmits the revised narrative over today’s figures', async () => {
    let submitted: unknown = null
    const { w, calls } = await mountAs('DISTRICT_ADMIN', (req) => {
      if (req.method === 'POST') {
        return jsonResponse(version('SUBMITTED', { version: 2 }))
      }
      return jsonResponse(submitted ? report('SUBMITTED', version('SUBMITTED', { version: 2 })) : report('RETURNED', version('RETURNED', { returnReason: '请补充6月宣讲' })))
    })
    expect(w.get('[data-testid="annual-status"]').attributes('data-status')).toBe('RETURNED')
    expect(w.get('[data-testid="annual-return-reason"]').text()).toContain('请补充6月宣讲')
    // A returned report shows today's figures (what a resubmission will freeze), not the returned ones.
    expect(w.get('[data-testid="annual-figure-policySessions"]').text()).toBe('3')
    expect(w.get('[data-testid="annual-figure-nationalNominations"]').text()).toBe('平台不统计')
    expect((textarea(w, 'annual-narrative-work').element as HTMLTextAreaElement).value).toBe('全年开展政策宣讲')
    expect(w.get('[data-testid="annual-submit"]').text()).toBe('重新提交')

    // An emptied part is named at its field and nothing is sent.
    await textarea(w, 'annual-narrative-problems').setValue('  ')
    await w.get('[data-testid="annual-submit"]').trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(w.text()).toContain('请填写存在的问题')
    })
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0)

    await textarea(w, 'annual-narrative-problems').setValue('基地留用率偏低，已约谈')
    submitted = true
    await w.get('[data-testid="annual-submit"]').trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(w.get('[data-testid="annual-status"]').attributes('data-status')).toBe('SUBMITTED')
    })
    const post = calls.find((c) => c.method === 'POST')!
    expect(new URL(post.url).pathname).toBe('/api/reports/annual/2026/regions/500101/submit')
    expect(await post.json()).toEqual({ workDone: '全年开展政策宣讲', problems: '基地留用率偏低，已约谈', nextYearPlan: '扩大重点企业覆盖' })
    // Submitted: frozen figures, the narrative read-only, no form.
    expect(w.find('[data-testid="annual-submit"]').exists()).toBe(false)
    expect(w.get('[data-testid="annual-figure-policySessions"]').text()).toBe('2')
    expect(w.get('[data-testid="annual-blocked"]').text()).toContain('等待市人社局审核')
    w.unmount()
  })

  it('keeps the form closed before 1 December and names the day it opens', async () => {
    const { w } = await mountAs('DISTRICT_ADMIN', () => jsonResponse(report('DRAFT', null, false)))
    expect(w.find('[data-testid="annual-submit"]').exists()).toBe(false)
    expect(w.get('[data-testid="annual-blocked"]').text()).toBe('2026 年度报告自 2026-12-01 起提交')
    w.unmount()
  })

  it('shows the server’s field problem at the field', async () => {
    const { w } = await mountAs('DISTRICT_ADMIN', (req) =>
      req.method === 'POST'
        ? jsonResponse({ type: 'x', title: '请求参数不合法', status: 400, violations: [{ field: 'workDone', message: '请填写年度工作开展情况' }] }, 400)
        : jsonResponse(report('DRAFT', null)),
    )
    for (const id of ['annual-narrative-work', 'annual-narrative-problems', 'annual-narrative-next']) await textarea(w, id).setValue('内容')
    await w.get('[data-testid="annual-submit"]').trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(w.text()).toContain('请填写年度工作开展情况')
    })
    w.unmount()
  })

  it('offers the city accept and return on a waiting report, and the district neither', async () => {
    const waiting = report('SUBMITTED', version('SUBMITTED'))
    const city = await mountAs('CITY_ADMIN', (req) => (req.method === 'POST' ? jsonResponse(version('ACCEPTED')) : jsonResponse(waiting)))
    expect(city.w.find('[data-testid="annual-submit"]').exists()).toBe(false)
    await city.w.get('[data-testid="annual-accept"]').trigger('click')
    await vi.waitFor(() => expect(city.calls.some((c) => c.method === 'POST')).toBe(true))
    expect(new URL(city.calls.find((c) => c.method === 'POST')!.url).pathname).toBe('/api/reports/annual/2026/regions/500101/accept')
    expect(city.w.find('[data-testid="annual-return"]').exists()).toBe(true)
    city.w.unmount()

    const district = await mountAs('DISTRICT_ADMIN', () => jsonResponse(waiting))
    expect(district.w.find('[data-testid="annual-accept"]').exists()).toBe(false)
    expect(district.w.find('[data-testid="annual-return"]').exists()).toBe(false)
    expect(district.w.get('[data-testid="annual-narrative"]').text()).toContain('留用率偏低')
    district.w.unmount()
  })
})
