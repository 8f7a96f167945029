import 'vue-router'
import type { Component } from 'vue'
import type { Role } from '@/api/types'

declare module 'vue-router' {
  interface RouteMeta {
    /** Roles allowed to see this route (checked on every matched record). Absent = any signed-in user. */
    roles?: Role[]
    /** For DEPARTMENT accounts: the department codes allowed (other roles are judged by `roles` alone). */
    departments?: readonly string[]
    /** Reachable without a session (login, 403, 404). */
    public?: boolean
    /** Page title (Chinese), shown in the browser tab, the shells and the menu. */
    title?: string
    /** The menu icon; a terminal's child route with one is an entry of its menu (see router/access.ts). */
    icon?: Component
  }
}
