import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router'
import type { Role } from '@/api/types'
import { homeFor } from '@/shared/roles'
import { can } from './access'

export interface SessionView {
  hasValidSession(): boolean
  role: Role | null
  /** The signed-in user (its department decides some departments' pages). */
  user?: { departmentCode?: string | null } | null
  /** The session may only change its password (expired or reset by an administrator). */
  mustChangePassword?: boolean
}

export const CHANGE_PASSWORD_PATH = '/account/password'

/** Where the login page should send the user back to after signing in. */
export function loginLocation(fullPath: string | undefined): RouteLocationRaw {
  const redirect = fullPath && fullPath !== '/' && !fullPath.startsWith('/login') ? fullPath : undefined
  return redirect ? { path: '/login', query: { redirect } } : { path: '/login' }
}


/**
 * The one global guard: public routes pass; without a valid session → /login?redirect=…;
 * `/` → the role's terminal; a route the user cannot open (router/access.ts) → /403.
 */
export function decideNavigation(
  to: Pick<RouteLocationNormalized, 'matched' | 'fullPath' | 'path' | 'meta'>,
  session: SessionView,
): true | RouteLocationRaw {
  const signedIn = session.hasValidSession()
  if (to.path === '/login' && signedIn && session.role) return homeFor(session.role)
  if (to.matched.every((r) => r.meta.public)) return true
  if (!signedIn || !session.role) return loginLocation(to.fullPath)
  if (session.mustChangePassword && to.path !== CHANGE_PASSWORD_PATH) return { path: CHANGE_PASSWORD_PATH }
  if (to.path === '/') return homeFor(session.role)
  if (!can(to, { role: session.role, departmentCode: session.user?.departmentCode })) return { path: '/403', query: { from: to.fullPath } }
  return true
}
