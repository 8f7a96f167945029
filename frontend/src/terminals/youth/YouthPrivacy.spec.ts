import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import YouthPrivacy from './YouthPrivacy.vue'
import { fetchStub, jsonResponse } from '@/test/fixtures'
import type { ConsentRecord, DeletionRequest } from '@/api/types'

vi.mock('vant', async (importOriginal) => ({
  ...(await importOriginal<typeof import('vant')>()),
  showConfirmDialog: vi.fn(() => Promise.resolve('confirm')),
  showSuccessToast: vi.fn(),
  showFailToast: vi.fn(),
}))

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

const consent: ConsentRecord = {
  id: 1,
  kind: 'SENSITIVE_PERSONAL_INFO',
  kindLabel: '敏感个人信息处理单独同意',
  textVersion: 'SPI-2023.1',
  title: '敏感个人信息处理单独同意书',
  acceptedAt: '2026-11-18T02:00:00Z',
}

function request(status: DeletionRequest['status'], extra: Partial<DeletionRequest> = {}): DeletionRequest {
  return {
    id: 9,
    youthId: 7,
    status,
    statusLabel: { PENDING: '待办理', COMPLETED: '已删除', REJECTED: '已驳回' }[status],
    requestedAt: '2026-11-10T02:00:00Z',
    ...extra,
  }
}

const page = <T>(items: T[]) => ({ items, total: items.length, page: 0, size: 100 })

async function mountWith(requests: DeletionRequest[]) {
  setActivePinia(createPinia())
  const stub = fetchStub(async (req) => {
    const path = new URL(req.url).pathname
    if (path === '/api/privacy/me/consents') return jsonResponse(page([consent]))
    if (path === '/api/privacy/me/deletion-requests' && req.method === 'GET') return jsonResponse(page(requests))
    if (path === '/api/privacy/me/deletion-requests' && req.method === 'POST') return jsonResponse(request('PENDING'), 201)
    if (path === '/api/privacy/deletion-terms') {
      return jsonResponse({ erased: ['手机号'], kept: ['姓名', '补贴申领和拨付记录'], retention: '补贴发放凭证为 30 年', retainedYears: 30 })
    }
    return jsonResponse({}, 404)
  })
  vi.stubGlobal('fetch', stub.fn)
  const w = mount(YouthPrivacy, { attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(w.find('[data-testid="privacy-consents"]').exists()).toBe(true)
  })
  return { w, stub }
}

describe('YouthPrivacy', () => {
  it('lists the consents with their text version and offers a deletion request when none is pending', async () => {
    const { w } = await mountWith([request('REJECTED', { rejectReason: '补贴审核中', decidedAt: '2026-11-11T02:00:00Z' })])
    const c = w.find('[data-testid="privacy-consent"]')
    expect(c.text()).toContain('敏感个人信息处理单独同意书')
    expect(c.text()).toContain('版本 SPI-2023.1')
    expect(w.find('[data-testid="privacy-request"]').text()).toContain('驳回原因：补贴审核中')
    expect(w.find('[data-testid="privacy-ask"]').exists()).toBe(true)
  })

  it('hides the request button while a request is pending', async () => {
    const { w } = await mountWith([request('PENDING')])
    expect(w.find('[data-testid="privacy-request"]').text()).toContain('待办理')
    expect(w.find('[data-testid="privacy-ask"]').exists()).toBe(false)
  })

  it('shows what is kept and for how long before sending the request with its reason', async () => {
    const { w, stub } = await mountWith([])
    await w.find('[data-testid="privacy-ask"]').trigger('click')
    await flushPromises()
    expect(document.body.querySelector('[data-testid="privacy-retention"]')?.textContent).toContain('30 年')
    const reason = document.body.querySelector<HTMLTextAreaElement>('[data-testid="privacy-reason"] textarea')!
    reason.value = '不再需要'
    reason.dispatchEvent(new Event('input'))
    document.body.querySelector<HTMLButtonElement>('[data-testid="privacy-submit"]')!.click()
    await vi.waitFor(async () => {
      await flushPromises()
      expect(stub.calls.some((r) => r.method === 'POST')).toBe(true)
    })
    const post = stub.calls.find((r) => r.method === 'POST')!
    expect(await post.clone().json()).toEqual({ reason: '不再需要' })
  })
})
