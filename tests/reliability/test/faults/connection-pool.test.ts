// How many sockets the SDK's default Node transport opens under a burst, counted at the standalone server.
import { UcdnClient } from '@scloud/ucdn'
import { DEMO_CREDENTIALS } from '@scloud/ucdn-mock'
import { type MockServer, startMockServer } from '@scloud/ucdn-mock/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { settled, trackServerSockets } from '../support/leaks.js'

const sockets = trackServerSockets()
let mock: MockServer
beforeAll(async () => {
  mock = await startMockServer()
})
afterAll(async () => {
  await mock.close()
  sockets.dispose()
})

async function burst(calls: number): Promise<number> {
  let peak = 0
  const sample = setInterval(() => {
    peak = Math.max(peak, sockets.open())
  }, 1)
  const client = new UcdnClient({ credentials: DEMO_CREDENTIALS, baseUrl: mock.url, env: {}, maxRetries: 0 })
  try {
    const results = await Promise.allSettled(
      Array.from({ length: calls }, () => {
        peak = Math.max(peak, sockets.open())
        return client.describePrefetchTasks()
      }),
    )
    peak = Math.max(peak, sockets.open())
    expect(results.filter((r) => r.status === 'rejected')).toEqual([])
  } finally {
    clearInterval(sample)
    await client.close()
  }
  expect(await settled(() => (sockets.open() === 0 ? undefined : sockets.open()))).toBeUndefined()
  return peak
}

describe('connections under a burst', () => {
  it('sequential calls share one kept-alive connection', async () => {
    const accepted = sockets.accepted()
    const client = new UcdnClient({
      credentials: DEMO_CREDENTIALS,
      baseUrl: mock.url,
      env: {},
      maxRetries: 0,
    })
    for (let i = 0; i < 50; i++) await client.describePrefetchTasks()
    await client.close()
    expect(sockets.accepted() - accepted).toBeLessThanOrEqual(2)
  })

  // Regression (found by this suite, fixed in 2e9ff21): the pool had no `connections` cap, so N calls in flight
  // opened N sockets (1,000 concurrent calls: 1,000 sockets). Now 64 per origin by default; the rest queue.
  it('a burst of 300 concurrent calls stays within the bounded pool (≤ 64 sockets), and all succeed', async () => {
    expect(await burst(300)).toBeLessThanOrEqual(64)
  })
})
