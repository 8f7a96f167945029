import type { RouteLocationRaw } from 'vue-router'
import type { TargetColumn } from '@/api/types'

/**
 * The records behind one Annex 2 figure of a region (or the city when regionCode is empty): each list page
 * reads these query parameters as its initial filter.
 */
export function recordsLink(column: TargetColumn, year: number, regionCode: string): RouteLocationRaw {
  const region = regionCode ? { regionCode } : {}
  switch (column) {
    case 'NEW_BASES':
      return { path: '/admin/bases', query: { ...region, status: 'APPROVED' } }
    case 'NEW_KEY_ENTERPRISE_BASES':
      return { path: '/admin/key-enterprises', query: { ...region } }
    case 'POSITIONS':
      return { path: '/admin/position-review', query: { ...region, tab: 'all' } }
    case 'PARTICIPANTS':
      return { path: '/admin/internships', query: { ...region } }
    case 'POLICY_SESSIONS':
      return { path: '/admin/activities', query: { ...region, kind: 'POLICY_SESSION', year: String(year) } }
    case 'MATCHING_EVENTS':
      return { path: '/admin/activities', query: { ...region, kind: 'MATCHING', year: String(year) } }
    case 'TYPICAL_PERSONS':
      return { path: '/admin/quality/typical-persons', query: { ...region, status: 'APPROVED', year: String(year) } }
    default:
      return { path: '/admin/demonstration', query: { ...region, stage: 'NATIONAL_RECOMMENDED', year: String(year) } }
  }
}

/** A query parameter as one string ('' when absent), for pages that start filtered. */
export function queryText(value: unknown): string {
  if (Array.isArray(value)) return String(value[0] ?? '')
  return value === undefined || value === null ? '' : String(value)
}
