// The fault matrix through msw's setupServer (onUnhandledRequest: 'error'): the SDK sees msw is intercepting and
// sends through the global fetch. Also: a waiter riding through intermittent faults to the end.
import { UcdnClient, type UcdnError } from '@scloud/ucdn'
import {
  createFaultInjector,
  createManualClock,
  createPrefetchBackend,
  createUcdnHandlers,
} from '@scloud/ucdn-mock'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countRequests, defineFaultMatrix } from '../support/fault-harness.js'
import { CANARY, KEY_PAIRS } from '../support/keys.js'
import { activeResources, leftAbove } from '../support/leaks.js'

const BASE_URL = 'https://api.faults.test'
const target = { url: BASE_URL, faults: createFaultInjector(), backend: createPrefetchBackend() }
const server = setupServer(
  ...createUcdnHandlers({
    baseUrl: BASE_URL,
    keyPairs: KEY_PAIRS,
    faults: target.faults,
    backend: target.backend,
  }),
)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

describe('fault matrix: msw handlers, global fetch', () => {
  defineFaultMatrix({ target: () => target, socket: false })
})

describe('waitForPrefetchTasks under intermittent faults', () => {
  it('rides through a fault on every other poll and resolves with every task finished', async () => {
    const clock = createManualClock(Date.UTC(2026, 10, 29))
    const backend = createPrefetchBackend({ clock })
    const faults = createFaultInjector()
    server.use(
      ...createUcdnHandlers({ baseUrl: 'https://api.waiter.test', keyPairs: KEY_PAIRS, backend, faults }),
    )
    const a = backend.createTask(['https://cdn.example.com/a.js', 'https://cdn.example.com/b.js']).taskId
    const b = backend.createTask([{ url: 'https://cdn.example.com/c.js', outcome: 'failure' }]).taskId
    let n = 0
    const requests = countRequests(faults)
    const kinds = [
      { kind: 'http', status: 503 },
      { kind: 'retCode', retCode: 150 },
      { kind: 'connectionReset' },
      { kind: 'http', status: 429, retryAfter: 1 },
    ] as const
    faults.add(
      { kind: 'http', status: 502 },
      { times: Number.POSITIVE_INFINITY, match: () => ++n % 2 === 0 && n < 40 },
    )
    for (const fault of kinds) faults.add(fault, { times: 1 })
    const baseline = activeResources()
    const client = new UcdnClient({
      credentials: CANARY,
      baseUrl: 'https://api.waiter.test',
      env: {},
      timeoutMs: 1_000,
      clock,
      sleep: async (ms) => clock.advance(ms),
      random: () => 0.5,
    })
    const tasks = await client.waitForPrefetchTasks([a, b], {
      minDelayMs: 1_000,
      maxDelayMs: 2_000,
      timeoutMs: 600_000,
    })
    await client.close()
    expect(tasks.map((t) => [t.taskId, t.status])).toEqual([
      [a, 'success'],
      [b, 'failure'],
    ])
    expect(tasks[0]?.urlLists?.every((u) => u.progress === 100)).toBe(true)
    expect(requests()).toBeGreaterThan(4)
    expect(await leftAbove(baseline)).toEqual({})
  })
})

describe('a waiter whose every poll fails', () => {
  // Regression (fixed in 15e3e2e): with no task ever seen, the TIMEOUT message read "gave up after 600000 ms
  // with 0 of 0 URLs finished (100%)", which said done where nothing was known and named nothing of the cause
  // (every poll got HTTP 503). It now says no poll answered and quotes the last error.
  it('times out saying no poll succeeded and why, not "0 of 0 URLs finished (100%)"', async () => {
    const clock = createManualClock(Date.UTC(2026, 10, 29))
    const faults = createFaultInjector()
    server.use(...createUcdnHandlers({ baseUrl: 'https://api.down.test', keyPairs: KEY_PAIRS, faults }))
    faults.add({ kind: 'http', status: 503 }, { times: Number.POSITIVE_INFINITY })
    const client = new UcdnClient({
      credentials: CANARY,
      baseUrl: 'https://api.down.test',
      env: {},
      clock,
      sleep: async (ms) => clock.advance(ms),
    })
    const error = (await client
      .waitForPrefetchTasks(['t-1'], { timeoutMs: 600_000, minDelayMs: 10_000, maxDelayMs: 60_000 })
      .catch((e: unknown) => e)) as UcdnError
    await client.close()
    expect(error.code).toBe('TIMEOUT')
    expect((error.cause as UcdnError | undefined)?.code).toBe('HTTP_ERROR')
    expect(error.message).not.toMatch(/100%/)
    expect(error.message).toMatch(/503/)
  })
})
