import { describe, expect, it, vi } from 'vitest'
import { backoffDelay, createSseParser, subscribeSse } from './sse'

describe('createSseParser', () => {
  it('splits a stream into data events, across arbitrary chunk boundaries', () => {
    const text = 'data: {"a":1}\n\n: keep-alive\n\nevent: tick\ndata: x\n\ndata:{"a":2}\r\n\r\ndata: line1\ndata: line2\n\n'
    const expected = [
      { event: 'message', data: '{"a":1}' },
      { event: 'tick', data: 'x' },
      { event: 'message', data: '{"a":2}' },
      { event: 'message', data: 'line1\nline2' },
    ]
    // All at once …
    expect(createSseParser().push(text)).toEqual(expected)
    // … and one character at a time.
    const p = createSseParser()
    const out = text.split('').flatMap((c) => p.push(c))
    expect(out).toEqual(expected)
  })

  it('holds an incomplete event until its blank line, and flush() emits the rest', () => {
    const p = createSseParser()
    expect(p.push('data: {"partial"')).toEqual([])
    expect(p.push(':true}\n')).toEqual([])
    expect(p.push('\n')).toEqual([{ event: 'message', data: '{"partial":true}' }])
    expect(p.push('data: tail')).toEqual([])
    expect(p.flush()).toEqual([{ event: 'message', data: 'tail' }])
  })

  it('drops events without data and keeps ids', () => {
    const p = createSseParser()
    expect(p.push('event: x\n\nid: 7\ndata: d\n\n')).toEqual([{ event: 'message', data: 'd', id: '7' }])
  })
})

describe('backoffDelay', () => {
  it('doubles from 1 s and caps at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((a) => backoffDelay(a))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ])
  })
})

function streamResponse(chunks: string[], status = 200): Response {
  const enc = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (const ch of chunks) c.enqueue(enc.encode(ch))
      c.close()
    },
  })
  return new Response(body, { status, headers: { 'Content-Type': 'text/event-stream' } })
}

describe('subscribeSse', () => {
  it('sends the bearer token, delivers data and reconnects with backoff after the stream ends', async () => {
    const timers: { fn: () => void; ms: number }[] = []
    const fetch = vi.fn(async () => streamResponse(['data: 1\n\nda', 'ta: 2\n\n']))
    const got: string[] = []
    const sub = subscribeSse({
      url: '/api/dashboard/stream',
      getToken: () => 'tok',
      onData: (d) => got.push(d),
      fetch: fetch as unknown as typeof globalThis.fetch,
      setTimeout: (fn, ms) => timers.push({ fn, ms }),
      clearTimeout: () => {},
    })
    await vi.waitFor(() => expect(timers).toHaveLength(1))
    expect(got).toEqual(['1', '2'])
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1]
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok')
    expect(timers[0]!.ms).toBe(1000)
    timers[0]!.fn()
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2))
    sub.close()
  })

  it('backs off further on repeated failures and stops on 401', async () => {
    const timers: { fn: () => void; ms: number }[] = []
    let n = 0
    const fetch = vi.fn(async () => {
      n++
      if (n <= 2) throw new TypeError('network')
      return new Response('', { status: 401 })
    })
    const unauthorized = vi.fn()
    subscribeSse({
      url: '/s',
      getToken: () => 'tok',
      onData: () => {},
      onUnauthorized: unauthorized,
      fetch: fetch as unknown as typeof globalThis.fetch,
      setTimeout: (fn, ms) => timers.push({ fn, ms }),
    })
    await vi.waitFor(() => expect(timers).toHaveLength(1))
    timers[0]!.fn()
    await vi.waitFor(() => expect(timers).toHaveLength(2))
    expect(timers.map((t) => t.ms)).toEqual([1000, 2000])
    timers[1]!.fn()
    await vi.waitFor(() => expect(unauthorized).toHaveBeenCalledOnce())
    expect(timers).toHaveLength(2)
  })

  it('close() stops a pending reconnect', async () => {
    const timers: { fn: () => void; ms: number }[] = []
    const cleared: unknown[] = []
    const fetch = vi.fn(async () => {
      throw new TypeError('network')
    })
    const sub = subscribeSse({
      url: '/s',
      getToken: () => 'tok',
      onData: () => {},
      fetch: fetch as unknown as typeof globalThis.fetch,
      setTimeout: (fn, ms) => {
        timers.push({ fn, ms })
        return 42
      },
      clearTimeout: (h) => cleared.push(h),
    })
    await vi.waitFor(() => expect(timers).toHaveLength(1))
    sub.close()
    expect(cleared).toEqual([42])
  })
})
