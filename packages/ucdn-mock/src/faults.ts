import { UcdnMockError } from './errors.js'
import type { ReceivedParams } from './read-params.js'
import { realSleep, type Sleep } from './sleep.js'

/** What can go wrong with one request. */
export type Fault =
  /** The answer comes `ms` later (a client's per-attempt timeout can trip on it). */
  | { readonly kind: 'latency'; readonly ms: number }
  /** A gateway/load-balancer failure: this status, a plain-text body, no request id. */
  | { readonly kind: 'http'; readonly status: 500 | 502 | 503 | 504 }
  /** Throttled at the HTTP level, with `Retry-After: <retryAfter>` (seconds) when given. */
  | { readonly kind: 'http'; readonly status: 429; readonly retryAfter?: number }
  /** An API error answer (HTTP 200) with this non-zero RetCode, e.g. 110, 150, 153, 171 or an action's own. */
  | { readonly kind: 'retCode'; readonly retCode: number; readonly message?: string }
  /** HTTP 200, `application/json`, a body that is not JSON. */
  | { readonly kind: 'malformedJson' }
  /** The real answer, cut off halfway. */
  | { readonly kind: 'truncatedJson' }
  /** The connection drops before any answer: `fetch` rejects with a network error. */
  | { readonly kind: 'connectionReset' }
  /** The real answer, its body sent in `chunks` pieces (default 4), each `chunkDelayMs` after the last. */
  | { readonly kind: 'slowBody'; readonly chunkDelayMs: number; readonly chunks?: number }

/** What a fault's `match` sees: the request (its body already read) and its parameters as received. */
export type FaultRequest = {
  readonly request: Request
  /** The `Action` parameter, if the request has one. */
  readonly action: string | undefined
  readonly params: ReceivedParams
}

export type AddFaultOptions = {
  /** How many matching requests the fault hits before it is used up. Default 1; `Infinity` for all. */
  readonly times?: number
  /** Which requests it hits. Default: every request. */
  readonly match?: (request: FaultRequest) => boolean
}

/** A fault once added: how many hits it has left, and a way to withdraw it. */
export type FaultHandle = {
  readonly fault: Fault
  /** Hits left; 0 once used up or removed. */
  remaining(): number
  remove(): void
}

/** Faults for the handlers to inject, consumed request by request, in the order added. */
export type FaultInjector = {
  add(fault: Fault, options?: AddFaultOptions): FaultHandle
  /** Withdraws every fault. */
  clear(): void
  /** How many faults still have hits left. */
  pending(): number
  /** Used by the handlers: the first fault that matches this request, one of its hits consumed. */
  take(request: FaultRequest): Fault | undefined
  /** How latency and slow bodies wait. */
  readonly sleep: Sleep
}

export type FaultInjectorOptions = {
  /** Default: real `setTimeout`, cleared when the request aborts. Inject one so tests do not wait. */
  readonly sleep?: Sleep
}

type Entry = { fault: Fault; left: number; match: ((request: FaultRequest) => boolean) | undefined }

/** Creates an empty {@link FaultInjector}. Pass it to the handlers' `faults` option. */
export function createFaultInjector(options: FaultInjectorOptions = {}): FaultInjector {
  let entries: Entry[] = []
  return {
    sleep: options.sleep ?? realSleep,
    add(fault, addOptions = {}) {
      const entry: Entry = {
        fault: checkFault(fault),
        left: checkTimes(addOptions.times ?? 1),
        match: addOptions.match,
      }
      entries.push(entry)
      return {
        fault: entry.fault,
        remaining: () => entry.left,
        remove() {
          entry.left = 0
          entries = entries.filter((e) => e !== entry)
        },
      }
    },
    clear() {
      for (const entry of entries) entry.left = 0
      entries = []
    },
    pending: () => entries.length,
    take(request) {
      const entry = entries.find((e) => e.match === undefined || e.match(request))
      if (entry === undefined) return undefined
      entry.left -= 1
      if (entry.left <= 0) entries = entries.filter((e) => e !== entry)
      return entry.fault
    },
  }
}

const HTTP_STATUSES = new Set([429, 500, 502, 503, 504])

function checkFault(fault: Fault): Fault {
  const bad = (why: string): never => {
    throw new UcdnMockError('INVALID_OPTION', `Invalid fault ${JSON.stringify(fault)}: ${why}.`)
  }
  switch (fault?.kind) {
    case 'latency':
      if (!isDuration(fault.ms)) bad('ms must be a finite number ≥ 0')
      break
    case 'http':
      if (!HTTP_STATUSES.has(fault.status)) bad('status must be 429, 500, 502, 503 or 504')
      if (fault.status === 429 && fault.retryAfter !== undefined && !isWholeSeconds(fault.retryAfter)) {
        bad('retryAfter must be a whole number of seconds ≥ 0')
      }
      break
    case 'retCode':
      if (!Number.isSafeInteger(fault.retCode) || fault.retCode === 0)
        bad('retCode must be a non-zero integer')
      break
    case 'slowBody':
      if (!isDuration(fault.chunkDelayMs)) bad('chunkDelayMs must be a finite number ≥ 0')
      if (fault.chunks !== undefined && (!Number.isSafeInteger(fault.chunks) || fault.chunks < 1)) {
        bad('chunks must be a whole number ≥ 1')
      }
      break
    case 'malformedJson':
    case 'truncatedJson':
    case 'connectionReset':
      break
    default:
      bad('kind must be latency, http, retCode, malformedJson, truncatedJson, connectionReset or slowBody')
  }
  return Object.freeze({ ...fault })
}

function checkTimes(times: number): number {
  if (times === Number.POSITIVE_INFINITY || (Number.isSafeInteger(times) && times >= 1)) return times
  throw new UcdnMockError(
    'INVALID_OPTION',
    `times must be a whole number ≥ 1 or Infinity, got ${String(times)}.`,
  )
}

function isDuration(ms: unknown): boolean {
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0
}

function isWholeSeconds(s: unknown): boolean {
  return typeof s === 'number' && Number.isSafeInteger(s) && s >= 0
}
