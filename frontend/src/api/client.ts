import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from './schema'
import type { Problem } from './types'
import { fileNameFrom } from '@/shared/reports'

export type ApiClient = ReturnType<typeof createClient<paths>>

export interface ApiClientOptions {
  /** Origin prefix; '' means same origin (the backend serves the SPA and /api). */
  baseUrl?: string
  /** Current bearer token, or null when signed out. */
  getToken: () => string | null | undefined
  /** Called once per 401 on an authenticated call (not for a failed login). */
  onUnauthorized: () => void
  fetch?: typeof globalThis.fetch
}

/** Calls whose 401 is a normal answer rather than "your session is over": the steps of a login. */
const UNAUTHENTICATED_PATHS = new Set<string>([
  '/api/auth/login',
  '/api/auth/login/second-factor',
  '/api/auth/login/enrolment',
  '/api/auth/login/enrolment/confirm',
])

export function createApiClient(options: ApiClientOptions): ApiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    // Resolve fetch lazily so that tests (and polyfills) can replace globalThis.fetch.
    fetch: options.fetch ?? ((input: Request) => globalThis.fetch(input)),
  })
  const auth: Middleware = {
    onRequest({ request, schemaPath }) {
      const token = options.getToken()
      if (token && !UNAUTHENTICATED_PATHS.has(schemaPath)) {
        request.headers.set('Authorization', `Bearer ${token}`)
      }
      return request
    },
    onResponse({ response, schemaPath }) {
      if (response.status === 401 && !UNAUTHENTICATED_PATHS.has(schemaPath)) {
        options.onUnauthorized()
      }
      return response
    },
  }
  client.use(auth)
  return client
}

// ---------------------------------------------------------------------------------------------
// The application's single client instance. main.ts wires the token source and the 401 handler
// (they live in the auth store and router, which themselves use this client).

let hooks: Pick<ApiClientOptions, 'getToken' | 'onUnauthorized'> = {
  getToken: () => null,
  onUnauthorized: () => {},
}

export function configureApi(next: Pick<ApiClientOptions, 'getToken' | 'onUnauthorized'>): void {
  hooks = next
}

export const api: ApiClient = createApiClient({
  getToken: () => hooks.getToken(),
  onUnauthorized: () => hooks.onUnauthorized(),
})

// ---------------------------------------------------------------------------------------------
// Files: multipart uploads and authenticated downloads go through the same token and 401 handling as
// the JSON calls (openapi-fetch cannot report upload progress nor hand back a blob with its file name).

export interface UploadOptions {
  method?: 'POST' | 'PUT'
  /** Further multipart fields sent before the file (e.g. a document kind). */
  fields?: Record<string, string>
  /** The multipart name of the file part. */
  field?: string
}

export interface Downloaded {
  fileName: string
  size: number
  headers: Headers
}

export interface FileTransfer {
  /** Sends one file as multipart/form-data; resolves to the parsed JSON answer or throws an ApiError. */
  upload<T = unknown>(path: string, file: File, options?: UploadOptions): Promise<T>
  /** As upload(), reporting the percentage sent; abort() rejects `done` with an ApiError of status 0. */
  uploadWithProgress<T = unknown>(
    path: string,
    file: File,
    onProgress: (percent: number) => void,
    options?: UploadOptions,
  ): { done: Promise<T>; abort: () => void }
  /** Fetches an authenticated file and saves it, named by Content-Disposition (filename* first) or the fallback. */
  download(path: string, fallbackName: string): Promise<Downloaded>
}

const NETWORK_PROBLEM: Problem = { detail: '无法连接服务器，请检查网络后重试' }

function parseBody(text: string): unknown {
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function multipart(file: File, options: UploadOptions): FormData {
  const form = new FormData()
  for (const [k, v] of Object.entries(options.fields ?? {})) form.append(k, v)
  form.append(options.field ?? 'file', file, file.name)
  return form
}

function saveBlob(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = href
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 10_000)
}

export function createFileTransfer(
  options: ApiClientOptions & { save?: (blob: Blob, fileName: string) => void; xhr?: () => XMLHttpRequest },
): FileTransfer {
  const base = options.baseUrl ?? ''
  const doFetch = options.fetch ?? ((input: Request) => globalThis.fetch(input))
  const save = options.save ?? saveBlob
  // A download accepts whatever the file is; an upload's answer is JSON or a problem.
  const headers = (accept = 'application/json, application/problem+json'): Record<string, string> => {
    const token = options.getToken()
    return { Accept: accept, ...(token ? { Authorization: `Bearer ${token}` } : {}) }
  }
  const refused = (status: number, body: unknown): ApiError => {
    if (status === 401) options.onUnauthorized()
    return new ApiError(status, toProblem(body, status))
  }
  const send = async (request: Request): Promise<Response> => {
    try {
      return await doFetch(request)
    } catch (e) {
      throw new ApiError(0, { ...NETWORK_PROBLEM, title: String(e) })
    }
  }

  return {
    async upload<T>(path: string, file: File, opts: UploadOptions = {}): Promise<T> {
      const res = await send(
        new Request(base + path, { method: opts.method ?? 'POST', headers: headers(), body: multipart(file, opts) }),
      )
      const body = parseBody(await res.text())
      if (!res.ok) throw refused(res.status, body)
      return body as T
    },

    uploadWithProgress<T>(path: string, file: File, onProgress: (percent: number) => void, opts: UploadOptions = {}) {
      const xhr = options.xhr ? options.xhr() : new XMLHttpRequest()
      const done = new Promise<T>((resolve, reject) => {
        xhr.open(opts.method ?? 'POST', base + path)
        for (const [k, v] of Object.entries(headers())) xhr.setRequestHeader(k, v)
        xhr.upload.onprogress = (e) => {
          if (e.lengthComputable && e.total > 0) onProgress(Math.round((e.loaded / e.total) * 100))
        }
        xhr.onload = () => {
          const body = parseBody(xhr.responseText)
          if (xhr.status >= 200 && xhr.status < 300) {
            onProgress(100)
            resolve(body as T)
          } else {
            reject(refused(xhr.status, body))
          }
        }
        xhr.onerror = () => reject(new ApiError(0, NETWORK_PROBLEM))
        xhr.onabort = () => reject(new ApiError(0, { detail: '上传已取消' }))
        xhr.send(multipart(file, opts))
      })
      return { done, abort: () => xhr.abort() }
    },

    async download(path: string, fallbackName: string): Promise<Downloaded> {
      const res = await send(new Request(base + path, { headers: headers('*/*') }))
      if (!res.ok) throw refused(res.status, parseBody(await res.text().catch(() => '')))
      const fileName = fileNameFrom(res.headers.get('Content-Disposition'), fallbackName)
      const blob = await res.blob()
      save(blob, fileName)
      return { fileName, size: blob.size, headers: res.headers }
    },
  }
}

const files = createFileTransfer({
  getToken: () => hooks.getToken(),
  onUnauthorized: () => hooks.onUnauthorized(),
})
export const { upload, uploadWithProgress, download } = files

// ---------------------------------------------------------------------------------------------
// Errors

export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `请求失败（${status}）`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }
}

function toProblem(error: unknown, status: number): Problem {
  if (error && typeof error === 'object') return error as Problem
  if (typeof error === 'string' && error.trim()) return { status, detail: error }
  return { status }
}

/** Returns `data` of a successful openapi-fetch result or throws an ApiError with the problem body. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response }
  try {
    result = await call
  } catch (e) {
    throw new ApiError(0, { detail: '无法连接服务器，请检查网络后重试' , title: String(e) })
  }
  if (!result.response.ok) {
    throw new ApiError(result.response.status, toProblem(result.error, result.response.status))
  }
  return result.data as T
}

/** A human-readable message for any thrown value (problem `detail` first). */
export function errorMessage(e: unknown, fallback = '操作失败，请稍后重试'): string {
  if (e instanceof ApiError) {
    return e.problem.detail || e.problem.title || fallback
  }
  return fallback
}
