import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { showConfirmDialog } from 'vant'
import YouthPositionDetail from './YouthPositionDetail.vue'
import { fetchStub, jsonResponse } from '@/test/fixtures'
import { APPLY_CONTACT_NOTICE } from '@/shared/contact'

vi.mock('vant', async (importOriginal) => ({
  ...(await importOriginal<typeof import('vant')>()),
  showConfirmDialog: vi.fn(() => Promise.resolve('confirm')),
  showSuccessToast: vi.fn(),
  showFailToast: vi.fn(),
}))
vi.mock('vue-router', async (importOriginal) => ({
  ...(await importOriginal<typeof import('vue-router')>()),
  useRoute: () => ({ params: { id: '5' } }),
}))

afterEach(() => {
  vi.unstubAllGlobals()
  vi.mocked(showConfirmDialog).mockClear()
})

const position = {
  id: 5,
  title: '产线调试见习',
  status: 'PUBLISHED',
  statusLabel: '已发布',
  category: 'TECHNICAL',
  categoryLabel: '技术技能类',
  regionCode: '500101',
  regionName: '万州区',
  headcount: 3,
  education: 'BACHELOR',
  educationLabel: '本科',
  monthlyAllowance: 2200,
  durationMonths: 6,
  deadline: '2026-12-31',
  employerName: '万州测试基地',
  description: '协助工程师完成产线调试',
}

async function mountDetail() {
  const stub = fetchStub(async (req) => {
    const url = new URL(req.url)
    if (url.pathname === '/api/positions/5') return jsonResponse(position)
    if (url.pathname === '/api/applications' && req.method === 'GET') return jsonResponse({ items: [], total: 0, page: 0, size: 200 })
    if (url.pathname === '/api/applications' && req.method === 'POST') {
      return jsonResponse({ id: 9, positionId: 5, status: 'SUBMITTED', statusLabel: '已投递' }, 201)
    }
    return jsonResponse({}, 404)
  })
  vi.stubGlobal('fetch', stub.fn)
  const w = mount(YouthPositionDetail, { global: { stubs: { RouterLink: { template: '<a><slot /></a>' } } } })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(w.find('[data-testid="apply-button"]').text()).toContain('申请')
  })
  return { w, stub }
}

const posts = (stub: Awaited<ReturnType<typeof mountDetail>>['stub']) =>
  stub.calls.filter((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/applications')

describe('YouthPositionDetail', () => {
  it('tells the applicant the base will see their phone, and sends contactShared only after they agree', async () => {
    const { w, stub } = await mountDetail()
    expect(w.find('[data-testid="apply-contact-notice"]').text()).toBe(APPLY_CONTACT_NOTICE)
    expect(APPLY_CONTACT_NOTICE).toContain('投递后，该见习基地可查看你的手机号码用于联系面试')

    await w.find('[data-testid="apply-button"]').trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(posts(stub)).toHaveLength(1)
    })
    const dialog = vi.mocked(showConfirmDialog).mock.calls[0]![0] as { message: string }
    expect(dialog.message).toContain(APPLY_CONTACT_NOTICE)
    expect(await posts(stub)[0]!.clone().json()).toEqual({ positionId: 5, contactShared: true })
    await vi.waitFor(() => expect(w.find('[data-testid="apply-button"]').text()).toContain('已申请'))
  })

  it('sends nothing when the applicant declines the notice', async () => {
    vi.mocked(showConfirmDialog).mockImplementationOnce(() => Promise.reject(new Error('cancel')))
    const { w, stub } = await mountDetail()
    await w.find('[data-testid="apply-button"]').trigger('click')
    await flushPromises()
    expect(showConfirmDialog).toHaveBeenCalledTimes(1)
    expect(posts(stub)).toHaveLength(0)
    expect(w.find('[data-testid="apply-button"]').text()).not.toContain('已申请')
  })
})
