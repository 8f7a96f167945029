import { createRouter, createWebHistory, type Router, type RouterHistory } from 'vue-router'
import type { Pinia } from 'pinia'
import { configureApi } from '@/api/client'
import { useAuthStore } from '@/stores/auth'
import { decideNavigation, loginLocation } from './guard'
import { routes } from './routes'

export function createAppRouter(pinia: Pinia, history: RouterHistory = createWebHistory()): Router {
  const router = createRouter({ history, routes, scrollBehavior: () => ({ top: 0 }) })
  const auth = useAuthStore(pinia)

  router.beforeEach((to) => {
    const decision = decideNavigation(to, auth)
    if (decision !== true && !auth.hasValidSession() && auth.token) {
      // An expired token found on navigation: drop it quietly (the guard already redirects).
      auth.clear()
    }
    return decision
  })

  router.afterEach((to) => {
    if (typeof document !== 'undefined') {
      const title = to.meta.title
      document.title = title ? `${title} · 见习通` : '见习通'
    }
  })

  return router
}

/** Wires the API client to the auth store and sends the user to /login when the session ends. */
export function wireSession(pinia: Pinia, router: Router): void {
  const auth = useAuthStore(pinia)
  configureApi({
    getToken: () => auth.token,
    onUnauthorized: () => auth.endSession('unauthorized'),
  })
  auth.onSessionEnded((reason) => {
    const current = router.currentRoute.value
    if (reason === 'logout') void router.replace('/login')
    else if (!current.meta.public) void router.replace(loginLocation(current.fullPath))
  })
  if (auth.hasValidSession()) auth.startKeeping()
  else if (auth.token) auth.clear()
}
