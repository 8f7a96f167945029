import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { configureApi } from '@/api/client'
import { SESSION_STORAGE_KEY, useAuthStore } from './auth'
import { challengeResponse, fetchStub, jsonResponse, loginResponse, user } from '@/test/fixtures'

function setup(handler: (req: Request) => Response | Promise<Response>) {
  const stub = fetchStub(handler)
  vi.stubGlobal('fetch', stub.fn)
  setActivePinia(createPinia())
  const auth = useAuthStore()
  configureApi({ getToken: () => auth.token, onUnauthorized: () => auth.endSession('unauthorized') })
  return { auth, calls: stub.calls }
}

const path = (r: Request) => new URL(r.url).pathname

beforeEach(() => {
  sessionStorage.clear()
})
afterEach(() => {
  useAuthStore().stopKeeping()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('auth store', () => {
  it('login stores token, user and expiry, and persists them in sessionStorage', async () => {
    const u = user('CITY_ADMIN', { username: 'admin', displayName: '市人社局' })
    const { auth, calls } = setup(() => jsonResponse(loginResponse(u, 900, 'abc')))
    const before = Date.now()

    const result = await auth.login('admin', 'pw')

    expect(result.status === 'AUTHENTICATED' && result.user.username).toBe('admin')
    expect(auth.token).toBe('abc')
    expect(auth.user?.displayName).toBe('市人社局')
    expect(auth.role).toBe('CITY_ADMIN')
    expect(auth.expiresAt).toBeGreaterThanOrEqual(before + 900_000)
    expect(auth.hasValidSession()).toBe(true)
    expect(path(calls[0]!)).toBe('/api/auth/login')
    expect(await calls[0]!.clone().json()).toEqual({ username: 'admin', password: 'pw' })
    expect(calls[0]!.headers.get('Authorization')).toBeNull()

    const stored = JSON.parse(sessionStorage.getItem(SESSION_STORAGE_KEY)!)
    expect(stored.token).toBe('abc')
    expect(stored.user.username).toBe('admin')
  })

  it('a failed login throws the problem detail and stores nothing', async () => {
    const { auth } = setup(() =>
      jsonResponse({ status: 401, title: 'Unauthorized', detail: '账号或密码错误' }, 401),
    )
    const ended = vi.fn()
    auth.onSessionEnded(ended)
    await expect(auth.login('admin', 'wrong')).rejects.toThrow('账号或密码错误')
    expect(auth.token).toBeNull()
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull()
    expect(ended).not.toHaveBeenCalled()
  })

  it('restores a persisted session in a new store', async () => {
    const { auth } = setup(() => jsonResponse(loginResponse(user('BASE'), 600, 'persisted')))
    await auth.login('base_demo', 'pw')
    setActivePinia(createPinia())
    const again = useAuthStore()
    expect(again.token).toBe('persisted')
    expect(again.role).toBe('BASE')
    expect(again.hasValidSession()).toBe(true)
  })

  it('logout calls the server with the bearer token and clears all state', async () => {
    const { auth, calls } = setup((req) =>
      path(req) === '/api/auth/logout' ? new Response(null, { status: 204 }) : jsonResponse(loginResponse(user('YOUTH'), 600, 'tok-y')),
    )
    await auth.login('youth_demo', 'pw')
    const ended = vi.fn()
    auth.onSessionEnded(ended)

    await auth.logout()

    const logoutCall = calls.find((c) => path(c) === '/api/auth/logout')
    expect(logoutCall?.method).toBe('POST')
    expect(logoutCall?.headers.get('Authorization')).toBe('Bearer tok-y')
    expect(auth.token).toBeNull()
    expect(auth.user).toBeNull()
    expect(auth.hasValidSession()).toBe(false)
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull()
    expect(ended).toHaveBeenCalledWith('logout')
  })

  it('logout still clears the local session when the server is unreachable', async () => {
    const { auth } = setup((req) => {
      if (path(req) === '/api/auth/logout') throw new TypeError('network down')
      return jsonResponse(loginResponse(user('YOUTH')))
    })
    await auth.login('youth_demo', 'pw')
    await auth.logout()
    expect(auth.token).toBeNull()
  })

  it('refreshes shortly before expiry while the user is active', async () => {
    vi.useFakeTimers({ now: new Date('2024-03-01T08:00:00Z') })
    let n = 0
    const { auth, calls } = setup((req) => {
      if (path(req) === '/api/auth/refresh') return jsonResponse(loginResponse(user('CITY_ADMIN'), 100, `tok-${++n + 1}`))
      return jsonResponse(loginResponse(user('CITY_ADMIN'), 100, 'tok-1'))
    })
    await auth.login('admin', 'pw')
    const firstExpiry = auth.expiresAt

    // 100 s token → refresh 20 s before expiry. Keep "using" the app every 10 s.
    for (let i = 0; i < 7; i++) {
      await vi.advanceTimersByTimeAsync(10_000)
      auth.touch()
    }
    expect(calls.some((c) => path(c) === '/api/auth/refresh')).toBe(false)
    await vi.advanceTimersByTimeAsync(11_000) // 81 s: past the refresh point
    const refresh = calls.find((c) => path(c) === '/api/auth/refresh')
    expect(refresh).toBeDefined()
    expect(refresh!.headers.get('Authorization')).toBe('Bearer tok-1')
    expect(auth.token).toBe('tok-2')
    expect(auth.expiresAt).toBeGreaterThan(firstExpiry)
  })

  it('lets an idle session expire and reports it', async () => {
    vi.useFakeTimers({ now: new Date('2024-03-01T08:00:00Z') })
    const { auth, calls } = setup(() => jsonResponse(loginResponse(user('CITY_ADMIN'), 100, 'tok-1')))
    await auth.login('admin', 'pw')
    const ended = vi.fn()
    auth.onSessionEnded(ended)
    // No activity for 6 minutes, then the token's expiry passes.
    auth.lastActivityAt = Date.now() - 6 * 60_000

    await vi.advanceTimersByTimeAsync(101_000)

    expect(calls.some((c) => path(c) === '/api/auth/refresh')).toBe(false)
    expect(ended).toHaveBeenCalledWith('expired')
    expect(auth.token).toBeNull()
  })

  it('a 401 on refresh ends the session', async () => {
    vi.useFakeTimers({ now: new Date('2024-03-01T08:00:00Z') })
    const { auth } = setup((req) =>
      path(req) === '/api/auth/refresh'
        ? jsonResponse({ status: 401, detail: '会话已结束' }, 401)
        : jsonResponse(loginResponse(user('BASE'), 100)),
    )
    await auth.login('base_demo', 'pw')
    const ended = vi.fn()
    auth.onSessionEnded(ended)
    expect(await auth.refresh()).toBe(false)
    expect(ended).toHaveBeenCalledWith('unauthorized')
    expect(auth.token).toBeNull()
  })

  it('a password that needs a second factor keeps no session until the code is accepted', async () => {
    const u = user('DISTRICT_ADMIN', { username: 'wanzhou' })
    const { auth, calls } = setup((req) =>
      path(req) === '/api/auth/login/second-factor'
        ? jsonResponse(loginResponse(u, 600, 'tok-2fa'))
        : jsonResponse(challengeResponse('SECOND_FACTOR_REQUIRED', 'ticket-9')),
    )
    const step = await auth.login('wanzhou', 'pw')
    expect(step).toEqual({ status: 'SECOND_FACTOR_REQUIRED', challenge: 'ticket-9' })
    expect(auth.token).toBeNull()
    expect(auth.hasValidSession()).toBe(false)
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull()

    const signedIn = await auth.verifySecondFactor('ticket-9', { code: '123456' })
    expect(signedIn.username).toBe('wanzhou')
    expect(auth.token).toBe('tok-2fa')
    const second = calls.find((c) => path(c) === '/api/auth/login/second-factor')!
    expect(await second.clone().json()).toEqual({ challenge: 'ticket-9', code: '123456' })
    expect(second.headers.get('Authorization')).toBeNull()
  })

  it('a refused code throws its detail without ending any session', async () => {
    const { auth } = setup(() => jsonResponse({ status: 401, title: 'x', detail: '验证码不正确，还可尝试 4 次' }, 401))
    const ended = vi.fn()
    auth.onSessionEnded(ended)
    await expect(auth.verifySecondFactor('ticket', { recoveryCode: 'ABCDE-FGHJK' })).rejects.toThrow('还可尝试 4 次')
    expect(auth.token).toBeNull()
    expect(ended).not.toHaveBeenCalled()
  })

  it('confirming a new authenticator at login signs in and hands over the recovery codes', async () => {
    const codes = Array.from({ length: 10 }, (_, i) => `AAAA${i}-BBBBB`)
    const { auth } = setup(() => jsonResponse({ ...loginResponse(user('DEPARTMENT'), 600, 'tok-new'), recoveryCodes: codes }))
    const done = await auth.completeEnrolment('ticket', '654321')
    expect(done.recoveryCodes).toEqual(codes)
    expect(done.user.role).toBe('DEPARTMENT')
    expect(auth.token).toBe('tok-new')
  })
})
