import type { Role } from '@/api/types'

export const ROLE_LABELS: Record<Role, string> = {
  CITY_ADMIN: '市人社局管理员',
  DISTRICT_ADMIN: '区县管理员',
  DEPARTMENT: '市级部门',
  BASE: '见习基地',
  YOUTH: '青年',
}

export const ADMIN_ROLES: Role[] = ['CITY_ADMIN', 'DISTRICT_ADMIN', 'DEPARTMENT']

/** The terminal each role lands in after login. */
export function homeFor(role: Role): string {
  switch (role) {
    case 'CITY_ADMIN':
    case 'DISTRICT_ADMIN':
    case 'DEPARTMENT':
      return '/admin'
    case 'BASE':
      return '/base'
    case 'YOUTH':
      return '/youth'
    default:
      return '/403'
  }
}

export function roleLabel(role: Role | undefined | null): string {
  return role ? (ROLE_LABELS[role] ?? role) : ''
}
