import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/client'
import { useDialogForm } from './useDialogForm'

const form = (submit: (m: { name: string; phone: string }) => Promise<unknown>) =>
  useDialogForm({
    initial: () => ({ name: '', phone: '' }),
    validate: (m) => ({ name: m.name.trim() ? undefined : '请填写姓名' }),
    submit,
    failure: '保存失败',
  })

describe('useDialogForm', () => {
  it('opens on a fresh model overlaid with the given values and no errors', () => {
    const f = form(async () => {})
    f.model.name = 'old'
    f.errors.phone = 'stale'
    f.problem.value = 'stale'
    f.show({ phone: '13800000000' })
    expect(f.open.value).toBe(true)
    expect({ ...f.model }).toEqual({ name: '', phone: '13800000000' })
    expect({ ...f.errors }).toEqual({})
    expect(f.problem.value).toBe('')
  })

  it('does not send a model that fails its checks', async () => {
    const submit = vi.fn(async () => {})
    const f = form(submit)
    f.show()
    expect(await f.save()).toBe(false)
    expect(submit).not.toHaveBeenCalled()
    expect(f.errors.name).toBe('请填写姓名')
    expect(f.open.value).toBe(true)
  })

  it('sends the model, closes and reports success', async () => {
    const submit = vi.fn(async () => {})
    const f = form(submit)
    f.show({ name: '张三' })
    expect(await f.save()).toBe(true)
    expect(submit).toHaveBeenCalledWith(expect.objectContaining({ name: '张三' }))
    expect(f.open.value).toBe(false)
    expect(f.saving.value).toBe(false)
  })

  it('puts the server’s violations on the fields they name and the rest in the problem', async () => {
    const f = form(() =>
      Promise.reject(
        new ApiError(400, {
          status: 400,
          detail: '请求有误',
          violations: [
            { field: 'create.body.phone', message: '手机号格式不正确' },
            { field: 'regionCode', message: '区县不存在' },
          ],
        }),
      ),
    )
    f.show({ name: '张三' })
    expect(await f.save()).toBe(false)
    expect(f.errors.phone).toBe('手机号格式不正确')
    expect(f.problem.value).toBe('区县不存在')
    expect(f.open.value).toBe(true)
  })

  it('shows the problem’s detail when no field is named, and the fallback for anything else', async () => {
    const refused = form(() => Promise.reject(new ApiError(409, { status: 409, detail: '该账户已存在' })))
    refused.show({ name: '张三' })
    await refused.save()
    expect(refused.problem.value).toBe('该账户已存在')

    const broken = form(() => Promise.reject(new TypeError('x is undefined')))
    broken.show({ name: '张三' })
    await broken.save()
    expect(broken.problem.value).toBe('保存失败')
    expect(broken.saving.value).toBe(false)
  })
})
