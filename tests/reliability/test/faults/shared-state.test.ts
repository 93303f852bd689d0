// What callers share with the SDK while it works: a list that changes during a walk, one AbortSignal for many
// calls. Over real sockets (the standalone server), as in production.
import { getEventListeners } from 'node:events'
import { UcdnClient } from '@scloud/ucdn'
import { createPrefetchBackend, DEMO_CREDENTIALS } from '@scloud/ucdn-mock'
import { type MockServer, startMockServer } from '@scloud/ucdn-mock/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

const backend = createPrefetchBackend()
let mock: MockServer
let client: UcdnClient
beforeAll(async () => {
  mock = await startMockServer({ backend })
})
afterEach(() => client?.close())
afterAll(() => mock.close())

function newClient(): UcdnClient {
  client = new UcdnClient({ credentials: DEMO_CREDENTIALS, baseUrl: mock.url, env: {} })
  return client
}

/** 50 tasks, oldest `t0`, newest `t49`: five full pages of ten (the API lists newest first). */
function seedFifty(): string[] {
  backend.clear()
  const now = Date.now()
  const ids = Array.from({ length: 50 }, (_, i) => `t${i}`)
  ids.forEach((taskId, i) => {
    backend.addTask({ taskId, urls: ['https://cdn.example.com/a.js'], createdAt: now - 100_000 + i })
  })
  return ids
}

async function walkWhileATaskIsCreated(concurrency: number): Promise<string[]> {
  const seen: string[] = []
  let created = false
  for await (const page of newClient().paginatePrefetchTasks({}, { pageSize: 10, concurrency })) {
    seen.push(...page.taskList.map((t) => t.taskId!))
    if (!created) {
      backend.addTask({ taskId: 'created-during-the-walk', urls: ['https://cdn.example.com/b.js'] })
      created = true
    }
  }
  return seen
}

describe('a walk over a list that changes under it', () => {
  it('an unchanging list is walked exactly: every task once, newest first (the control case)', async () => {
    const ids = seedFifty()
    const seen: string[] = []
    for await (const page of newClient().paginatePrefetchTasks({}, { pageSize: 10, concurrency: 4 })) {
      seen.push(...page.taskList.map((t) => t.taskId!))
    }
    expect(seen).toEqual([...ids].reverse())
  })

  // Regression (found by this suite, fixed in 2e9ff21): the list is newest first, so a task created after page 1
  // shifts every later page by one. The walk was bounded by the first TotalCount and ended on a full page: the
  // oldest task was never fetched and the task at each page boundary came twice, so `ucdn-prefetch --all
  // --fail-on-failure` could pass over a failed task.
  it.each([1, 4])(
    'concurrency %i: no task that existed before the walk is lost, none is yielded twice',
    async (concurrency) => {
      const ids = seedFifty()
      const seen = await walkWhileATaskIsCreated(concurrency)
      expect(
        ids.filter((id) => !seen.includes(id)),
        'lost',
      ).toEqual([])
      expect(seen.length - new Set(seen).size, 'yielded twice').toBe(0)
    },
  )
})

describe('one AbortSignal shared by many calls', () => {
  it('leaves no listener on the signal once the calls are done', async () => {
    backend.clear()
    const shared = new AbortController()
    const sdk = newClient()
    for (let i = 0; i < 20; i++) await sdk.describePrefetchTasks({}, { signal: shared.signal })
    await Promise.all(
      Array.from({ length: 20 }, () => sdk.describePrefetchTasks({}, { signal: shared.signal })),
    )
    expect(getEventListeners(shared.signal, 'abort')).toHaveLength(0)
  })

  // Regression (found by this suite, fixed in 2e9ff21): every call in flight added its own 'abort' listener to
  // the caller's signal, so 11 concurrent calls sharing one (a server's shutdown signal, the CLI's Ctrl-C) made
  // Node print "MaxListenersExceededWarning: Possible EventTarget memory leak detected", though nothing leaked.
  it('20 concurrent calls sharing one signal raise no MaxListenersExceededWarning', async () => {
    backend.clear()
    const warnings: string[] = []
    const onWarning = (warning: Error) => {
      if (warning.name === 'MaxListenersExceededWarning') warnings.push(warning.message)
    }
    process.on('warning', onWarning)
    try {
      const shared = new AbortController()
      const sdk = newClient()
      await Promise.all(
        Array.from({ length: 20 }, () => sdk.describePrefetchTasks({}, { signal: shared.signal })),
      )
      await new Promise((resolve) => setImmediate(resolve)) // warnings are emitted on the next tick
      expect(warnings).toEqual([])
    } finally {
      process.off('warning', onWarning)
    }
  })
})
