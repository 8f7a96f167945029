import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { ApiError, api, unwrap } from '@/api/client'
import type { LoginResponse, SecondFactorProof, User } from '@/api/types'
import { nextSessionAction } from './sessionPolicy'

export const SESSION_STORAGE_KEY = 'jianxi.auth'

interface PersistedSession {
  token: string
  user: User
  expiresAt: number
  lifetimeMs: number
}

export type SessionEndReason = 'logout' | 'expired' | 'unauthorized'

/**
 * Where a login stands: signed in, or the password was right and the second factor is next (a code,
 * or for staff without an authenticator app, binding one first). The challenge is the ticket for that step.
 */
export type LoginStep =
  | { status: 'AUTHENTICATED'; user: User }
  | { status: 'SECOND_FACTOR_REQUIRED' | 'ENROLMENT_REQUIRED'; challenge: string }

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'touchstart', 'wheel', 'scroll'] as const

function readPersisted(): PersistedSession | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(SESSION_STORAGE_KEY)
    if (!raw) return null
    const s = JSON.parse(raw) as PersistedSession
    if (typeof s.token !== 'string' || !s.user || typeof s.expiresAt !== 'number') return null
    return s
  } catch {
    return null
  }
}

export const useAuthStore = defineStore('auth', () => {
  const initial = readPersisted()
  const token = ref<string | null>(initial?.token ?? null)
  const user = ref<User | null>(initial?.user ?? null)
  const expiresAt = ref<number>(initial?.expiresAt ?? 0)
  const lifetimeMs = ref<number>(initial?.lifetimeMs ?? 0)
  const lastActivityAt = ref<number>(Date.now())

  const role = computed(() => user.value?.role ?? null)
  /** The password expired or was reset by an administrator: only a change is allowed. */
  const mustChangePassword = computed(() => user.value?.passwordChangeRequired === true)

  /** After a successful change the session is no longer restricted. */
  function passwordChanged(): void {
    if (user.value) {
      user.value = { ...user.value, passwordChangeRequired: false }
      persist()
    }
  }

  /** True while we hold a token that has not yet expired (checked against the clock now). */
  function hasValidSession(now = Date.now()): boolean {
    return !!token.value && !!user.value && expiresAt.value > now
  }

  function persist(): void {
    const storage = globalThis.sessionStorage
    if (!storage) return
    if (token.value && user.value) {
      const s: PersistedSession = {
        token: token.value,
        user: user.value,
        expiresAt: expiresAt.value,
        lifetimeMs: lifetimeMs.value,
      }
      storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(s))
    } else {
      storage.removeItem(SESSION_STORAGE_KEY)
    }
  }

  function accept(res: LoginResponse, now = Date.now()): void {
    token.value = res.accessToken ?? null
    // The session (not the account) carries the restriction; the guard sends it to the password page.
    user.value = res.user ? { ...res.user, passwordChangeRequired: res.passwordChangeRequired === true } : null
    lifetimeMs.value = Math.max(0, res.expiresIn ?? 0) * 1000
    expiresAt.value = now + lifetimeMs.value
    persist()
  }

  // --- session-ended listeners (the router sends the user to /login) ---------------------------
  const endListeners = new Set<(reason: SessionEndReason) => void>()
  function onSessionEnded(fn: (reason: SessionEndReason) => void): () => void {
    endListeners.add(fn)
    return () => endListeners.delete(fn)
  }

  /** Drops all local session state. */
  function clear(): void {
    stopKeeping()
    token.value = null
    user.value = null
    expiresAt.value = 0
    lifetimeMs.value = 0
    persist()
  }

  /** Ends the session locally (expired token or a 401) and tells listeners, once. */
  function endSession(reason: SessionEndReason): void {
    const hadSession = !!token.value
    clear()
    if (hadSession) endListeners.forEach((fn) => fn(reason))
  }

  /** Starts the session of an AUTHENTICATED response, or returns the challenge of the next step. */
  function settle(res: LoginResponse): LoginStep {
    if (res.accessToken && res.user) {
      lastActivityAt.value = Date.now()
      accept(res)
      startKeeping()
      return { status: 'AUTHENTICATED', user: res.user }
    }
    if (res.challenge && (res.status === 'SECOND_FACTOR_REQUIRED' || res.status === 'ENROLMENT_REQUIRED')) {
      return { status: res.status, challenge: res.challenge }
    }
    throw new ApiError(0, { detail: '登录响应不完整，请重试' })
  }

  async function login(username: string, password: string): Promise<LoginStep> {
    return settle(await unwrap(api.POST('/api/auth/login', { body: { username, password } })))
  }

  /** The second step: the app's code (or a recovery code) for the challenge of a correct password. */
  async function verifySecondFactor(challenge: string, proof: SecondFactorProof): Promise<User> {
    const step = settle(await unwrap(api.POST('/api/auth/login/second-factor', { body: { challenge, ...proof } })))
    if (step.status !== 'AUTHENTICATED') throw new ApiError(0, { detail: '登录响应不完整，请重试' })
    return step.user
  }

  /** Confirms a new authenticator app at login: signs in and returns the recovery codes, shown once. */
  async function completeEnrolment(challenge: string, code: string): Promise<{ user: User; recoveryCodes: string[] }> {
    const res = await unwrap(api.POST('/api/auth/login/enrolment/confirm', { body: { challenge, code } }))
    const step = settle(res)
    if (step.status !== 'AUTHENTICATED') throw new ApiError(0, { detail: '登录响应不完整，请重试' })
    return { user: step.user, recoveryCodes: res.recoveryCodes ?? [] }
  }

  let refreshing: Promise<boolean> | null = null
  /** Exchanges the current token for a fresh one. Resolves false if the session is over. */
  function refresh(): Promise<boolean> {
    if (!token.value) return Promise.resolve(false)
    if (refreshing) return refreshing
    refreshing = (async () => {
      try {
        const res = await unwrap(api.POST('/api/auth/refresh'))
        accept(res)
        return true
      } catch {
        // A 401 has already ended the session via the client's middleware; other failures
        // (network) are retried on the next check while the token lasts.
        return false
      } finally {
        refreshing = null
        schedule()
      }
    })()
    return refreshing
  }

  async function logout(): Promise<void> {
    const had = token.value
    // Drop local state first so that a 401 from the logout call itself is not treated as an
    // expired session; the token is sent explicitly.
    clear()
    if (had) {
      try {
        await api.POST('/api/auth/logout', { headers: { Authorization: `Bearer ${had}` } })
      } catch {
        // The server may be unreachable; the local session is dropped regardless.
      }
    }
    endListeners.forEach((fn) => fn('logout'))
  }

  // --- keeping the session alive while the user is active -----------------------------------
  let timer: ReturnType<typeof setTimeout> | null = null
  let keeping = false
  let lastTouchHandled = 0

  function check(now = Date.now()): void {
    if (!token.value) return
    const action = nextSessionAction(
      { expiresAt: expiresAt.value, lifetimeMs: lifetimeMs.value, lastActivityAt: lastActivityAt.value },
      now,
    )
    if (action.kind === 'expire') endSession('expired')
    else if (action.kind === 'refresh') void refresh()
    else schedule(action.ms)
  }

  function schedule(ms?: number): void {
    if (timer) clearTimeout(timer)
    timer = null
    if (!keeping || !token.value) return
    if (ms === undefined) {
      const a = nextSessionAction(
        { expiresAt: expiresAt.value, lifetimeMs: lifetimeMs.value, lastActivityAt: lastActivityAt.value },
        Date.now(),
      )
      ms = a.kind === 'wait' ? a.ms : 0
    }
    timer = setTimeout(() => check(), ms)
  }

  /** Records user activity (throttled) and refreshes at once if the token is due. */
  function touch(now = Date.now()): void {
    lastActivityAt.value = now
    if (now - lastTouchHandled < 1000) return
    lastTouchHandled = now
    if (keeping && !refreshing) {
      const a = nextSessionAction(
        { expiresAt: expiresAt.value, lifetimeMs: lifetimeMs.value, lastActivityAt: now },
        now,
      )
      if (a.kind !== 'wait') check(now)
    }
  }

  const onActivity = () => touch()

  function startKeeping(): void {
    if (keeping) {
      schedule()
      return
    }
    keeping = true
    if (typeof window !== 'undefined') {
      for (const ev of ACTIVITY_EVENTS) window.addEventListener(ev, onActivity, { passive: true, capture: true })
    }
    schedule()
  }

  function stopKeeping(): void {
    keeping = false
    if (timer) clearTimeout(timer)
    timer = null
    if (typeof window !== 'undefined') {
      for (const ev of ACTIVITY_EVENTS) window.removeEventListener(ev, onActivity, { capture: true })
    }
  }

  return {
    token,
    user,
    expiresAt,
    lifetimeMs,
    lastActivityAt,
    role,
    mustChangePassword,
    passwordChanged,
    hasValidSession,
    login,
    verifySecondFactor,
    completeEnrolment,
    refresh,
    logout,
    clear,
    endSession,
    onSessionEnded,
    check,
    touch,
    startKeeping,
    stopKeeping,
  }
})
