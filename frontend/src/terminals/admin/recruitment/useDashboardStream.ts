import { onBeforeUnmount, ref, watch, type Ref } from 'vue'
import { apiSession } from '@/api/client'
import type { RecruitmentDashboard } from '@/api/types'
import { useAuthStore } from '@/stores/auth'
import { subscribeSse, type SseSubscription } from '@/shared/sse'

/**
 * Keeps `data` current from /api/dashboard/stream (fetch + ReadableStream, bearer header), reconnecting
 * with backoff; stops on unmount, on logout (no token) and when the year changes (then reopens).
 */
export function useDashboardStream(year: Ref<number>) {
  const auth = useAuthStore()
  const data = ref<RecruitmentDashboard | null>(null)
  const live = ref(false)
  let sub: SseSubscription | null = null

  function open() {
    close()
    if (!auth.token) return
    sub = subscribeSse({
      url: `/api/dashboard/stream?year=${year.value}`,
      getToken: apiSession.token,
      onData: (text) => {
        try {
          data.value = JSON.parse(text) as RecruitmentDashboard
        } catch {
          // A malformed event is skipped; the next one replaces it.
        }
      },
      onState: (connected) => {
        live.value = connected
      },
      onUnauthorized: apiSession.unauthorized,
    })
  }
  function close() {
    sub?.close()
    sub = null
    live.value = false
  }

  watch(year, open)
  watch(
    () => auth.token,
    (t, before) => {
      if (!t) close()
      else if (!before) open()
    },
  )
  onBeforeUnmount(close)
  return { data, live, open, close }
}
