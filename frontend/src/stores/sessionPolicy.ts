// Pure decisions for keeping a session alive; the auth store runs them on a timer.

/** The user counts as active if they touched mouse, keyboard or screen within this window. */
export const ACTIVITY_WINDOW_MS = 5 * 60_000
/** Never wait longer than this between checks (so activity after a quiet spell is noticed). */
export const MAX_CHECK_INTERVAL_MS = 30_000

export interface SessionClock {
  /** When the access token expires (epoch ms). */
  expiresAt: number
  /** Token lifetime as granted (ms), used to size the refresh lead time. */
  lifetimeMs: number
  /** Last mouse/keyboard/touch activity (epoch ms). */
  lastActivityAt: number
}

export type SessionAction =
  | { kind: 'expire' }
  | { kind: 'refresh' }
  | { kind: 'wait'; ms: number }

/** How long before expiry to refresh: a fifth of the lifetime, between 5 s and 60 s. */
export function refreshLeadMs(lifetimeMs: number): number {
  return Math.min(60_000, Math.max(5_000, Math.round(lifetimeMs / 5)))
}

export function nextSessionAction(clock: SessionClock, now: number): SessionAction {
  if (now >= clock.expiresAt) return { kind: 'expire' }
  const refreshAt = clock.expiresAt - refreshLeadMs(clock.lifetimeMs)
  const active = now - clock.lastActivityAt <= ACTIVITY_WINDOW_MS
  if (now >= refreshAt) {
    if (active) return { kind: 'refresh' }
    // Idle: let the token run out, but look again soon in case the user comes back.
    return { kind: 'wait', ms: Math.max(250, Math.min(clock.expiresAt - now, MAX_CHECK_INTERVAL_MS)) }
  }
  return { kind: 'wait', ms: Math.max(250, Math.min(refreshAt - now, MAX_CHECK_INTERVAL_MS)) }
}
