import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from './schema'
import type { Problem } from './types'

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
