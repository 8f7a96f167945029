import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createPinia } from 'pinia'
import { ApiError, api, createApiClient, errorMessage, unwrap } from './client'
import { createAppRouter, wireSession } from '@/router'
import { useAuthStore } from '@/stores/auth'
import { fetchStub, jsonResponse, loginResponse, user } from '@/test/fixtures'

const path = (r: Request) => new URL(r.url).pathname

afterEach(() => {
  vi.unstubAllGlobals()
  sessionStorage.clear()
})

describe('createApiClient', () => {
  it('adds the bearer token to authenticated calls', async () => {
    const stub = fetchStub(() => jsonResponse(user('CITY_ADMIN')))
    const client = createApiClient({ baseUrl: 'http://x', getToken: () => 't-123', onUnauthorized: vi.fn(), fetch: stub.fn })
    await client.GET('/api/me')
    expect(stub.calls[0]!.headers.get('Authorization')).toBe('Bearer t-123')
  })

  it('sends no Authorization header without a token, nor on login', async () => {
    const stub = fetchStub(() => jsonResponse({}))
    const anon = createApiClient({ baseUrl: 'http://x', getToken: () => null, onUnauthorized: vi.fn(), fetch: stub.fn })
    await anon.GET('/api/regions')
    const stale = createApiClient({ baseUrl: 'http://x', getToken: () => 'old', onUnauthorized: vi.fn(), fetch: stub.fn })
    await stale.POST('/api/auth/login', { body: { username: 'a', password: 'b' } })
    expect(stub.calls.map((c) => c.headers.get('Authorization'))).toEqual([null, null])
  })

  it('reports a 401 on an authenticated call exactly once', async () => {
    const onUnauthorized = vi.fn()
    const stub = fetchStub(() => jsonResponse({ status: 401, detail: '登录已失效' }, 401))
    const client = createApiClient({ baseUrl: 'http://x', getToken: () => 't', onUnauthorized, fetch: stub.fn })
    const res = await client.GET('/api/plans')
    expect(res.response.status).toBe(401)
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('does not treat a failed login (401) or other errors as session loss', async () => {
    const onUnauthorized = vi.fn()
    const stub = fetchStub((req) =>
      path(req) === '/api/auth/login'
        ? jsonResponse({ status: 401, detail: '账号或密码错误' }, 401)
        : jsonResponse({ status: 403, detail: '无权访问' }, 403),
    )
    const client = createApiClient({ baseUrl: 'http://x', getToken: () => 't', onUnauthorized, fetch: stub.fn })
    await client.POST('/api/auth/login', { body: { username: 'a', password: 'b' } })
    await client.GET('/api/audit')
    expect(onUnauthorized).not.toHaveBeenCalled()
  })
})

describe('unwrap / errorMessage', () => {
  it('throws ApiError carrying the problem+json detail and violations', async () => {
    const problem = {
      status: 422,
      title: 'Unprocessable',
      detail: '文件校验未通过',
      violations: [{ field: 'row 5 / positions', message: '必须为非负整数' }],
    }
    const stub = fetchStub(() => jsonResponse(problem, 422))
    const client = createApiClient({ baseUrl: 'http://x', getToken: () => 't', onUnauthorized: vi.fn(), fetch: stub.fn })
    const err = await unwrap(client.GET('/api/plans')).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).status).toBe(422)
    expect((err as ApiError).problem.violations).toEqual(problem.violations)
    expect(errorMessage(err)).toBe('文件校验未通过')
  })

  it('maps network failures to a Chinese message', async () => {
    const client = createApiClient({
      baseUrl: 'http://x',
      getToken: () => null,
      onUnauthorized: vi.fn(),
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    })
    const err = await unwrap(client.GET('/api/regions')).catch((e: unknown) => e)
    expect(errorMessage(err)).toContain('无法连接服务器')
  })
})

describe('central 401 handling (app wiring)', () => {
  it('clears the session and sends the user to /login?redirect=… on a 401', async () => {
    const stub = fetchStub((req) => {
      if (path(req) === '/api/auth/login') return jsonResponse(loginResponse(user('CITY_ADMIN'), 600, 'tok'))
      return jsonResponse({ status: 401, detail: '登录已失效' }, 401)
    })
    vi.stubGlobal('fetch', stub.fn)
    const pinia = createPinia()
    const router = createAppRouter(pinia, createMemoryHistory())
    wireSession(pinia, router)
    const auth = useAuthStore(pinia)
    await auth.login('admin', 'pw')
    await router.push('/admin/audit?page=2')
    expect(router.currentRoute.value.fullPath).toBe('/admin/audit?page=2')

    const res = await api.GET('/api/audit')
    expect(res.response.status).toBe(401)
    const plansCall = stub.calls.find((c) => path(c) === '/api/audit')
    expect(plansCall?.headers.get('Authorization')).toBe('Bearer tok')

    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/login'))
    expect(router.currentRoute.value.query.redirect).toBe('/admin/audit?page=2')
    expect(auth.token).toBeNull()
    expect(sessionStorage.getItem('jianxi.auth')).toBeNull()
  })
})
