// Polls an import batch until the server has finished it (COMPLETED or FAILED). While PROCESSING the
// batch's totalRows is the number of rows processed so far, so every answer is handed to `onUpdate`.

export interface PolledBatch {
  status: string
}

export interface PollOptions {
  /** Delay between two polls (ms). */
  intervalMs?: number
  /** Consecutive failed polls tolerated before giving up. */
  maxErrors?: number
}

export interface Poll<T> {
  /** Settles with the final batch, or rejects after too many errors or when stopped. */
  done: Promise<T>
  stop(): void
}

export class PollStopped extends Error {
  constructor() {
    super('polling stopped')
    this.name = 'PollStopped'
  }
}

export function isFinished(batch: PolledBatch): boolean {
  return batch.status !== 'PROCESSING'
}

export function pollBatch<T extends PolledBatch>(
  load: () => Promise<T>,
  onUpdate: (batch: T) => void,
  options: PollOptions = {},
): Poll<T> {
  const interval = options.intervalMs ?? 1000
  const maxErrors = options.maxErrors ?? 3
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false
  let errors = 0
  let settle: { resolve: (b: T) => void; reject: (e: unknown) => void }

  const done = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject }
  })

  async function tick() {
    timer = null
    if (stopped) return
    try {
      const batch = await load()
      if (stopped) return
      errors = 0
      onUpdate(batch)
      if (isFinished(batch)) {
        stopped = true
        settle.resolve(batch)
        return
      }
    } catch (e) {
      if (stopped) return
      if (++errors >= maxErrors) {
        stopped = true
        settle.reject(e)
        return
      }
    }
    timer = setTimeout(() => void tick(), interval)
  }

  timer = setTimeout(() => void tick(), interval)
  return {
    done,
    stop() {
      if (stopped) return
      stopped = true
      if (timer) clearTimeout(timer)
      timer = null
      settle.reject(new PollStopped())
    },
  }
}
