import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, unwrap } from '@/api/client'
import type { Notification } from '@/api/types'

const POLL_MS = 30_000

/** The signed-in youth's or base's notifications: the unread count (badge, bell) and the list. */
export const useNotificationsStore = defineStore('notifications', () => {
  const unread = ref(0)
  const unreadItems = ref<Notification[]>([])
  let timer: ReturnType<typeof setInterval> | null = null
  let users = 0

  async function refresh(): Promise<void> {
    try {
      const list = await unwrap(api.GET('/api/notifications', { params: { query: { unread: true } } }))
      unreadItems.value = list
      unread.value = list.length
    } catch {
      // Keep the last count; the next poll retries.
    }
  }

  async function list(onlyUnread = false): Promise<Notification[]> {
    return unwrap(api.GET('/api/notifications', { params: { query: { unread: onlyUnread } } }))
  }

  async function markRead(n: Notification): Promise<void> {
    if (n.readAt) return
    await unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id: n.id } } }))
    unreadItems.value = unreadItems.value.filter((x) => x.id !== n.id)
    unread.value = Math.max(0, unread.value - 1)
  }

  /** Starts polling the unread count; call the returned function to stop (reference counted). */
  function watchUnread(): () => void {
    users++
    if (users === 1) {
      void refresh()
      timer = setInterval(() => void refresh(), POLL_MS)
    }
    let released = false
    return () => {
      if (released) return
      released = true
      users--
      if (users === 0 && timer) {
        clearInterval(timer)
        timer = null
      }
    }
  }

  return { unread, unreadItems, refresh, list, markRead, watchUnread }
})
