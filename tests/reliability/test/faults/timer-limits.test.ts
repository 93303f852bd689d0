// Long timeouts must mean long. Node's setTimeout takes at most 2^31 − 1 ms (~24.8 days); a longer delay is
// silently set to 1 ms (TimeoutOverflowWarning). A caller who asks for "a month" must not get "at once".
import { UcdnClient } from '@scloud/ucdn'
import { createManualClock, createPrefetchBackend, DEMO_CREDENTIALS } from '@scloud/ucdn-mock'
import { type MockServer, startMockServer } from '@scloud/ucdn-mock/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli.js'

const MAX_TIMER_MS = 2 ** 31 - 1
const backend = createPrefetchBackend()
// Real sockets: an answer takes a few event-loop turns, time enough for a 1 ms timer to fire.
let mock: MockServer
// The CLI's demo-like world: tasks move on a manual clock that the CLI's injected sleep advances.
const clock = createManualClock(Date.UTC(2026, 10, 29, 8))
const cliBackend = createPrefetchBackend({ clock })
let cliMock: MockServer
beforeAll(async () => {
  mock = await startMockServer({ backend })
  cliMock = await startMockServer({ backend: cliBackend, clock })
})
afterAll(async () => {
  await mock.close()
  await cliMock.close()
})

const THIRTY_DAYS_MS = 30 * 86_400_000

function client(timeoutMs: number): UcdnClient {
  return new UcdnClient({
    credentials: DEMO_CREDENTIALS,
    baseUrl: mock.url,
    env: {},
    timeoutMs,
    maxRetries: 0,
  })
}

describe('timeouts beyond the 32-bit timer limit', () => {
  it('a per-attempt timeout of exactly 2^31 − 1 ms works (the largest a timer can take)', async () => {
    const sdk = client(MAX_TIMER_MS)
    await expect(sdk.describePrefetchTasks()).resolves.toMatchObject({ taskList: [] })
    await sdk.close()
  })

  // Regression (found by this suite, fixed in 2e9ff21): the timer was armed with the raw timeoutMs, so 2^31 ms
  // and more fired after 1 ms and every call failed with TIMEOUT "no answer within 2592000000 ms".
  it('a per-attempt timeout of 30 days does not time out at once', async () => {
    const sdk = client(THIRTY_DAYS_MS)
    try {
      await expect(sdk.describePrefetchTasks()).resolves.toMatchObject({ taskList: [] })
    } finally {
      await sdk.close()
    }
  })

  // Regression (same fix): waitForPrefetchTasks' overall timeoutMs, which the CLI sets from --watch-timeout.
  it('waitForPrefetchTasks with a 30-day overall timeout waits for the tasks', async () => {
    const { taskId } = backend.createTask([{ url: 'https://cdn.example.com/a.js', waitMs: 0, processMs: 0 }])
    const sdk = client(10_000)
    try {
      const tasks = await sdk.waitForPrefetchTasks([taskId], {
        timeoutMs: THIRTY_DAYS_MS,
        minDelayMs: 1,
        maxDelayMs: 1,
      })
      expect(tasks[0]?.status).toBe('success')
    } finally {
      await sdk.close()
    }
  })
})

describe('the CLI passes long timeouts through', () => {
  // Regression (same fix): `ucdn-prefetch --watch --watch-timeout 30d` exited 3 at once with "Tasks still not
  // finished after 2592000 s (--watch-timeout)"; `--timeout 2147484` (seconds) timed every request out.
  it('--watch --watch-timeout 30d watches until the task is done', async () => {
    const { taskId } = cliBackend.createTask([
      { url: 'https://cdn.example.com/a.js', waitMs: 3_000, processMs: 5_000 },
    ])
    const env = {
      UCLOUD_PUBLIC_KEY: DEMO_CREDENTIALS.publicKey,
      UCLOUD_PRIVATE_KEY: DEMO_CREDENTIALS.privateKey,
      UCLOUD_API_BASE_URL: cliMock.url,
    }
    const result = await runCli(['-t', taskId, '--watch', '--watch-timeout', '30d'], clock, env)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  })

  it('--watch with the default --watch-timeout watches until the task is done (the control case)', async () => {
    const { taskId } = cliBackend.createTask([
      { url: 'https://cdn.example.com/b.js', waitMs: 3_000, processMs: 5_000 },
    ])
    const env = {
      UCLOUD_PUBLIC_KEY: DEMO_CREDENTIALS.publicKey,
      UCLOUD_PRIVATE_KEY: DEMO_CREDENTIALS.privateKey,
      UCLOUD_API_BASE_URL: cliMock.url,
    }
    const result = await runCli(['-t', taskId, '--watch'], clock, env)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('1 task: 1 success')
  })
})
