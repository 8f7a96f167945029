import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import HistoryImportOutcome from './HistoryImportOutcome.vue'
import type { HistoryImportResult, Violation } from '@/api/types'
import { historyColumnLabel, sheetFromFileName } from '@/shared/historyImport'

async function mountWith(result: HistoryImportResult | null, violations: Violation[] = [], rows = 0) {
  const w = mount(HistoryImportOutcome, { props: { result, violations }, attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(w.findAll('.el-table__body-wrapper tbody tr').length).toBe(rows)
  })
  return w
}

const bodyRows = (w: Awaited<ReturnType<typeof mountWith>>) => w.findAll('.el-table__body-wrapper tbody tr')

describe('HistoryImportOutcome', () => {
  it('summarises an accepted file and lists every row with its sheet, number, outcome and platform id', async () => {
    const w = await mountWith(
      {
        importId: 7,
        created: 2,
        unchanged: 1,
        rows: [
          { sheet: '见习基地', row: 2, outcome: 'CREATED', targetId: 101 },
          { sheet: '见习基地', row: 3, outcome: 'UNCHANGED', targetId: 88 },
          { sheet: '见习岗位', row: 2, outcome: 'CREATED', targetId: 501 },
        ],
      },
      [],
      3,
    )
    expect(w.get('[data-testid="history-summary"]').text()).toContain('新增 2 行、未变 1 行')
    expect(w.get('[data-testid="history-created"]').text()).toBe('2')
    expect(w.get('[data-testid="history-unchanged"]').text()).toBe('1')
    const rows = bodyRows(w)
    expect(rows[0]!.text()).toContain('见习基地')
    expect(rows[0]!.text()).toContain('新增')
    expect(rows[0]!.text()).toContain('101')
    expect(rows[1]!.text()).toContain('未变')
    expect(rows[1]!.text()).toContain('88')
    expect(rows[2]!.text()).toContain('见习岗位')
    expect(w.find('[data-testid="history-nothing-imported"]').exists()).toBe(false)
  })

  it('says the file had been imported before when every row is unchanged', async () => {
    const w = await mountWith(
      { created: 0, unchanged: 1, rows: [{ sheet: '见习基地', row: 2, outcome: 'UNCHANGED', targetId: 101 }] },
      [],
      1,
    )
    expect(w.get('[data-testid="history-summary"]').text()).toContain('新增 0 行、未变 1 行')
    expect(w.get('[data-testid="history-summary"]').text()).toContain('此前已导入')
  })

  it('lists every violation by row with the column in Chinese and warns that nothing was imported', async () => {
    const w = await mountWith(
      null,
      [
        { field: 'file', row: 5, column: 'internships.plannedEnd', message: '见习人员 第 5 行：日期格式应为 YYYY-MM-DD：2024-13-01' },
        { field: 'file', row: 2, column: 'bases.approvedOn', message: '见习基地 第 2 行：日期不能晚于今天' },
        { field: 'file', row: 1, column: 'positions.title', message: '见习岗位：缺少列“岗位名称”' },
      ],
      3,
    )
    const alert = w.get('[data-testid="history-nothing-imported"]')
    expect(alert.text()).toContain('共 3 处')
    expect(alert.text()).toContain('整份未导入')
    const rows = bodyRows(w)
    // Sorted by row number.
    expect(rows.map((r) => r.get('[data-testid="violation-row"]').text())).toEqual(['1', '2', '5'])
    expect(rows[1]!.text()).toContain('见习基地 · 备案通过日期')
    expect(rows[1]!.text()).toContain('日期不能晚于今天')
    expect(rows[2]!.text()).toContain('见习人员 · 计划结束日期')
    expect(w.find('[data-testid="history-result"]').exists()).toBe(false)
  })

  it('renders nothing before an import', async () => {
    const w = await mountWith(null, [], 0)
    expect(w.find('[data-testid="history-result"]').exists()).toBe(false)
    expect(w.find('[data-testid="history-refused"]').exists()).toBe(false)
  })
})

describe('history import helpers', () => {
  it('names columns for people and keeps unknown ones as sent', () => {
    expect(historyColumnLabel('disbursements.paidOn')).toBe('补贴拨付 · 拨付日期')
    expect(historyColumnLabel(undefined, 'regionCode')).toBe('区县')
    expect(historyColumnLabel('bases.unknown')).toBe('bases.unknown')
    expect(historyColumnLabel(undefined, undefined)).toBe('—')
  })

  it('guesses a CSV sheet from its file name', () => {
    expect(sheetFromFileName('万州-见习基地.csv')).toBe('BASES')
    expect(sheetFromFileName('internships-2023.csv')).toBe('INTERNSHIPS')
    expect(sheetFromFileName('data.csv')).toBeNull()
  })
})
