import { describe, expect, it } from 'vitest'
import {
  claimableMonths,
  daysInside,
  isToBeClosed,
  monthConfirmable,
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
      // The current month is not over yet.
      ['2026-11', false, false],
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

describe('arrival', () => {
  const signed = { state: 'SIGNED', startDate: '2026-10-01', plannedEnd: '2027-03-31' }
  it('has no months on post before the arrival and counts from the arrival day', () => {
    expect(monthsSoFar(signed, '2026-12-01')).toEqual([])
    expect(monthsSoFar({ ...signed, state: 'NO_SHOW' }, '2026-12-01')).toEqual([])
    const arrived = { ...signed, state: 'ON_POST', arrivedOn: '2026-10-20' }
    expect(monthsSoFar(arrived, '2026-12-01')).toEqual(['2026-10', '2026-11', '2026-12'])
    expect(daysInside(arrived, '2026-10')).toBe(12)
  })
  it('confirms only months that have ended (or in which the internship ended)', () => {
    const arrived = { ...signed, state: 'ON_POST', arrivedOn: '2026-10-20' }
    expect(monthConfirmable(arrived, '2026-11', '2026-12-01')).toBe(true)
    expect(monthConfirmable(arrived, '2026-12', '2026-12-01')).toBe(false)
    const ended = { ...arrived, state: 'ABNORMAL', actualEnd: '2026-12-01' }
    expect(monthConfirmable(ended, '2026-12', '2026-12-01')).toBe(true)
    expect(isToBeClosed({ state: 'ON_POST', plannedEnd: '2026-11-30' }, '2026-12-01')).toBe(true)
    expect(isToBeClosed({ state: 'ON_POST', plannedEnd: '2026-12-01' }, '2026-12-01')).toBe(false)
  })
})
