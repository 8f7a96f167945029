// Reference data (public, rarely changing): loaded once per page load and shared.
import { computed, ref, type Ref } from 'vue'
import { api, unwrap } from '@/api/client'
import type { Department, KeyEnterpriseCategory, Region } from '@/api/types'

function cached<T>(load: () => Promise<T[]>) {
  const items = ref<T[]>([]) as Ref<T[]>
  let pending: Promise<void> | null = null
  return () => {
    if (!pending) {
      pending = load()
        .then((list) => {
          items.value = list
        })
        .catch(() => {
          pending = null
        })
    }
    return items
  }
}

const regions = cached<Region>(async () =>
  [...(await unwrap(api.GET('/api/regions')))].sort((a, b) => a.seq - b.seq),
)
const departments = cached<Department>(async () =>
  [...(await unwrap(api.GET('/api/departments')))].sort((a, b) => a.seq - b.seq),
)
const categories = cached<KeyEnterpriseCategory>(async () => unwrap(api.GET('/api/key-enterprise-categories')))

export function useRegions() {
  const list = regions()
  const nameOf = computed(() => {
    const m = new Map(list.value.map((r) => [r.code, r.shortName]))
    return (code: string | undefined | null) => (code ? (m.get(code) ?? code) : '—')
  })
  return { regions: list, regionName: nameOf }
}

export function useDepartments() {
  return { departments: departments() }
}

export function useKeyCategories() {
  const list = categories()
  const nameOf = computed(() => {
    const m = new Map(list.value.map((c) => [c.code, c.name]))
    return (code: string) => m.get(code) ?? code
  })
  return { categories: list, categoryName: nameOf }
}
