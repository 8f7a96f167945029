import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { ApiError } from '@/api/client'
import UploadWithViolations from './UploadWithViolations.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

const csv = () => new File(['区县,企业\n'], 'list.csv', { type: 'text/csv' })

function mountWith(upload: (file: File, report: (p: number) => void) => Promise<unknown>, props: Record<string, unknown> = {}) {
  return mount(UploadWithViolations, { props: { upload, testid: 'ke', ...props }, attachTo: document.body })
}

async function choose(w: ReturnType<typeof mountWith>) {
  const input = w.get('input[type="file"]').element as HTMLInputElement
  Object.defineProperty(input, 'files', { value: [csv()], configurable: true })
  input.dispatchEvent(new Event('change'))
  await flushPromises()
}

async function submit(w: ReturnType<typeof mountWith>) {
  await w.get('[data-testid="ke-upload"]').trigger('click')
  await flushPromises()
}

describe('UploadWithViolations', () => {
  it('asks for a file before uploading', async () => {
    const upload = vi.fn(async () => ({}))
    const w = mountWith(upload)
    await submit(w)
    expect(upload).not.toHaveBeenCalled()
    expect(w.get('[data-testid="ke-error"]').text()).toContain('请选择 xlsx 或 CSV 文件')
    w.unmount()
  })

  it('sends the chosen file and hands the answer on', async () => {
    const upload = vi.fn(async () => ({ rows: 3 }))
    const w = mountWith(upload)
    await choose(w)
    await submit(w)
    expect(upload).toHaveBeenCalledTimes(1)
    expect((upload.mock.calls[0] as unknown as [File])[0].name).toBe('list.csv')
    expect(w.emitted('uploaded')).toEqual([[{ rows: 3 }]])
    expect(w.find('[data-testid="ke-error"]').exists()).toBe(false)
    w.unmount()
  })

  it('shows the refusal and every violation by row, file-level problems first', async () => {
    const upload = vi.fn(() =>
      Promise.reject(
        new ApiError(400, {
          status: 400,
          detail: '文件校验未通过',
          violations: [
            { row: 4, column: '统一社会信用代码', field: 'creditCode', message: '校验位不正确' },
            { row: 2, field: 'regionCode', message: '区县不存在' },
            { field: 'file', message: '缺少列：类别' },
          ],
        }),
      ),
    )
    const w = mountWith(upload)
    await choose(w)
    await submit(w)
    expect(w.get('[data-testid="ke-error"]').text()).toContain('文件校验未通过')
    const rows = w.findAll('[data-testid="ke-violations"] .el-table__body tbody tr')
    expect(rows.map((r) => r.findAll('td').map((c) => c.text()))).toEqual([
      ['—', 'file', '缺少列：类别'],
      ['2', 'regionCode', '区县不存在'],
      ['4', '统一社会信用代码', '校验位不正确'],
    ])
    expect(w.emitted('uploaded')).toBeUndefined()
    w.unmount()
  })

  it('shows the message of a failure found after the upload', async () => {
    const w = mountWith(() => Promise.reject(new Error('导入失败，未写入任何数据')))
    await choose(w)
    await submit(w)
    expect(w.get('[data-testid="ke-error"]').text()).toContain('导入失败，未写入任何数据')
    expect(w.find('[data-testid="ke-violations"]').exists()).toBe(false)
    w.unmount()
  })
})
