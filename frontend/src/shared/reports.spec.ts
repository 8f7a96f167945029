import { describe, expect, it } from 'vitest'
import { driftText, fileNameFrom, periodEnd, previousPeriod, reportStanding, sourcesSummary } from './reports'

const report = (over: Partial<{ status: string; dueDate: string | null; violations: unknown[] }> = {}) => ({
  period: '2026-10',
  status: 'DRAFT',
  dueDate: '2026-11-03',
  violations: [] as unknown[],
  ...over,
})

describe('periods', () => {
  it('previous month, across the year', () => {
    expect(previousPeriod('2026-11-28')).toBe('2026-10')
    expect(previousPeriod('2026-01-05')).toBe('2025-12')
    expect(periodEnd('2026-02')).toBe('2026-02-28')
    expect(periodEnd('2024-02')).toBe('2024-02-29')
  })
})

describe('reportStanding', () => {
  it('no reminder while the month is running; submit blocked', () => {
    const s = reportStanding(report(), '2026-10-31', true)
    expect(s.monthEnded).toBe(false)
    expect(s.reminder).toBe(false)
    expect(s.overdue).toBe(false)
    expect(s.canSubmit).toBe(false)
    expect(s.submitBlockedReason).toContain('尚未结束')
  })

  it('reminder from the 1st of the next month until the due date', () => {
    expect(reportStanding(report(), '2026-11-01', true)).toMatchObject({ reminder: true, overdue: false, canSubmit: true })
    expect(reportStanding(report(), '2026-11-03', true)).toMatchObject({ reminder: true, overdue: false })
  })

  it('overdue after the due date (not on it)', () => {
    expect(reportStanding(report(), '2026-11-04', true)).toMatchObject({ reminder: false, overdue: true })
    expect(reportStanding(report({ status: 'RETURNED' }), '2026-12-01', true).overdue).toBe(true)
  })

  it('never overdue without a due date, nor once submitted or accepted', () => {
    expect(reportStanding(report({ dueDate: null }), '2026-12-20', true)).toMatchObject({ overdue: false, reminder: true })
    expect(reportStanding(report({ status: 'SUBMITTED' }), '2026-12-20', true)).toMatchObject({
      overdue: false,
      reminder: false,
      canSubmit: false,
      editable: false,
    })
    expect(reportStanding(report({ status: 'ACCEPTED' }), '2026-11-02', true).reminder).toBe(false)
  })

  it('an accepted report can be corrected by its district', () => {
    expect(reportStanding(report({ status: 'ACCEPTED' }), '2026-11-10', true)).toMatchObject({
      canSubmit: true,
      correction: true,
      overdue: false,
    })
    expect(reportStanding(report({ status: 'ACCEPTED' }), '2026-11-10', false).correction).toBe(false)
  })

  it('violations block submission but not editing', () => {
    const s = reportStanding(report({ violations: [{ rule: '5≥6', message: 'x' }] }), '2026-11-02', true)
    expect(s.canSubmit).toBe(false)
    expect(s.editable).toBe(true)
    expect(s.submitBlockedReason).toContain('校验')
  })

  it('city-wide roles neither fill nor get the district reminder', () => {
    const s = reportStanding(report(), '2026-11-02', false)
    expect(s).toMatchObject({ editable: false, canSubmit: false, reminder: false })
    expect(reportStanding(report(), '2026-11-10', false).overdue).toBe(true)
  })
})

describe('city sources and drift', () => {
  it('summarises where the city figures come from', () => {
    expect(sourcesSummary([{ kind: 'ACCEPTED' }, { kind: 'LIVE' }, { kind: 'LIVE' }])).toBe('已通过 1、待审核 0、未提交（按当前记录）2')
    expect(driftText({ frozen: 3, current: 4 })).toBe('3 → 4')
    expect(driftText({ current: 1 })).toBe('— → 1')
  })
})

describe('fileNameFrom', () => {
  it('prefers filename*', () => {
    expect(fileNameFrom(`attachment; filename="a.xlsx"; filename*=UTF-8''%E9%99%84%E4%BB%B64.xlsx`, 'x')).toBe('附件4.xlsx')
    expect(fileNameFrom('attachment; filename="a.xlsx"', 'x')).toBe('a.xlsx')
    expect(fileNameFrom(null, 'x.xlsx')).toBe('x.xlsx')
  })
})
