import { afterEach, describe, expect, it } from 'vitest'
import { createRouter, createMemoryHistory } from 'vue-router'
import { createPinia } from 'pinia'
import type { Role } from '@/api/types'
import { createAppRouter } from './index'
import { decideNavigation, type SessionView } from './guard'
import { routes } from './routes'
import { useAuthStore } from '@/stores/auth'
import { loginResponse, user } from '@/test/fixtures'

// Resolving (not navigating) keeps lazy page components unloaded.
const resolver = createRouter({ history: createMemoryHistory(), routes })
const to = (p: string) => resolver.resolve(p)

const anonymous: SessionView = { hasValidSession: () => false, role: null }
const as = (role: Role): SessionView => ({ hasValidSession: () => true, role })

describe('decideNavigation', () => {
  it('sends unauthenticated users to /login with a redirect', () => {
    expect(decideNavigation(to('/admin'), anonymous)).toEqual({ path: '/login', query: { redirect: '/admin' } })
    expect(decideNavigation(to('/youth/me'), anonymous)).toEqual({ path: '/login', query: { redirect: '/youth/me' } })
    expect(decideNavigation(to('/'), anonymous)).toEqual({ path: '/login' })
  })

  it('lets anyone reach public pages', () => {
    expect(decideNavigation(to('/login'), anonymous)).toBe(true)
    expect(decideNavigation(to('/403'), anonymous)).toBe(true)
    expect(decideNavigation(to('/no/such/page'), anonymous)).toBe(true)
  })

  it('sends a wrong role to /403', () => {
    expect(decideNavigation(to('/admin'), as('BASE'))).toMatchObject({ path: '/403' })
    expect(decideNavigation(to('/admin'), as('YOUTH'))).toMatchObject({ path: '/403' })
    expect(decideNavigation(to('/youth'), as('CITY_ADMIN'))).toMatchObject({ path: '/403' })
    expect(decideNavigation(to('/base'), as('DISTRICT_ADMIN'))).toMatchObject({ path: '/403' })
  })

  it('checks child routes roles too (city-only pages)', () => {
    expect(decideNavigation(to('/admin/plan-import'), as('DISTRICT_ADMIN'))).toMatchObject({ path: '/403' })
    expect(decideNavigation(to('/admin/audit'), as('DEPARTMENT'))).toMatchObject({ path: '/403' })
    expect(decideNavigation(to('/admin/audit'), as('CITY_ADMIN'))).toBe(true)
    expect(decideNavigation(to('/admin/deletion-requests'), as('DEPARTMENT'))).toMatchObject({ path: '/403' })
    expect(decideNavigation(to('/admin/deletion-requests'), as('DISTRICT_ADMIN'))).toBe(true)
    expect(decideNavigation(to('/youth/me/privacy'), as('CITY_ADMIN'))).toMatchObject({ path: '/403' })
  })

  it('lets the right role through', () => {
    for (const r of ['CITY_ADMIN', 'DISTRICT_ADMIN', 'DEPARTMENT'] as Role[]) {
      expect(decideNavigation(to('/admin'), as(r))).toBe(true)
    }
    expect(decideNavigation(to('/base'), as('BASE'))).toBe(true)
    expect(decideNavigation(to('/youth/positions'), as('YOUTH'))).toBe(true)
  })

  it('keeps a session whose password must change on the change page', () => {
    const restricted: SessionView = { hasValidSession: () => true, role: 'DISTRICT_ADMIN', mustChangePassword: true }
    expect(decideNavigation(to('/admin/youth'), restricted)).toEqual({ path: '/account/password' })
    expect(decideNavigation(to('/'), restricted)).toEqual({ path: '/account/password' })
    expect(decideNavigation(to('/account/password'), restricted)).toBe(true)
    expect(decideNavigation(to('/account/password'), as('YOUTH'))).toBe(true)
    expect(decideNavigation(to('/account/password'), anonymous)).toMatchObject({ path: '/login' })
  })

  it('sends signed-in users from / and /login to their terminal', () => {
    expect(decideNavigation(to('/'), as('DEPARTMENT'))).toBe('/admin')
    expect(decideNavigation(to('/'), as('BASE'))).toBe('/base')
    expect(decideNavigation(to('/login'), as('YOUTH'))).toBe('/youth')
  })
})

describe('global guard on the app router', () => {
  afterEach(() => sessionStorage.clear())

  async function appRouter(role?: Role, expiresIn = 600) {
    const pinia = createPinia()
    const router = createAppRouter(pinia, createMemoryHistory())
    if (role) {
      const auth = useAuthStore(pinia)
      const res = loginResponse(user(role), expiresIn)
      auth.token = res.accessToken
      auth.user = res.user
      auth.expiresAt = Date.now() + expiresIn * 1000
    }
    return router
  }

  it('unauthenticated → /login?redirect=', async () => {
    const router = await appRouter()
    await router.push('/base')
    expect(router.currentRoute.value.path).toBe('/login')
    expect(router.currentRoute.value.query.redirect).toBe('/base')
  })

  it('expired token → /login and the stale session is dropped', async () => {
    const router = await appRouter('CITY_ADMIN', -1)
    await router.push('/admin')
    expect(router.currentRoute.value.path).toBe('/login')
  })

  it('BASE user on /admin → 403 page', async () => {
    const router = await appRouter('BASE')
    await router.push('/admin')
    expect(router.currentRoute.value.path).toBe('/403')
    expect(router.currentRoute.value.name).toBe('forbidden')
  })

  it('right role passes', async () => {
    const router = await appRouter('BASE')
    await router.push('/base')
    expect(router.currentRoute.value.name).toBe('base-home')
  })
})
