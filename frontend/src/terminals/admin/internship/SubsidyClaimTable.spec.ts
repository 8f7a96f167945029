import type { SubsidyClaimStatus } from '../../../api/types'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import SubsidyClaimTable from './SubsidyClaimTable.vue'
import { fetchStub, jsonResponse } from '@/test/fixtures'
import type { SubsidyClaim } from '@/api/types'

afterEach(() => {
  vi.unstubAllGlobals()
})

const LABELS: Record<string, string> = { SUBMITTED: '待审核', APPROVED: '已核定', REJECTED: '已驳回', PAID: '已拨付' }

function claim(id: number, status: string): SubsidyClaim {
  return {
    id,
    internshipId: 10 + id,
    youthName: `见习${id}`,
    baseId: 1,
    baseName: '万州测试基地',
    regionCode: '500101',
    month: '2026-10',
    status: status as SubsidyClaimStatus,
    statusLabel: LABELS[status]!,
    requestedAmount: 1950,
    approvedAmount: status === 'SUBMITTED' || status === 'REJECTED' ? undefined : 1950,
    paidAmount: status === 'PAID' ? 1950 : 0,
    submittedAt: '2026-11-02T08:00:00Z',
  }
}

async function mountWith(rows: SubsidyClaim[]) {
  vi.stubGlobal('fetch', fetchStub(() => jsonResponse([{ code: '500101', shortName: '万州区', name: '万州区', seq: 1 }])).fn)
  const w = mount(SubsidyClaimTable, { props: { rows, showRegion: true }, attachTo: document.body })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(w.findAll('tbody tr').length).toBe(rows.length)
  })
  return w
}

function rowOf(w: Awaited<ReturnType<typeof mountWith>>, name: string) {
  // Fixed columns render the row twice; the first body holds every cell.
  return w.findAll('.el-table__body-wrapper tbody tr').find((r) => r.text().includes(name))!
}

describe('SubsidyClaimTable', () => {
  it('offers approve and reject only for submitted claims, payment only for approved ones', async () => {
    const w = await mountWith([claim(1, 'SUBMITTED'), claim(2, 'APPROVED'), claim(3, 'REJECTED'), claim(4, 'PAID')])
    const submitted = rowOf(w, '见习1')
    expect(submitted.find('[data-testid="claim-approve"]').exists()).toBe(true)
    expect(submitted.find('[data-testid="claim-reject"]').exists()).toBe(true)
    expect(submitted.find('[data-testid="claim-pay"]').exists()).toBe(false)
    for (const name of ['见习2', '见习3', '见习4']) {
      const r = rowOf(w, name)
      expect(r.find('[data-testid="claim-approve"]').exists(), name).toBe(false)
      expect(r.find('[data-testid="claim-reject"]').exists(), name).toBe(false)
    }
    expect(rowOf(w, '见习2').find('[data-testid="claim-pay"]').exists()).toBe(true)
    expect(rowOf(w, '见习4').find('[data-testid="claim-pay"]').exists()).toBe(false)
    // Amounts with two decimals.
    expect(submitted.text()).toContain('1,950.00')
    w.unmount()
  })

  it('emits the claim on approve and reject', async () => {
    const c = claim(1, 'SUBMITTED')
    const w = await mountWith([c])
    await rowOf(w, '见习1').find('[data-testid="claim-approve"]').trigger('click')
    await rowOf(w, '见习1').find('[data-testid="claim-reject"]').trigger('click')
    expect(w.emitted('approve')?.[0]?.[0]).toMatchObject({ id: 1 })
    expect(w.emitted('reject')?.[0]?.[0]).toMatchObject({ id: 1 })
    w.unmount()
  })
})
