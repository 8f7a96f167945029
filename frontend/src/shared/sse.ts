// Server-Sent Events over fetch (EventSource cannot send the Authorization header).

export interface SseEvent {
  event: string
  data: string
  id?: string
}

/**
 * An incremental SSE parser: feed it text chunks as they arrive (split anywhere, even inside a line
 * or a CRLF), get back the complete events. Lines: `data:` (joined with \n), `event:`, `id:`,
 * comments (`:`) ignored; a blank line ends an event; events without data are dropped.
 */
export function createSseParser(): { push(chunk: string): SseEvent[]; flush(): SseEvent[] } {
  let buffer = ''
  let data: string[] = []
  let event = ''
  let id: string | undefined
  let pendingCR = false

  function dispatch(out: SseEvent[]) {
    if (data.length) out.push({ event: event || 'message', data: data.join('\n'), ...(id !== undefined ? { id } : {}) })
    data = []
    event = ''
  }

  function line(l: string, out: SseEvent[]) {
    if (l === '') return dispatch(out)
    if (l.startsWith(':')) return
    const colon = l.indexOf(':')
    const name = colon < 0 ? l : l.slice(0, colon)
    let value = colon < 0 ? '' : l.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (name === 'data') data.push(value)
    else if (name === 'event') event = value
    else if (name === 'id') id = value
  }

  return {
    push(chunk: string): SseEvent[] {
      const out: SseEvent[] = []
      if (pendingCR && chunk.startsWith('\n')) chunk = chunk.slice(1)
      pendingCR = false
      buffer += chunk
      let m: RegExpExecArray | null
      const re = /\r\n|\r|\n/g
      let start = 0
      while ((m = re.exec(buffer))) {
        // A trailing lone \r might be the first half of a CRLF split across chunks.
        if (m[0] === '\r' && m.index === buffer.length - 1) pendingCR = true
        line(buffer.slice(start, m.index), out)
        start = m.index + m[0].length
      }
      buffer = buffer.slice(start)
      return out
    },
    flush(): SseEvent[] {
      const out: SseEvent[] = []
      if (buffer) line(buffer, out)
      buffer = ''
      dispatch(out)
      return out
    },
  }
}

/** Reconnect delay after `attempt` consecutive failures (0-based): 1 s, 2 s, 4 s … capped at 30 s. */
export function backoffDelay(attempt: number, baseMs = 1000, maxMs = 30_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt))
}

export interface SseSubscription {
  close(): void
}

export interface SseOptions {
  url: string
  getToken: () => string | null | undefined
  onData: (data: string) => void
  /** Connection state changes: true once the stream is open, false while reconnecting. */
  onState?: (connected: boolean) => void
  /** A 401: the session is over; no reconnect. */
  onUnauthorized?: () => void
  fetch?: typeof globalThis.fetch
  setTimeout?: (fn: () => void, ms: number) => unknown
  clearTimeout?: (handle: unknown) => void
}

/** Opens the stream and keeps it open (reconnecting with backoff) until close(). */
export function subscribeSse(options: SseOptions): SseSubscription {
  const doFetch = options.fetch ?? ((i: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(i, init))
  const setT = options.setTimeout ?? ((fn: () => void, ms: number) => globalThis.setTimeout(fn, ms))
  const clearT = options.clearTimeout ?? ((h: unknown) => globalThis.clearTimeout(h as number))
  let closed = false
  let attempt = 0
  let controller: AbortController | null = null
  let timer: unknown = null

  function retry() {
    options.onState?.(false)
    if (closed) return
    const ms = backoffDelay(attempt++)
    timer = setT(() => {
      timer = null
      void connect()
    }, ms)
  }

  async function connect() {
    if (closed) return
    const token = options.getToken()
    if (!token) {
      closed = true
      options.onState?.(false)
      return
    }
    controller = new AbortController()
    try {
      const res = await doFetch(options.url, {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` },
        signal: controller.signal,
        cache: 'no-store',
      })
      if (res.status === 401) {
        closed = true
        options.onState?.(false)
        options.onUnauthorized?.()
        return
      }
      if (!res.ok || !res.body) throw new Error(`stream ${res.status}`)
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
      const parser = createSseParser()
      let opened = false
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        for (const ev of parser.push(value)) {
          if (!opened) {
            opened = true
            attempt = 0
            options.onState?.(true)
          }
          if (ev.event === 'message') options.onData(ev.data)
        }
      }
      for (const ev of parser.flush()) if (ev.event === 'message') options.onData(ev.data)
      retry()
    } catch {
      if (!closed) retry()
    }
  }

  void connect()
  return {
    close() {
      closed = true
      if (timer !== null) clearT(timer)
      timer = null
      controller?.abort()
    },
  }
}
