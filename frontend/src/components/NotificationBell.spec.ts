import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import NotificationBell from './NotificationBell.vue'
import { fetchStub, jsonResponse } from '@/test/fixtures'
import type { Notification } from '@/api/types'

const push = vi.fn()
vi.mock('vue-router', async (importOriginal) => ({
  ...(await importOriginal<typeof import('vue-router')>()),
  useRouter: () => ({ push }),
}))

function notification(id: number, extra: Partial<Notification> = {}): Notification {
  return {
    id,
    kind: 'FILING_APPROVED',
    kindLabel: '见习基地备案已审核通过',
    title: `通知${id}`,
    body: `内容${id}`,
    link: '/base/filing',
    createdAt: '2026-11-18T02:00:00Z',
    ...extra,
  } as Notification
}

beforeEach(() => {
  setActivePinia(createPinia())
  push.mockReset()
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('NotificationBell', () => {
  it('shows the unread count, lists the unread on opening, and a click marks one read and follows its link', async () => {
    let unread = 2
    const items = [notification(1), notification(2, { link: '//elsewhere.example/x' })]
    const stub = fetchStub((req) => {
      const url = new URL(req.url)
      if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ unread })
      if (url.pathname === '/api/notifications') return jsonResponse({ items, total: unread, unread, page: 0, size: 8 })
      if (url.pathname === '/api/notifications/1/read' && req.method === 'POST') {
        unread--
        return jsonResponse({ ...items[0], readAt: '2026-11-18T02:05:00Z' })
      }
      return jsonResponse({ title: 'unexpected' }, 404)
    })
    vi.stubGlobal('fetch', stub.fn)
    const w = mount(NotificationBell, { props: { allLink: '/base/notifications' }, attachTo: document.body })
    await vi.waitFor(async () => {
      await flushPromises()
      expect(w.find('[data-testid="notification-count"]').text()).toContain('2')
    })

    await w.find('[data-testid="notification-bell"]').trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(document.querySelectorAll('[data-testid="notification-item"]')).toHaveLength(2)
    })
    const list = new URL(stub.calls.find((c) => new URL(c.url).pathname === '/api/notifications')!.url)
    expect(list.searchParams.get('unread')).toBe('true')
    expect(document.body.textContent).toContain('见习基地备案已审核通过')

    ;(document.querySelector('[data-testid="notification-item"]') as HTMLElement).click()
    await vi.waitFor(async () => {
      await flushPromises()
      expect(push).toHaveBeenCalledWith('/base/filing')
    })
    expect(stub.calls.some((c) => c.method === 'POST' && new URL(c.url).pathname === '/api/notifications/1/read')).toBe(true)
    expect(w.find('[data-testid="notification-count"]').text()).toContain('1')
    w.unmount()
  })

  it('does not follow a link that leaves the application, marks all read and opens the notifications page', async () => {
    const items = [notification(5, { link: '//elsewhere.example/x' }), notification(6)]
    const stub = fetchStub((req) => {
      const url = new URL(req.url)
      if (url.pathname === '/api/notifications/unread-count') return jsonResponse({ unread: 2 })
      if (url.pathname === '/api/notifications') return jsonResponse({ items, total: 2, unread: 2, page: 0, size: 8 })
      if (url.pathname === '/api/notifications/5/read') return jsonResponse({ ...items[0], readAt: '2026-11-18T02:05:00Z' })
      if (url.pathname === '/api/notifications/read-all') return jsonResponse({ marked: 2 })
      return jsonResponse({ title: 'unexpected' }, 404)
    })
    vi.stubGlobal('fetch', stub.fn)
    const w = mount(NotificationBell, { props: { allLink: '/admin/notifications' }, attachTo: document.body })
    await w.find('[data-testid="notification-bell"]').trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(document.querySelectorAll('[data-testid="notification-item"]')).toHaveLength(2)
    })
    ;(document.querySelector('[data-testid="notification-item"]') as HTMLElement).click()
    await vi.waitFor(async () => {
      await flushPromises()
      expect(stub.calls.some((c) => new URL(c.url).pathname === '/api/notifications/5/read')).toBe(true)
    })
    expect(push).not.toHaveBeenCalled()

    await vi.waitFor(async () => {
      await flushPromises()
      expect(document.querySelector('[data-testid="notification-read-all"]')).not.toBeNull()
    })
    ;(document.querySelector('[data-testid="notification-read-all"]') as HTMLElement).click()
    await vi.waitFor(async () => {
      await flushPromises()
      expect(stub.calls.some((c) => c.method === 'POST' && new URL(c.url).pathname === '/api/notifications/read-all')).toBe(true)
      expect(document.querySelectorAll('[data-testid="notification-item"]')).toHaveLength(0)
    })
    expect(w.find('[data-testid="notification-count"] sup').exists() ? w.find('[data-testid="notification-count"] sup').isVisible() : false).toBe(false)

    ;(document.querySelector('[data-testid="notification-all"]') as HTMLElement).click()
    await flushPromises()
    expect(push).toHaveBeenCalledWith('/admin/notifications')
    w.unmount()
  })
})
