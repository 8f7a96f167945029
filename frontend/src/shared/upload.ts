import { fileNameFrom } from './reports'
// Multipart upload through XMLHttpRequest: fetch cannot report upload progress, which large rosters need.

export interface UploadResult {
  status: number
  /** Parsed JSON body (problem+json on errors), or null. */
  body: unknown
}

export function uploadFile(
  url: string,
  file: File,
  token: string | null | undefined,
  onProgress: (percent: number) => void,
  field = 'file',
): { done: Promise<UploadResult>; abort: () => void } {
  const xhr = new XMLHttpRequest()
  const done = new Promise<UploadResult>((resolve, reject) => {
    xhr.open('POST', url)
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json')
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        body = xhr.responseText || null
      }
      onProgress(100)
      resolve({ status: xhr.status, body })
    }
    xhr.onerror = () => reject(new Error('network'))
    xhr.onabort = () => reject(new Error('aborted'))
    const form = new FormData()
    form.append(field, file, file.name)
    xhr.send(form)
  })
  return { done, abort: () => xhr.abort() }
}

/** Downloads an authenticated file (e.g. a CSV report) by fetching it and saving the blob. */
export async function downloadWithAuth(url: string, token: string | null | undefined, fileName: string): Promise<void> {
  const res = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
  if (!res.ok) throw new Error(`下载失败（${res.status}）`)
  const blob = await res.blob()
  const href = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = href
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 10_000)
}

/** A refused download, with the HTTP status so that callers can end the session on a 401. */
export class DownloadError extends Error {
  readonly status: number
  constructor(status: number) {
    super(`下载失败（${status}）`)
    this.name = 'DownloadError'
    this.status = status
  }
}

/**
 * Downloads an authenticated file, naming it from Content-Disposition (filename* first) or the fallback.
 * Returns the saved name, size and response headers (e.g. a row count) so that callers can confirm the export.
 */
export async function downloadNamed(
  url: string,
  token: string | null | undefined,
  fallbackName: string,
): Promise<{ fileName: string; size: number; headers: Headers }> {
  const res = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
  if (!res.ok) throw new DownloadError(res.status)
  const fileName = fileNameFrom(res.headers.get('Content-Disposition'), fallbackName)
  const blob = await res.blob()
  const href = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = href
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 10_000)
  return { fileName, size: blob.size, headers: res.headers }
}
