import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PollStopped, pollBatch } from './importPoller'

interface B {
  status: string
  totalRows: number
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

function answers(...list: (B | Error)[]) {
  let i = 0
  return vi.fn(async () => {
    const a = list[Math.min(i++, list.length - 1)]!
    if (a instanceof Error) throw a
    return a
  })
}

describe('pollBatch', () => {
  it('reports progress every interval until the batch is completed', async () => {
    const load = answers(
      { status: 'PROCESSING', totalRows: 100 },
      { status: 'PROCESSING', totalRows: 250 },
      { status: 'COMPLETED', totalRows: 300 },
    )
    const seen: number[] = []
    const poll = pollBatch(load, (b) => seen.push(b.totalRows), { intervalMs: 1000 })
    const done = vi.fn()
    void poll.done.then(done)

    expect(load).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(999)
    expect(load).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(seen).toEqual([100])
    await vi.advanceTimersByTimeAsync(1000)
    expect(seen).toEqual([100, 250])
    expect(done).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1000)
    expect(seen).toEqual([100, 250, 300])
    expect(done).toHaveBeenCalledWith({ status: 'COMPLETED', totalRows: 300 })

    // No more polls once finished.
    await vi.advanceTimersByTimeAsync(10_000)
    expect(load).toHaveBeenCalledTimes(3)
  })

  it('ends on FAILED too', async () => {
    const poll = pollBatch(answers({ status: 'FAILED', totalRows: 0 }), () => {}, { intervalMs: 500 })
    await vi.advanceTimersByTimeAsync(500)
    await expect(poll.done).resolves.toMatchObject({ status: 'FAILED' })
  })

  it('tolerates a transient error and gives up after maxErrors in a row', async () => {
    const ok = answers(new Error('net'), { status: 'COMPLETED', totalRows: 1 })
    const p1 = pollBatch(ok, () => {}, { intervalMs: 100, maxErrors: 2 })
    await vi.advanceTimersByTimeAsync(200)
    await expect(p1.done).resolves.toMatchObject({ status: 'COMPLETED' })

    const bad = answers(new Error('down'))
    const p2 = pollBatch(bad, () => {}, { intervalMs: 100, maxErrors: 3 })
    const failed = expect(p2.done).rejects.toThrow('down')
    await vi.advanceTimersByTimeAsync(300)
    await failed
    expect(bad).toHaveBeenCalledTimes(3)
  })

  it('stops on demand without further calls', async () => {
    const load = answers({ status: 'PROCESSING', totalRows: 1 })
    const poll = pollBatch(load, () => {}, { intervalMs: 100 })
    await vi.advanceTimersByTimeAsync(100)
    poll.stop()
    await expect(poll.done).rejects.toBeInstanceOf(PollStopped)
    await vi.advanceTimersByTimeAsync(1000)
    expect(load).toHaveBeenCalledTimes(1)
  })
})
