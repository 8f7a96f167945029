// Who may open a route, decided from its records' meta alone: the router guard, the login redirect and the
// terminals' menus all ask can(), so a menu never offers a page the guard refuses (nor hides one it allows).
import type { RouteMeta, RouteRecordRaw } from 'vue-router'
import type { Component } from 'vue'
import type { Role } from '@/api/types'

/** The parts of the signed-in user that access depends on. */
export interface AccessUser {
  role: Role | null
  departmentCode?: string | null
}

/** Anything that carries the meta of every record it matches (a resolved location, or a menu entry). */
export interface RouteAccess {
  matched: readonly { meta: RouteMeta }[]
}

function allows(meta: RouteMeta, user: AccessUser | null): boolean {
  if (meta.roles && (!user?.role || !meta.roles.includes(user.role))) return false
  if (meta.departments && user?.role === 'DEPARTMENT') {
    return !!user.departmentCode && meta.departments.includes(user.departmentCode)
  }
  return true
}

/** True if the user may see every record matched by the route (roles, and for departments their code). */
export function can(route: RouteAccess, user: AccessUser | null): boolean {
  return route.matched.every((r) => allows(r.meta, user))
}

export interface MenuItem {
  path: string
  title: string
  icon: Component
}

/**
 * A terminal's menu: its child routes that carry an icon, in the order of the routes, that the user can open.
 * A child that only redirects (e.g. to a public page) is shown under the redirect's path.
 */
export function menuFor(terminal: RouteRecordRaw, user: AccessUser | null): MenuItem[] {
  const parentMeta = terminal.meta ?? {}
  const items: MenuItem[] = []
  for (const child of terminal.children ?? []) {
    const meta = child.meta ?? {}
    if (!meta.icon || !meta.title) continue
    if (!can({ matched: [{ meta: parentMeta }, { meta }] }, user)) continue
    const path =
      typeof child.redirect === 'string'
        ? child.redirect
        : child.path
          ? `${terminal.path}/${child.path}`
          : terminal.path
    items.push({ path, title: meta.title, icon: meta.icon })
  }
  return items
}
