import { describe, expect, it } from 'vitest'
import { ACTIVITY_WINDOW_MS, MAX_CHECK_INTERVAL_MS, nextSessionAction, refreshLeadMs } from './sessionPolicy'

const T0 = 1_700_000_000_000
const lifetime = 10 * 60_000 // 10 min token → 60 s lead

describe('refreshLeadMs', () => {
  it('is a fifth of the lifetime, clamped to 5..60 s', () => {
    expect(refreshLeadMs(10 * 60_000)).toBe(60_000)
    expect(refreshLeadMs(100_000)).toBe(20_000)
    expect(refreshLeadMs(10_000)).toBe(5_000)
  })
})

describe('nextSessionAction', () => {
  const clock = (now: number, lastActivityAt: number) => ({ expiresAt: T0 + lifetime, lifetimeMs: lifetime, lastActivityAt, now })

  it('waits (at most the check interval) while the token is fresh', () => {
    const c = clock(T0, T0)
    expect(nextSessionAction(c, T0)).toEqual({ kind: 'wait', ms: MAX_CHECK_INTERVAL_MS })
    const late = T0 + lifetime - 60_000 - 10_000 // 10 s before the refresh point
    expect(nextSessionAction(c, late)).toEqual({ kind: 'wait', ms: 10_000 })
  })

  it('refreshes shortly before expiry when the user was active recently', () => {
    const now = T0 + lifetime - 30_000
    expect(nextSessionAction(clock(now, now - 60_000), now)).toEqual({ kind: 'refresh' })
  })

  it('does not refresh an idle session and lets it run out', () => {
    const now = T0 + lifetime - 30_000
    const idle = now - ACTIVITY_WINDOW_MS - 1
    expect(nextSessionAction(clock(now, idle), now)).toEqual({ kind: 'wait', ms: 30_000 })
    expect(nextSessionAction(clock(now, idle), T0 + lifetime)).toEqual({ kind: 'expire' })
  })

  it('expires at or after expiresAt even if active', () => {
    const now = T0 + lifetime + 1
    expect(nextSessionAction(clock(now, now), now)).toEqual({ kind: 'expire' })
  })
})
