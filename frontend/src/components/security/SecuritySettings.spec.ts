import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import SecuritySettings from './SecuritySettings.vue'
import { useAuthStore } from '@/stores/auth'
import { fetchStub, jsonResponse, user } from '@/test/fixtures'
import type { Role, SecondFactorStatus } from '@/api/types'

afterEach(() => {
  vi.unstubAllGlobals()
  sessionStorage.clear()
  document.body.innerHTML = ''
})

const enabled: SecondFactorStatus = {
  managedExternally: false,
  required: true,
  enabled: true,
  enabledAt: '2026-11-18T02:00:00Z',
  remainingRecoveryCodes: 7,
  enrolmentPending: false,
}

async function mountAs(role: Role, status: SecondFactorStatus, handler?: (req: Request) => Response) {
  const stub = fetchStub((req) => handler?.(req) ?? jsonResponse(status))
  vi.stubGlobal('fetch', stub.fn)
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore(pinia).$patch({ token: 'tok', user: user(role), expiresAt: Date.now() + 600_000 })
  const w = mount(SecuritySettings, { global: { plugins: [pinia] }, attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(w.find('[data-testid="security-status"], [data-testid="security-external"]').exists()).toBe(true)
  })
  return { w, calls: stub.calls }
}

describe('SecuritySettings', () => {
  it('staff see the remaining codes and cannot switch the second factor off', async () => {
    const { w } = await mountAs('DISTRICT_ADMIN', enabled)
    expect(w.get('[data-testid="security-status"]').text()).toBe('已启用')
    expect(w.get('[data-testid="security-remaining"]').text()).toBe('7')
    expect(w.find('[data-testid="security-disable"]').exists()).toBe(false)
    expect(w.find('[data-testid="security-reset"]').exists()).toBe(false)
    w.unmount()
  })

  it('the city admin also gets the reset of someone else’s authenticator', async () => {
    const { w } = await mountAs('CITY_ADMIN', enabled)
    expect(w.find('[data-testid="security-reset"]').exists()).toBe(true)
    w.unmount()
  })

  it('a base may switch it off, and new recovery codes need the current code', async () => {
    const { w, calls } = await mountAs('BASE', { ...enabled, required: false })
    expect(w.find('[data-testid="security-disable"]').exists()).toBe(true)
    await w.get('[data-testid="security-regenerate"]').trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(w.text()).toContain('请输入当前 App 上的 6 位验证码')
    })
    expect(calls.some((c) => new URL(c.url).pathname === '/api/me/second-factor/recovery-codes')).toBe(false)
    w.unmount()
  })

  it('shows new recovery codes once after regenerating with a code', async () => {
    const codes = Array.from({ length: 10 }, (_, i) => `NEWC${i}-ABCDE`)
    const { w, calls } = await mountAs('BASE', { ...enabled, required: false }, (req) =>
      new URL(req.url).pathname === '/api/me/second-factor/recovery-codes' ? jsonResponse({ recoveryCodes: codes }) : jsonResponse(enabled),
    )
    await w.get('input[name="current-code"]').setValue('123 456')
    await w.get('[data-testid="security-regenerate"]').trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(w.findAll('[data-testid="recovery-codes"] li')).toHaveLength(10)
    })
    const sent = calls.find((c) => new URL(c.url).pathname === '/api/me/second-factor/recovery-codes')!
    expect(await sent.clone().json()).toEqual({ code: '123456' })
    w.unmount()
  })

  it('with an external identity provider says so and offers nothing to change', async () => {
    const { w } = await mountAs('CITY_ADMIN', { ...enabled, managedExternally: true, enabled: false })
    expect(w.get('[data-testid="security-external"]').text()).toContain('统一身份认证平台')
    expect(w.find('[data-testid="security-enable"]').exists()).toBe(false)
    expect(w.find('[data-testid="security-reset"]').exists()).toBe(false)
    w.unmount()
  })
})
