import type { ApplicationStatus } from '../../api/types'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import YouthApplications from './YouthApplications.vue'
import { fetchStub, jsonResponse } from '@/test/fixtures'
import type { Application } from '@/api/types'

vi.mock('vant', async (importOriginal) => ({
  ...(await importOriginal<typeof import('vant')>()),
  showConfirmDialog: vi.fn(() => Promise.resolve('confirm')),
  showSuccessToast: vi.fn(),
  showFailToast: vi.fn(),
}))

afterEach(() => {
  vi.unstubAllGlobals()
})

const LABELS: Record<string, string> = {
  SUBMITTED: '已投递',
  SCREENING: '筛选中',
  INTERVIEW: '待面试',
  OFFERED: '已录用待确认',
  ACCEPTED: '已接受',
  REJECTED: '未通过',
  WITHDRAWN: '已撤回',
}

function app(id: number, status: string, extra: Partial<Application> = {}): Application {
  return {
    id,
    positionId: 100 + id,
    positionTitle: `岗位${id}`,
    baseId: 1,
    baseName: '万州测试基地',
    youthId: 7,
    youthName: '张三',
    applicantPhoneMasked: true,
    status: status as ApplicationStatus,
    statusLabel: LABELS[status]!,
    createdAt: `2026-03-0${id}T08:00:00Z`,
    updatedAt: `2026-03-0${id}T08:00:00Z`,
    ...extra,
  }
}

async function mountWith(list: Application[]) {
  const stub = fetchStub(async (req) => {
    const url = new URL(req.url)
    const m = url.pathname.match(/^\/api\/applications\/(\d+)\/transitions$/)
    if (m && req.method === 'POST') {
      const body = (await req.json()) as { to: string }
      const a = list.find((x) => x.id === Number(m[1]))!
      return jsonResponse({ ...a, status: body.to, statusLabel: LABELS[body.to] })
    }
    if (url.pathname === '/api/applications') return jsonResponse({ items: list, total: list.length, page: 0, size: 200 })
    return jsonResponse({}, 404)
  })
  vi.stubGlobal('fetch', stub.fn)
  const w = mount(YouthApplications, { global: { stubs: { RouterLink: { template: '<a><slot /></a>' } } } })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(w.findAll('[data-testid="application-card"]').length).toBe(list.length)
  })
  return { w, stub }
}

function card(w: Awaited<ReturnType<typeof mountWith>>['w'], status: string) {
  return w.find(`[data-testid="application-card"][data-status="${status}"]`)
}

describe('YouthApplications', () => {
  it('offers 接受录用 only for OFFERED and 撤回 only while active', async () => {
    const statuses = ['SUBMITTED', 'SCREENING', 'INTERVIEW', 'OFFERED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN']
    const { w } = await mountWith(
      statuses.map((s, i) =>
        app(i + 1, s, {
          ...(s === 'INTERVIEW' ? { interviewAt: '2026-04-01T02:00:00Z', interviewPlace: '万州区科技大厦 3 楼' } : {}),
          ...(s === 'REJECTED' ? { rejectReason: '专业不对口' } : {}),
        }),
      ),
    )
    expect(w.findAll('[data-testid="application-accept"]')).toHaveLength(1)
    for (const s of statuses) {
      const c = card(w, s)
      expect(c.find('[data-testid="application-accept"]').exists()).toBe(s === 'OFFERED')
      expect(c.find('[data-testid="application-withdraw"]').exists()).toBe(
        ['SUBMITTED', 'SCREENING', 'INTERVIEW', 'OFFERED'].includes(s),
      )
      expect(c.find('[data-testid="application-status"]').text()).toBe(LABELS[s])
    }
    expect(card(w, 'INTERVIEW').find('[data-testid="application-interview"]').text()).toContain('万州区科技大厦 3 楼')
    expect(card(w, 'REJECTED').find('[data-testid="application-reason"]').text()).toContain('专业不对口')
    expect(card(w, 'SUBMITTED').find('[data-testid="application-interview"]').exists()).toBe(false)
  })

  it('accepting an offer posts ACCEPTED and shows 已接受 without the button', async () => {
    const { w, stub } = await mountWith([app(1, 'OFFERED'), app(2, 'SUBMITTED')])
    await card(w, 'OFFERED').find('[data-testid="application-accept"]').trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(w.find('[data-testid="application-card"][data-status="ACCEPTED"]').exists()).toBe(true)
    })
    const post = stub.calls.find((r) => r.method === 'POST')!
    expect(new URL(post.url).pathname).toBe('/api/applications/1/transitions')
    expect(await post.clone().json()).toEqual({ to: 'ACCEPTED' })
    const accepted = card(w, 'ACCEPTED')
    expect(accepted.find('[data-testid="application-status"]').text()).toBe('已接受')
    expect(w.findAll('[data-testid="application-accept"]')).toHaveLength(0)
  })
})
