import 'vue-router'
import type { Role } from '@/api/types'

declare module 'vue-router' {
  interface RouteMeta {
    /** Roles allowed to see this route (checked on every matched record). Absent = any signed-in user. */
    roles?: Role[]
    /** Reachable without a session (login, 403, 404). */
    public?: boolean
    /** Page title (Chinese), shown in the browser tab and the shells. */
    title?: string
  }
}
