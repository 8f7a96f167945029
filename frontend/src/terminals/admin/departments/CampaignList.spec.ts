import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import CampaignList from './CampaignList.vue'
import type { Campaign } from './types'

const campaign: Campaign = {
  id: 7,
  code: 'AbCdEfGhIjKlMnOpQrStUvWx',
  sharePath: '/youth/register?campaign=AbCdEfGhIjKlMnOpQrStUvWx',
  title: '青春见习行动',
  description: '高校宣讲',
  startsOn: '2026-11-01',
  endsOn: '2026-12-31',
  createdBy: 'tuanshiwei',
  createdAt: '2026-11-01T09:00:00+08:00',
  signups: 12,
  withInternshipIntention: 9,
  applied: 4,
  arrived: 2,
}

describe('CampaignList', () => {
  it('shows the share link, a QR code of it and the numbers the campaign brought in', async () => {
    const w = mount(CampaignList, { props: { campaigns: [campaign] } })
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
    const link = w.get('[data-testid="campaign-link"]')
    expect(link.text()).toBe(window.location.origin + campaign.sharePath)
    expect(w.get('[data-testid="campaign-signups"]').text()).toBe('12')
    expect(w.get('[data-testid="campaign-intention"]').text()).toBe('9')
    expect(w.get('[data-testid="campaign-applied"]').text()).toBe('4')
    expect(w.get('[data-testid="campaign-arrived"]').text()).toBe('2')
    const qr = w.get('[data-testid="campaign-qr"]').attributes('src')!
    expect(qr.startsWith('data:image/svg+xml')).toBe(true)
    expect(decodeURIComponent(qr)).toContain('<svg')
  })

  it('emits the link to copy', async () => {
    const w = mount(CampaignList, { props: { campaigns: [campaign] } })
    await w.get('[data-testid="campaign-copy"]').trigger('click')
    expect(w.emitted('copy')![0]).toEqual([window.location.origin + campaign.sharePath])
  })

  it('says so when there is no campaign', () => {
    const w = mount(CampaignList, { props: { campaigns: [] } })
    expect(w.get('[data-testid="campaign-empty"]').text()).toContain('尚未创建')
  })
})
