import { ref, type Ref } from 'vue'
import { errorMessage } from '@/api/client'

/** One page of a server-paged list, as every list endpoint answers it. */
export interface Paged<T> {
  items: T[]
  total: number | string
}

/**
 * A server-paged list for a table: 1-based page in the UI, 0-based in the API, the total shown
 * beside the pager so nothing is silently cut off.
 */
export function usePagedList<T>(fetchPage: (page: number, size: number) => Promise<Paged<T>>, initialSize = 20) {
  const page = ref(1)
  const size = ref(initialSize)
  const total = ref(0)
  const items = ref([]) as Ref<T[]>
  const loading = ref(false)
  const error = ref('')
  // Only the latest request may fill the table: a filter changed twice quickly must not show the first answer.
  let latest = 0

  async function load(): Promise<void> {
    const request = ++latest
    loading.value = true
    error.value = ''
    try {
      const res = await fetchPage(page.value - 1, size.value)
      if (request !== latest) return
      items.value = res.items
      total.value = Number(res.total)
    } catch (e) {
      if (request === latest) error.value = errorMessage(e, '加载失败，请稍后重试')
    } finally {
      if (request === latest) loading.value = false
    }
  }

  /** Back to the first page (after a filter changes). */
  function reload(): Promise<void> {
    page.value = 1
    return load()
  }

  return { page, size, total, items, loading, error, load, reload }
}
