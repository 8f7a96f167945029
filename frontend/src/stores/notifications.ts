import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, unwrap } from '@/api/client'
import type { Notification, NotificationPage } from '@/api/types'

const POLL_MS = 30_000
/** How many unread notifications the bell shows; the rest are on the notifications page. */
export const BELL_SIZE = 8

/** The signed-in person's notifications: the unread count (badge, bell), the bell's newest unread, pages of all. */
export const useNotificationsStore = defineStore('notifications', () => {
  const unread = ref(0)
  const unreadItems = ref<Notification[]>([])
  let timer: ReturnType<typeof setInterval> | null = null
  let users = 0

  /** The unread count only: cheap enough to poll. */
  async function refresh(): Promise<void> {
    try {
      const res = await unwrap(api.GET('/api/notifications/unread-count'))
      unread.value = Number(res.unread)
    } catch {
      // Keep the last count; the next poll retries.
    }
  }

  /** The newest unread notifications for the bell, and the count with them. */
  async function loadUnread(): Promise<void> {
    const res = await page(0, BELL_SIZE, true)
    unreadItems.value = res.items
    unread.value = Number(res.unread)
  }

  async function page(number: number, size: number, onlyUnread = false): Promise<NotificationPage> {
    return unwrap(api.GET('/api/notifications', { params: { query: { unread: onlyUnread, page: number, size } } }))
  }

  async function markRead(n: Notification): Promise<void> {
    if (n.readAt) return
    const read = await unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id: n.id } } }))
    n.readAt = read.readAt ?? new Date().toISOString()
    unreadItems.value = unreadItems.value.filter((x) => x.id !== n.id)
    unread.value = Math.max(0, unread.value - 1)
  }

  async function markAllRead(): Promise<number> {
    const res = await unwrap(api.POST('/api/notifications/read-all'))
    unreadItems.value = []
    unread.value = 0
    return Number(res.marked)
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

  return { unread, unreadItems, refresh, loadUnread, page, markRead, markAllRead, watchUnread }
})

/** Only links inside the application are followed. */
export function internalLink(link: string | null | undefined): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null
}
