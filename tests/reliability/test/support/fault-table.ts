// The fault matrix: one row per fault the mock can inject, with what the SDK must make of it. Shared by the
// msw run (global fetch) and the standalone-server run (undici pool, real sockets).
import type { UcdnErrorCode } from '@scloud/ucdn'
import type { Fault } from '@scloud/ucdn-mock'

/** Client settings every row runs with: attempts time out at 200 ms, two retries (three attempts). */
export const TIMEOUT_MS = 200
export const MAX_RETRIES = 2
export const MAX_ATTEMPTS = MAX_RETRIES + 1
/** The client's jitter source: with 0.5 the backoff before retry n is 0.5 × 100 ms × 2^(n−1). */
export const RANDOM = 0.5
export const BACKOFF = [50, 100]

export interface FailureRow {
  readonly name: string
  readonly fault: Fault
  readonly code: UcdnErrorCode
  readonly attempts: number
  readonly retryable: boolean
  readonly httpStatus?: number
  readonly retCode?: number
  readonly retryAfterMs?: number
  /** The waits between attempts, as the client's sleep was asked for them. */
  readonly delays?: readonly number[]
  /** Only where a socket exists (the standalone server). */
  readonly socketOnly?: boolean
}

const retried = { attempts: MAX_ATTEMPTS, retryable: true } as const
const once = { attempts: 1, retryable: false } as const

export const FAILURE_ROWS: readonly FailureRow[] = [
  {
    name: 'latency beyond the per-attempt timeout',
    fault: { kind: 'latency', ms: 10_000 },
    code: 'TIMEOUT',
    ...retried,
    delays: BACKOFF,
  },
  {
    name: 'HTTP 500 (not retried: the server did not say trying again helps)',
    fault: { kind: 'http', status: 500 },
    code: 'HTTP_ERROR',
    httpStatus: 500,
    ...once,
    delays: [],
  },
  ...([502, 503, 504] as const).map(
    (status): FailureRow => ({
      name: `HTTP ${status}`,
      fault: { kind: 'http', status },
      code: 'HTTP_ERROR',
      httpStatus: status,
      ...retried,
      delays: BACKOFF,
    }),
  ),
  {
    name: 'HTTP 429 with Retry-After: 2 (honoured instead of the backoff)',
    fault: { kind: 'http', status: 429, retryAfter: 2 },
    code: 'HTTP_ERROR',
    httpStatus: 429,
    retryAfterMs: 2_000,
    ...retried,
    delays: [2_000, 2_000],
  },
  {
    name: 'HTTP 429 without Retry-After',
    fault: { kind: 'http', status: 429 },
    code: 'HTTP_ERROR',
    httpStatus: 429,
    ...retried,
    delays: BACKOFF,
  },
  ...([110, 150, 153, 2000] as const).map(
    (retCode): FailureRow => ({
      name: `RetCode ${retCode} (retryable)`,
      fault: { kind: 'retCode', retCode },
      code: 'API_ERROR',
      retCode,
      ...retried,
      delays: BACKOFF,
    }),
  ),
  ...([171, 172, 230, 299] as const).map(
    (retCode): FailureRow => ({
      name: `RetCode ${retCode} (never retried)`,
      fault: { kind: 'retCode', retCode },
      code: 'API_ERROR',
      retCode,
      ...once,
      delays: [],
    }),
  ),
  { name: 'malformed JSON', fault: { kind: 'malformedJson' }, code: 'INVALID_RESPONSE', ...once, delays: [] },
  {
    name: 'truncated JSON body',
    fault: { kind: 'truncatedJson' },
    code: 'INVALID_RESPONSE',
    ...once,
    delays: [],
  },
  {
    name: 'connection reset',
    fault: { kind: 'connectionReset' },
    code: 'NETWORK_ERROR',
    ...retried,
    delays: BACKOFF,
  },
  {
    name: 'slow body past the per-attempt timeout',
    fault: { kind: 'slowBody', chunkDelayMs: 150, chunks: 4 },
    code: 'TIMEOUT',
    ...retried,
    delays: BACKOFF,
  },
]

export interface RecoveryRow {
  readonly name: string
  readonly fault: Fault
  readonly times: number
  /** Requests the mock sees in all: the faulted ones and the one that succeeds. */
  readonly requests: number
  readonly delays: readonly number[]
}

/** Transient faults that clear before the retries run out: the call must succeed and lose nothing. */
export const RECOVERY_ROWS: readonly RecoveryRow[] = [
  { name: 'HTTP 503 twice', fault: { kind: 'http', status: 503 }, times: 2, requests: 3, delays: BACKOFF },
  {
    name: 'HTTP 429 once, Retry-After: 1',
    fault: { kind: 'http', status: 429, retryAfter: 1 },
    times: 1,
    requests: 2,
    delays: [1_000],
  },
  {
    name: 'RetCode 153 twice',
    fault: { kind: 'retCode', retCode: 153 },
    times: 2,
    requests: 3,
    delays: BACKOFF,
  },
  { name: 'connection reset once', fault: { kind: 'connectionReset' }, times: 1, requests: 2, delays: [50] },
  {
    name: 'latency beyond the timeout once',
    fault: { kind: 'latency', ms: 10_000 },
    times: 1,
    requests: 2,
    delays: [50],
  },
]
