// The SDK's timers in Node: every pending timeout (each attempt's, each backoff and polling wait) on one Node
// timer armed for the earliest, instead of a Node timer each. An attempt's timeout is set and cleared on every
// call and almost never fires; a Node timer of its own cost ~1 µs and ~1 KB a call (bench `overhead`), this one
// links and unlinks a list node. Idle, the timer stays armed but unref'd, so it never keeps alive a process that
// has nothing else to do; with anything pending it is ref'd, as Node's own timers are (test/shared-timers-process).
//
// Browsers use the global timers as they are (platform/browser.ts): a pending timer keeps no page alive there,
// and the bundle stays small.
import { MAX_TIMER_MS, type Timers } from './clock.js'

/** One pending timeout: a node of its timers' list, so setting and clearing it is a few pointer writes. */
class Pending {
  prev: Pending | undefined
  next: Pending | undefined
  constructor(
    readonly owner: SharedTimers,
    /** When it is due, on the `now` clock. */
    readonly at: number,
    readonly callback: () => void,
  ) {}
}

/** What a Node `Timeout` offers beyond a handle (a browser's number has neither). */
interface Refable {
  ref?(): unknown
  unref?(): unknown
}

/**
 * {@link Timers} multiplexed on one global timer. The global `setTimeout` is looked up when the timer is armed,
 * so test fake timers installed later are honoured; when it fires, everything due by the time it was armed for
 * runs (the timer is trusted over the clock, so fake timers that leave `performance` alone still work).
 */
export function createSharedTimers(now: () => number = () => performance.now()): Timers {
  return new SharedTimers(now)
}

class SharedTimers implements Timers {
  // Pending timeouts in the order they were set (a list, not a Set: no hashing on the hot path).
  #first: Pending | undefined
  #last: Pending | undefined
  #handle: unknown
  /** When the armed timer fires (Infinity: none armed). */
  #armedAt = Number.POSITIVE_INFINITY
  #armedWith: typeof globalThis.setTimeout | undefined
  #clearWith: typeof globalThis.clearTimeout | undefined

  constructor(private readonly now: () => number) {}

  setTimeout(callback: () => void, ms: number): unknown {
    const entry = new Pending(this, this.now() + Math.max(ms, 0), callback)
    const wasIdle = this.#first === undefined
    this.#append(entry)
    if (entry.at < this.#armedAt || globalThis.setTimeout !== this.#armedWith) {
      this.#arm(Math.min(entry.at, this.#armedAt))
    } else if (wasIdle) (this.#handle as Refable).ref?.()
    return entry
  }

  clearTimeout(handle: unknown): void {
    if (!(handle instanceof Pending) || handle.owner !== this || !this.#remove(handle)) return
    if (this.#first === undefined) (this.#handle as Refable | undefined)?.unref?.()
  }

  #append(entry: Pending): void {
    entry.prev = this.#last
    if (this.#last === undefined) this.#first = entry
    else this.#last.next = entry
    this.#last = entry
  }

  /** Takes `entry` out of the list; false when it was not in it (already run or cleared). */
  #remove(entry: Pending): boolean {
    const { prev, next } = entry
    if (prev === undefined ? this.#first !== entry : prev.next !== entry) return false
    if (prev === undefined) this.#first = next
    else prev.next = next
    if (next === undefined) this.#last = prev
    else next.prev = prev
    entry.prev = entry.next = undefined
    return true
  }

  #arm(at: number): void {
    if (this.#handle !== undefined) this.#clearWith?.(this.#handle as ReturnType<typeof setTimeout>)
    const setTimer = globalThis.setTimeout
    this.#armedWith = setTimer
    this.#clearWith = globalThis.clearTimeout
    const now = this.now()
    const delay = Math.min(Math.max(at - now, 0), MAX_TIMER_MS)
    this.#armedAt = Math.min(at, now + delay)
    this.#handle = setTimer(() => this.#fire(), delay)
  }

  #fire(): void {
    const due = Math.max(this.now(), this.#armedAt)
    this.#handle = this.#armedWith = this.#clearWith = undefined
    this.#armedAt = Number.POSITIVE_INFINITY
    const expired: Pending[] = []
    let next = Number.POSITIVE_INFINITY
    for (let entry = this.#first; entry !== undefined; entry = entry.next) {
      if (entry.at <= due) expired.push(entry)
      else if (entry.at < next) next = entry.at
    }
    for (const entry of expired) this.#remove(entry)
    if (next !== Number.POSITIVE_INFINITY) this.#arm(next)
    // Earliest first; equal ones in the order they were set (the sort is stable), as Node runs its own.
    expired.sort((a, b) => a.at - b.at)
    for (const entry of expired) {
      try {
        entry.callback()
      } catch (error) {
        // As thrown from a timer of its own: an uncaught exception, and the other callbacks still run.
        queueMicrotask(() => {
          throw error
        })
      }
    }
  }
}
