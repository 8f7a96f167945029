import { describe, expect, it } from 'vitest'
import {
  claimableMonths,
  daysInside,
  monthsSoFar,
  plannedEndFor,
  workingDaysInside,
  youthMonths,
} from './internships'

const both = { baseConfirmedAt: '2026-10-31T08:00:00Z', youthConfirmedAt: '2026-11-01T08:00:00Z' }

describe('claimableMonths', () => {
  it('keeps months confirmed by both sides, not flagged and not claimed yet', () => {
    const months = [
      { month: '2026-09', claimable: true, ...both },
      { month: '2026-08', claimable: true, ...both },
      { month: '2026-10', claimable: false, baseConfirmedAt: both.baseConfirmedAt },
      { month: '2026-11', claimable: true, ...both, youthFlaggedAt: '2026-11-20T00:00:00Z' },
      { month: '2026-07', claimable: true, ...both },
      { month: '2026-06', claimable: true, ...both },
    ]
    const claims = [
      { month: '2026-07', status: 'SUBMITTED' },
      { month: '2026-06', status: 'REJECTED' },
      { month: '2026-05', status: 'PAID' },
    ]
    expect(claimableMonths(months, claims)).toEqual(['2026-06', '2026-08', '2026-09'])
  })

  it('is empty without confirmed months', () => {
    expect(claimableMonths([], [])).toEqual([])
    expect(claimableMonths([{ month: '2026-10', claimable: false }], [])).toEqual([])
  })
})

describe('internship months', () => {
  const i = { state: 'ON_POST', startDate: '2026-09-15', plannedEnd: '2027-03-14' }

  it('counts the days of a month inside the internship', () => {
    expect(daysInside(i, '2026-09')).toBe(16)
    expect(daysInside(i, '2026-10')).toBe(31)
    expect(daysInside(i, '2027-03')).toBe(14)
    expect(daysInside(i, '2027-04')).toBe(0)
    expect(daysInside({ ...i, actualEnd: '2026-10-10', state: 'ABNORMAL' }, '2026-10')).toBe(10)
    // 2026-10: 22 working days (Thursday the 1st).
    expect(workingDaysInside(i, '2026-10')).toBe(22)
  })

  it('lists the months so far and what the young person can still do', () => {
    expect(monthsSoFar(i, '2026-11-28')).toEqual(['2026-09', '2026-10', '2026-11'])
    expect(monthsSoFar({ ...i, state: 'PENDING' }, '2026-11-28')).toEqual([])
    const rows = [
      { month: '2026-09', claimable: true, ...both },
      { month: '2026-10', claimable: false, youthFlaggedAt: '2026-11-02T00:00:00Z' },
    ]
    expect(youthMonths(i, rows, '2026-11-28').map((m) => [m.month, m.confirmable, m.flaggable])).toEqual([
      ['2026-11', true, true],
      ['2026-10', false, false],
      ['2026-09', false, true],
    ])
  })

  it('proposes the planned end from the duration', () => {
    expect(plannedEndFor('2026-10-01', 6)).toBe('2027-03-31')
    expect(plannedEndFor('2026-08-31', 6)).toBe('2027-02-27')
    expect(plannedEndFor('2026-01-15', 12)).toBe('2027-01-14')
  })
})
