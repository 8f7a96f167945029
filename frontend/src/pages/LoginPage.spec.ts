import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import { createPinia } from 'pinia'
import App from '@/App.vue'
import { createAppRouter, wireSession } from '@/router'
import { fetchStub, jsonResponse, loginResponse, user } from '@/test/fixtures'
import type { Role } from '@/api/types'

afterEach(() => {
  vi.unstubAllGlobals()
  sessionStorage.clear()
})

async function mountAt(path: string, handler: (req: Request) => Response) {
  vi.stubGlobal('fetch', fetchStub(handler).fn)
  const pinia = createPinia()
  const router = createAppRouter(pinia, createMemoryHistory())
  wireSession(pinia, router)
  await router.push(path)
  await router.isReady()
  const wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}

async function submit(wrapper: Awaited<ReturnType<typeof mountAt>>['wrapper'], username: string, password: string) {
  await wrapper.get('input[name="username"]').setValue(username)
  await wrapper.get('input[name="password"]').setValue(password)
  await wrapper.get('form').trigger('submit')
  // Generous: the first navigation into a terminal lazily imports (and, under Vitest, transforms) its
  // layout and styles, which can take more than the default second.
  await vi.waitFor(
    async () => {
      await flushPromises()
      expect(wrapper.find('.is-loading').exists()).toBe(false)
    },
    { timeout: 10_000 },
  )
  await flushPromises()
}

describe('LoginPage', () => {
  it.each([
    [401, '账号或密码错误'],
    [423, '账号已锁定，请15分钟后再试'],
  ])('shows the problem detail of a %i', async (status, detail) => {
    const { wrapper, router } = await mountAt('/login', () =>
      jsonResponse({ type: 'about:blank', title: 'x', status, detail }, status),
    )
    await submit(wrapper, 'admin', 'bad')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="login-error"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="login-error"]').text()).toContain(detail)
    expect(router.currentRoute.value.path).toBe('/login')
    wrapper.unmount()
  })

  it.each([
    ['CITY_ADMIN', '/admin'],
    ['DISTRICT_ADMIN', '/admin'],
    ['DEPARTMENT', '/admin'],
    ['BASE', '/base'],
    ['YOUTH', '/youth'],
  ] as [Role, string][])('sends %s to %s after login', async (role, home) => {
    const { wrapper, router } = await mountAt('/login', () => jsonResponse(loginResponse(user(role))))
    await submit(wrapper, 'someone', 'Jianxi@2023')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe(home))
    wrapper.unmount()
  })

  it('honours ?redirect= when the role may see it, and ignores it otherwise', async () => {
    const a = await mountAt('/admin/audit', () => jsonResponse(loginResponse(user('CITY_ADMIN'))))
    expect(a.router.currentRoute.value.fullPath).toBe('/login?redirect=/admin/audit')
    await submit(a.wrapper, 'admin', 'pw')
    await vi.waitFor(() => expect(a.router.currentRoute.value.path).toBe('/admin/audit'))
    a.wrapper.unmount()
    sessionStorage.clear()

    const b = await mountAt('/login?redirect=/admin/audit', () => jsonResponse(loginResponse(user('DISTRICT_ADMIN'))))
    await submit(b.wrapper, 'wanzhou', 'pw')
    await vi.waitFor(() => expect(b.router.currentRoute.value.path).toBe('/admin'))
    b.wrapper.unmount()
  })
})
