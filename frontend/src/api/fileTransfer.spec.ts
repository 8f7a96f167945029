import { describe, expect, it, vi } from 'vitest'
import { ApiError, createFileTransfer } from './client'
import { fetchStub, jsonResponse } from '@/test/fixtures'

const csv = () => new File(['a,b\n1,2\n'], 'rows.csv', { type: 'text/csv' })

function transfer(handler: (req: Request) => Response | Promise<Response>, token: string | null = 't-9') {
  const stub = fetchStub(handler)
  const onUnauthorized = vi.fn()
  const saved: { name: string; size: number }[] = []
  const files = createFileTransfer({
    baseUrl: 'http://x',
    getToken: () => token,
    onUnauthorized,
    fetch: stub.fn,
    save: (blob, name) => saved.push({ name, size: blob.size }),
  })
  return { files, stub, onUnauthorized, saved }
}

/** A scripted XMLHttpRequest: records what is sent and answers when told. */
class FakeXhr {
  static last: FakeXhr
  method = ''
  url = ''
  headers: Record<string, string> = {}
  body: FormData | null = null
  status = 0
  responseText = ''
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null
  constructor() {
    FakeXhr.last = this
  }
  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader(k: string, v: string) {
    this.headers[k] = v
  }
  send(body: FormData) {
    this.body = body
  }
  abort() {
    this.onabort?.()
  }
  answer(status: number, body: unknown) {
    this.status = status
    this.responseText = JSON.stringify(body)
    this.onload?.()
  }
}

function xhrTransfer() {
  const onUnauthorized = vi.fn()
  const files = createFileTransfer({ baseUrl: 'http://x', getToken: () => 't-9', onUnauthorized, xhr: () => new FakeXhr() as unknown as XMLHttpRequest })
  return { files, onUnauthorized }
}

describe('upload', () => {
  it('sends the file and the fields as multipart with the bearer token and returns the answer', async () => {
    const { files, stub } = transfer(() => jsonResponse({ id: 7 }, 201))
    const answer = await files.upload<{ id: number }>('/api/activities/3/attachments', csv(), { fields: { kind: 'LEDGER' } })
    expect(answer).toEqual({ id: 7 })
    const req = stub.calls[0]!
    expect(req.method).toBe('POST')
    expect(req.url).toBe('http://x/api/activities/3/attachments')
    expect(req.headers.get('Authorization')).toBe('Bearer t-9')
    const form = await req.formData()
    expect(form.get('kind')).toBe('LEDGER')
    expect((form.get('file') as File).name).toBe('rows.csv')
  })

  it('throws the problem with its violations when the server refuses the file', async () => {
    const { files, onUnauthorized } = transfer(() =>
      jsonResponse({ status: 400, detail: '文件有误', violations: [{ field: 'file', message: '类型不符' }] }, 400),
    )
    const error = await files.upload('/api/x', csv()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(400)
    expect((error as ApiError).problem.violations).toEqual([{ field: 'file', message: '类型不符' }])
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('ends the session on a 401 like the JSON calls do', async () => {
    const { files, onUnauthorized } = transfer(() => jsonResponse({ status: 401 }, 401))
    await expect(files.upload('/api/x', csv(), { method: 'PUT' })).rejects.toMatchObject({ status: 401 })
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('turns a network failure into an ApiError of status 0', async () => {
    const { files } = transfer(() => Promise.reject(new TypeError('Failed to fetch')))
    await expect(files.upload('/api/x', csv())).rejects.toMatchObject({ status: 0, message: '无法连接服务器，请检查网络后重试' })
  })
})

describe('uploadWithProgress', () => {
  it('reports progress and resolves to the parsed answer', async () => {
    const { files } = xhrTransfer()
    const seen: number[] = []
    const { done } = files.uploadWithProgress<{ id: number }>('/api/imports/graduates', csv(), (p) => seen.push(p))
    const xhr = FakeXhr.last
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe('http://x/api/imports/graduates')
    expect(xhr.headers.Authorization).toBe('Bearer t-9')
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 200 })
    xhr.answer(202, { id: 11 })
    await expect(done).resolves.toEqual({ id: 11 })
    expect(seen).toEqual([25, 100])
  })

  it('rejects with the problem and ends the session on a 401', async () => {
    const { files, onUnauthorized } = xhrTransfer()
    const { done } = files.uploadWithProgress('/api/imports/graduates', csv(), () => {})
    FakeXhr.last.answer(401, { status: 401, detail: '登录已失效' })
    await expect(done).rejects.toMatchObject({ status: 401, message: '登录已失效' })
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('rejects when aborted', async () => {
    const { files } = xhrTransfer()
    const { done, abort } = files.uploadWithProgress('/api/x', csv(), () => {})
    abort()
    await expect(done).rejects.toMatchObject({ status: 0, message: '上传已取消' })
  })
})

describe('download', () => {
  it('saves the file under the name the server gives, with the token, accepting any type', async () => {
    const { files, stub, saved } = transfer(
      () =>
        new Response('a,b\n', {
          headers: { 'Content-Disposition': "attachment; filename*=UTF-8''%E5%AE%A1%E8%AE%A1.csv", 'X-Total-Count': '3' },
        }),
    )
    const result = await files.download('/api/audit/export?from=2026-01-01', 'audit.csv')
    expect(stub.calls[0]!.headers.get('Authorization')).toBe('Bearer t-9')
    expect(stub.calls[0]!.headers.get('Accept')).toBe('*/*')
    expect(result.fileName).toBe('审计.csv')
    expect(result.headers.get('X-Total-Count')).toBe('3')
    expect(saved).toEqual([{ name: '审计.csv', size: 4 }])
  })

  it('falls back to the given name without Content-Disposition', async () => {
    const { files, saved } = transfer(() => new Response('{}'))
    await files.download('/api/privacy/me/data-export', 'jianxi-my-data.json')
    expect(saved.map((s) => s.name)).toEqual(['jianxi-my-data.json'])
  })

  it('saves nothing and ends the session on a 401', async () => {
    const { files, saved, onUnauthorized } = transfer(() => jsonResponse({ status: 401 }, 401))
    await expect(files.download('/api/x', 'x.csv')).rejects.toBeInstanceOf(ApiError)
    expect(saved).toEqual([])
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('throws the problem of a refused download', async () => {
    const { files, onUnauthorized } = transfer(() => jsonResponse({ status: 403, detail: '无权导出' }, 403))
    await expect(files.download('/api/x', 'x.csv')).rejects.toMatchObject({ status: 403, message: '无权导出' })
    expect(onUnauthorized).not.toHaveBeenCalled()
  })
})
