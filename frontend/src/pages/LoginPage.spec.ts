import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import { createPinia } from 'pinia'
import App from '@/App.vue'
import { createAppRouter, wireSession } from '@/router'
import { challengeResponse, fetchStub, jsonResponse, loginResponse, user } from '@/test/fixtures'
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

  const pathOf = (req: Request) => new URL(req.url).pathname

  async function settle(wrapper: Awaited<ReturnType<typeof mountAt>>['wrapper']) {
    await vi.waitFor(
      async () => {
        await flushPromises()
        expect(wrapper.find('.is-loading').exists()).toBe(false)
      },
      { timeout: 10_000 },
    )
    await flushPromises()
  }

  it('asks for the authenticator code after the password, then signs in', async () => {
    const sent: unknown[] = []
    const { wrapper, router } = await mountAt('/login', (req) => {
      if (pathOf(req) === '/api/auth/login') return jsonResponse(challengeResponse('SECOND_FACTOR_REQUIRED', 't-1'))
      if (pathOf(req) === '/api/auth/login/second-factor') void req.clone().json().then((b) => sent.push(b))
      return jsonResponse(loginResponse(user('DISTRICT_ADMIN')))
    })
    await submit(wrapper, 'wanzhou', 'Jianxi@2023')
    await vi.waitFor(() => expect(wrapper.find('input[name="totp-code"]').exists()).toBe(true))
    expect(router.currentRoute.value.path).toBe('/login')
    await wrapper.get('input[name="totp-code"]').setValue('12 34 56')
    await wrapper.get('[data-testid="second-factor-form"]').trigger('submit')
    await settle(wrapper)
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/admin'))
    expect(sent).toEqual([{ challenge: 't-1', code: '123456' }])
    wrapper.unmount()
  })

  it('takes a recovery code instead of the code, and shows a refusal in place', async () => {
    const sent: unknown[] = []
    let refuse = true
    const { wrapper, router } = await mountAt('/login', (req) => {
      if (pathOf(req) === '/api/auth/login') return jsonResponse(challengeResponse('SECOND_FACTOR_REQUIRED', 't-2'))
      if (pathOf(req) !== '/api/auth/login/second-factor') return jsonResponse(loginResponse(user('CITY_ADMIN')))
      void req.clone().json().then((b) => sent.push(b))
      if (refuse) {
        refuse = false
        return jsonResponse({ status: 401, title: 'x', detail: '验证码不正确，还可尝试 4 次' }, 401)
      }
      return jsonResponse(loginResponse(user('CITY_ADMIN')))
    })
    await submit(wrapper, 'admin', 'Jianxi@2023')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="toggle-recovery-code"]').exists()).toBe(true))
    await wrapper.get('[data-testid="toggle-recovery-code"]').trigger('click')
    await wrapper.get('input[name="recovery-code"]').setValue('WRONG-CODE2')
    await wrapper.get('[data-testid="second-factor-form"]').trigger('submit')
    await settle(wrapper)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="login-error"]').text()).toContain('还可尝试 4 次'))
    expect(router.currentRoute.value.path).toBe('/login')
    await wrapper.get('input[name="recovery-code"]').setValue('ABCDE-FGHJK')
    await wrapper.get('[data-testid="second-factor-form"]').trigger('submit')
    await settle(wrapper)
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/admin'))
    expect(sent[1]).toEqual({ challenge: 't-2', recoveryCode: 'ABCDE-FGHJK' })
    wrapper.unmount()
  })

  it('sends the user back to the password when the ticket has expired', async () => {
    const { wrapper } = await mountAt('/login', (req) =>
      pathOf(req) === '/api/auth/login'
        ? jsonResponse(challengeResponse('SECOND_FACTOR_REQUIRED'))
        : jsonResponse({ status: 401, title: 'x', detail: '登录验证已失效，请重新输入账号和密码' }, 401),
    )
    await submit(wrapper, 'admin', 'Jianxi@2023')
    await vi.waitFor(() => expect(wrapper.find('input[name="totp-code"]').exists()).toBe(true))
    await wrapper.get('input[name="totp-code"]').setValue('123456')
    await wrapper.get('[data-testid="second-factor-form"]').trigger('submit')
    await settle(wrapper)
    await vi.waitFor(() => expect(wrapper.find('input[name="password"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="login-error"]').text()).toContain('已失效')
    wrapper.unmount()
  })

  it('has staff without an authenticator bind one, then shows the recovery codes once before entering', async () => {
    const codes = Array.from({ length: 10 }, (_, i) => `CODE${i}-ABCDE`)
    const { wrapper, router } = await mountAt('/login', (req) => {
      switch (pathOf(req)) {
        case '/api/auth/login':
          return jsonResponse(challengeResponse('ENROLMENT_REQUIRED', 't-3'))
        case '/api/auth/login/enrolment':
          return jsonResponse({
            secret: 'JIANXIDEMOTOTPSE',
            otpauthUri: 'otpauth://totp/x:yuzhong?secret=JIANXIDEMOTOTPSE',
            qrCode: 'data:image/svg+xml;base64,PHN2Zy8+',
            issuer: '见习通',
            accountName: 'yuzhong',
            algorithm: 'SHA1',
            digits: 6,
            period: 30,
          })
        default:
          return jsonResponse({ ...loginResponse(user('DISTRICT_ADMIN')), recoveryCodes: codes })
      }
    })
    await submit(wrapper, 'yuzhong', 'Jianxi@2023')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="enrol-secret"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="enrol-secret"]').text()).toBe('JIAN XIDE MOTO TPSE')
    expect(wrapper.get('[data-testid="enrol-qr"]').attributes('src')).toBe('data:image/svg+xml;base64,PHN2Zy8+')
    await wrapper.get('input[name="enrol-code"]').setValue('654321')
    await wrapper.get('[data-testid="enrol-form"]').trigger('submit')
    await settle(wrapper)
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="recovery-codes"] li')).toHaveLength(10))
    // Signed in, but the codes stay on screen until the user says they are saved.
    expect(router.currentRoute.value.path).toBe('/login')
    await wrapper.get('[data-testid="recovery-done"]').trigger('click')
    await settle(wrapper)
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/admin'))
    wrapper.unmount()
  })
})
