import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { ApiError } from '@/api/client'
import ReasonDialog from './ReasonDialog.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

async function open(submit: (reason: string) => Promise<unknown>) {
  const w = mount(ReasonDialog, {
    props: { modelValue: false, title: '驳回备案申请', subject: '重庆某公司', submit },
    attachTo: document.body,
  })
  await w.setProps({ modelValue: true })
  await flushPromises()
  const textarea = () => document.querySelector<HTMLTextAreaElement>('textarea[data-testid="reject-reason"]')!
  const confirm = async () => {
    document.querySelector<HTMLButtonElement>('[data-testid="reject-confirm"]')!.click()
    await flushPromises()
  }
  const type = async (text: string) => {
    textarea().value = text
    textarea().dispatchEvent(new Event('input'))
    await flushPromises()
  }
  // Element Plus shows a form item's error after a transition: wait for it.
  const shows = (message: string) =>
    vi.waitFor(async () => {
      await flushPromises()
      expect(document.body.textContent).toContain(message)
    })
  return { w, type, confirm, shows, text: () => document.body.textContent ?? '' }
}

describe('ReasonDialog', () => {
  it('asks for the reason before sending anything', async () => {
    const submit = vi.fn(async () => {})
    const d = await open(submit)
    await d.type('   ')
    await d.confirm()
    expect(submit).not.toHaveBeenCalled()
    await d.shows('请填写驳回理由')
    expect(d.w.emitted('update:modelValue')).toBeUndefined()
    d.w.unmount()
  })

  it('sends the trimmed reason and closes when it is accepted', async () => {
    const submit = vi.fn(async () => {})
    const d = await open(submit)
    expect(d.text()).toContain('重庆某公司')
    await d.type('  营业执照已过期 ')
    await d.confirm()
    expect(submit).toHaveBeenCalledWith('营业执照已过期')
    expect(d.w.emitted('update:modelValue')).toEqual([[false]])
    expect(d.w.emitted('done')).toEqual([['营业执照已过期']])
    d.w.unmount()
  })

  it('stays open with the server’s message on the reason when refused', async () => {
    const submit = vi.fn(() =>
      Promise.reject(new ApiError(400, { status: 400, violations: [{ field: 'reject.body.reason', message: '理由不能超过 500 字' }] })),
    )
    const d = await open(submit)
    await d.type('太长')
    await d.confirm()
    await d.shows('理由不能超过 500 字')
    expect(d.w.emitted('update:modelValue')).toBeUndefined()
    expect(d.w.emitted('done')).toBeUndefined()
    d.w.unmount()
  })

  it('shows the problem’s detail when the refusal names no field', async () => {
    const d = await open(() => Promise.reject(new ApiError(409, { status: 409, detail: '该申请已被处理' })))
    await d.type('重复')
    await d.confirm()
    await d.shows('该申请已被处理')
    d.w.unmount()
  })
})
