// Runs the fault matrix against a mock (msw handlers or the standalone server): every row's outcome, the
// attempts the mock saw, the waits asked for, the time taken, and that nothing is left behind.
import { UcdnClient, type UcdnClientOptions, UcdnError } from '@scloud/ucdn'
import type { FaultInjector, PrefetchBackend } from '@scloud/ucdn-mock'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FAILURE_ROWS, MAX_RETRIES, RANDOM, RECOVERY_ROWS, TIMEOUT_MS } from './fault-table.js'
import { CANARY } from './keys.js'
import { activeResources, collectUnhandledRejections, leftAbove } from './leaks.js'

export interface MockTarget {
  readonly url: string
  readonly faults: FaultInjector
  readonly backend: PrefetchBackend
}

/** "Should take ~1 s" bound: generous, so a loaded CI machine does not flake; counting attempts is the real check. */
export const ELAPSED_BOUND_MS = 5_000

/**
 * Counts every request the mock reads, through the fault injector's public `match` hook: a first fault that
 * never matches sees each request before the real faults are considered.
 */
export function countRequests(faults: FaultInjector, onRequest?: () => void): () => number {
  let count = 0
  faults.add(
    { kind: 'latency', ms: 0 },
    {
      times: Number.POSITIVE_INFINITY,
      match: () => {
        count += 1
        onRequest?.()
        return false
      },
    },
  )
  return () => count
}

/** Clients made by a test, closed after it: closing is part of what the leak checks check. */
export function clientFactory(target: () => MockTarget) {
  const open: UcdnClient[] = []
  return {
    create(options: Partial<UcdnClientOptions> & { delays?: number[] } = {}): UcdnClient {
      const { delays, ...rest } = options
      const client = new UcdnClient({
        credentials: CANARY,
        baseUrl: target().url,
        env: {},
        timeoutMs: TIMEOUT_MS,
        maxRetries: MAX_RETRIES,
        random: () => RANDOM,
        // Backoff without real waiting: record the wait, honour an abort.
        sleep: async (ms, signal) => {
          delays?.push(ms)
          signal?.throwIfAborted()
        },
        ...rest,
      })
      open.push(client)
      return client
    },
    closeAll: () => Promise.all(open.splice(0).map((c) => c.close())),
  }
}

async function outcome(call: Promise<unknown>): Promise<{ error: UcdnError; elapsedMs: number }> {
  const started = performance.now()
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  )
  const elapsedMs = performance.now() - started
  if (!(error instanceof UcdnError)) throw new Error(`expected a UcdnError, got ${String(error)}`)
  return { error, elapsedMs }
}

/**
 * Declares the fault matrix for one transport. `afterEachCheck` adds the transport's own leak checks (open
 * server sockets); it runs after every client is closed.
 */
export function defineFaultMatrix(options: {
  readonly target: () => MockTarget
  readonly socket: boolean
  readonly afterEachCheck?: () => Promise<void>
}): void {
  const { target } = options
  const clients = clientFactory(target)
  let baseline: Record<string, number>
  let rejections: ReturnType<typeof collectUnhandledRejections>

  beforeEach(() => {
    target().faults.clear()
    target().backend.clear()
    target().backend.addTask({ taskId: 't-1', urls: ['https://cdn.example.com/a.js'] })
    baseline = activeResources()
    rejections = collectUnhandledRejections()
  })

  afterEach(async () => {
    target().faults.clear()
    await clients.closeAll()
    rejections.dispose()
    expect(rejections.reasons, 'unhandled rejections').toEqual([])
    expect(await leftAbove(baseline), 'handles left open (client closed)').toEqual({})
    await options.afterEachCheck?.()
  })

  describe('each fault, on every attempt', () => {
    const rows = FAILURE_ROWS.filter((row) => options.socket || !row.socketOnly)
    it.each(rows)('$name → $code after $attempts attempt(s), retryable $retryable', async (row) => {
      const requests = countRequests(target().faults)
      target().faults.add(row.fault, { times: Number.POSITIVE_INFINITY })
      const delays: number[] = []
      const { error, elapsedMs } = await outcome(
        clients.create({ delays }).describePrefetchTasks({ taskIds: ['t-1'] }),
      )

      expect({ code: error.code, attempts: error.attempts, retryable: error.retryable }).toEqual({
        code: row.code,
        attempts: row.attempts,
        retryable: row.retryable,
      })
      expect(requests(), 'requests the mock saw').toBe(row.attempts)
      if (row.httpStatus !== undefined) expect(error.httpStatus).toBe(row.httpStatus)
      if (row.retCode !== undefined) expect(error.retCode).toBe(row.retCode)
      if (row.retryAfterMs !== undefined) expect(error.retryAfterMs).toBe(row.retryAfterMs)
      if (row.delays !== undefined) expect(delays).toEqual(row.delays)
      expect(error.action).toBe('DescribeNewUcdnPrefetchCacheTask')
      expect(error.message.split('\n'), 'one line').toHaveLength(1)
      expect(elapsedMs).toBeLessThan(ELAPSED_BOUND_MS)
    })
  })

  describe('transient faults: the call succeeds and loses nothing', () => {
    it.each(RECOVERY_ROWS)('$name → the task, after $requests requests', async (row) => {
      const requests = countRequests(target().faults)
      target().faults.add(row.fault, { times: row.times })
      const delays: number[] = []
      const page = await clients.create({ delays }).describePrefetchTasks({ taskIds: ['t-1'] })
      expect(page.taskList.map((t) => t.taskId)).toEqual(['t-1'])
      expect(page.totalCount).toBe(1)
      expect(page.requestId).toMatch(/^[0-9a-f-]{36}$/)
      expect(requests()).toBe(row.requests)
      expect(delays).toEqual(row.delays)
    })

    it('paginates 250 tasks through a 503 on the first attempt of every page: each task exactly once, in order', async () => {
      const backend = target().backend
      backend.clear()
      const now = Date.now()
      for (let i = 0; i < 250; i++) {
        backend.addTask({
          taskId: `p-${i}`,
          urls: ['https://cdn.example.com/x'],
          createdAt: now - 60_000 + i,
        })
      }
      const failedOnce = new Set<string>()
      const requests = countRequests(target().faults)
      target().faults.add(
        { kind: 'http', status: 503 },
        {
          times: Number.POSITIVE_INFINITY,
          match: ({ params }) => {
            const page = String(params.Offset ?? '0')
            if (failedOnce.has(page)) return false
            failedOnce.add(page)
            return true
          },
        },
      )
      const ids: string[] = []
      // What this proves is that nothing is lost or repeated, not how fast: a loaded CI machine can take more than
      // the matrix's short per-attempt timeout to answer four pages at once.
      const client = clients.create({ timeoutMs: 30_000 })
      for await (const page of client.paginatePrefetchTasks({}, { pageSize: 20, concurrency: 4 })) {
        ids.push(...page.taskList.map((t) => t.taskId!))
      }
      const expected = Array.from({ length: 250 }, (_, i) => `p-${249 - i}`) // newest first
      expect(ids).toEqual(expected)
      expect(failedOnce.size).toBe(13)
      expect(requests()).toBe(26)
    })
  })

  describe('cancellation', () => {
    it('abort mid-request → ABORTED after 1 attempt, at once, and the mock stops waiting', async () => {
      const controller = new AbortController()
      const requests = countRequests(target().faults, () => {
        setImmediate(() => controller.abort(new Error('the caller gave up')))
      })
      target().faults.add({ kind: 'latency', ms: 10_000 })
      const client = clients.create({ timeoutMs: 30_000 })
      const { error, elapsedMs } = await outcome(
        client.describePrefetchTasks({ taskIds: ['t-1'] }, { signal: controller.signal }),
      )
      expect({ code: error.code, attempts: error.attempts, retryable: error.retryable }).toEqual({
        code: 'ABORTED',
        attempts: 1,
        retryable: false,
      })
      expect(requests()).toBe(1)
      expect(elapsedMs).toBeLessThan(ELAPSED_BOUND_MS)
    })

    it('abort mid-backoff → ABORTED after 1 attempt, without waiting out the 30 s backoff', async () => {
      const controller = new AbortController()
      const requests = countRequests(target().faults)
      target().faults.add({ kind: 'http', status: 503 }, { times: Number.POSITIVE_INFINITY })
      const client = clients.create({
        sleep: undefined, // the SDK's own timer-based sleep: the one that must be cancelled
        random: () => 0.99,
        retry: { baseDelayMs: 30_000, maxDelayMs: 30_000 },
        logger: {
          debug: (_message, fields) => {
            if (fields?.outcome === 'retry')
              setImmediate(() => controller.abort(new Error('the caller gave up')))
          },
        },
      })
      const { error, elapsedMs } = await outcome(
        client.describePrefetchTasks({ taskIds: ['t-1'] }, { signal: controller.signal }),
      )
      expect({ code: error.code, attempts: error.attempts, retryable: error.retryable }).toEqual({
        code: 'ABORTED',
        attempts: 1,
        retryable: false,
      })
      expect(requests()).toBe(1)
      expect(elapsedMs).toBeLessThan(ELAPSED_BOUND_MS)
    })

    it('a signal aborted before the call → ABORTED, nothing sent', async () => {
      const requests = countRequests(target().faults)
      const { error } = await outcome(
        clients.create().describePrefetchTasks({}, { signal: AbortSignal.abort(new Error('already')) }),
      )
      expect(error.code).toBe('ABORTED')
      expect(requests()).toBe(0)
    })
  })
}
