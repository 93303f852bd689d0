// waitForPrefetchTasks against the mock's stateful backend: the injected sleep moves the mock's clock, so tasks
// progress exactly as the waiter waits, and nothing waits in real time.
import type { ManualClock } from '@scloud/ucdn-mock'
import { describe, expect, it } from 'vitest'
import { type PrefetchSummary, summarizePrefetchTasks, type UcdnError } from '../../src/index.js'
import { mockApi, mockClient, START } from './setup.js'

const api = mockApi()
const CDN = 'https://cdn.example.com'
const travel = (clock: ManualClock, log: number[] = []) => ({
  clock,
  sleep: async (ms: number) => {
    log.push(ms)
    clock.advance(ms)
  },
})

describe('waitForPrefetchTasks against the mock', () => {
  it('polls until every task and URL has finished, reporting progress, and resolves in the order asked', async () => {
    const { clock } = api.use({
      tasks: [
        {
          taskId: 'slow',
          createdAt: START,
          urls: [{ url: `${CDN}/big.mp4`, waitMs: 2000, processMs: 20_000 }],
        },
        {
          taskId: 'fast',
          createdAt: START,
          urls: [
            { url: `${CDN}/a.js`, waitMs: 0, processMs: 3000 },
            { url: `${CDN}/b.js`, waitMs: 0, processMs: 3000, outcome: 'failure' },
          ],
        },
      ],
    })
    const progress: PrefetchSummary[] = []
    const delays: number[] = []
    const tasks = await mockClient({ random: () => 1 }).waitForPrefetchTasks(['slow', 'fast', 'slow'], {
      minDelayMs: 1000,
      maxDelayMs: 8000,
      onProgress: (summary) => progress.push(summary),
      ...travel(clock, delays),
    })
    expect(tasks.map((t) => [t.taskId, t.status])).toEqual([
      ['slow', 'success'],
      ['fast', 'failure'],
    ])
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000])
    expect(progress.map((s) => s.done)).toEqual([false, false, false, false, false, true])
    // The failed URL stops at the figure it reached, so the finished wait ends below 100: its failure shows.
    expect(progress.map((s) => Math.round(s.progress))).toEqual([0, 22, 35, 42, 55, 67])
    const summary = summarizePrefetchTasks(tasks)
    expect(summary).toMatchObject({ done: true, urls: { total: 3, done: 3 } })
    expect(summary.failedUrls).toEqual([{ taskId: 'fast', url: `${CDN}/b.js` }])
  })

  it('does not ask again for tasks that have finished', async () => {
    const { clock } = api.use({
      tasks: [
        { taskId: 'done', createdAt: START - 60_000, urls: [`${CDN}/a`] },
        { taskId: 'busy', createdAt: START, urls: [{ url: `${CDN}/b`, waitMs: 0, processMs: 5000 }] },
      ],
    })
    await mockClient().waitForPrefetchTasks(['done', 'busy'], {
      minDelayMs: 3000,
      maxDelayMs: 3000,
      ...travel(clock),
    })
    const asked = await api.forms()
    expect(asked.map((form) => [form.get('TaskId.0'), form.get('TaskId.1')])).toEqual([
      ['done', 'busy'],
      ['busy', null],
      ['busy', null],
    ])
  })

  it('hands onProgress the tasks too, in the order asked, as last answered', async () => {
    const { clock } = api.use({
      tasks: [
        { taskId: 'a', createdAt: START, urls: [{ url: `${CDN}/a`, waitMs: 0, processMs: 2000 }] },
        { taskId: 'b', createdAt: START, urls: [`${CDN}/b`] },
      ],
    })
    const seen: string[][] = []
    await mockClient().waitForPrefetchTasks(['b', 'a'], {
      minDelayMs: 2000,
      maxDelayMs: 2000,
      onProgress: (summary, tasks) => {
        expect(summary.tasks.total).toBe(tasks.length)
        seen.push(tasks.map((task) => `${task.taskId}:${task.status}`))
      },
      ...travel(clock),
    })
    expect(seen.length).toBeGreaterThan(1)
    expect(seen[0]).toEqual(['b:wait', 'a:process'])
    expect(seen.at(-1)).toEqual(['b:success', 'a:success'])
  })

  it('waits on tasks older than the default one-day window when given beginTime (and endTime)', async () => {
    const threeDaysAgo = START - 3 * 86_400_000
    const { clock } = api.use({ tasks: [{ taskId: 'old', createdAt: threeDaysAgo, urls: [`${CDN}/a`] }] })
    const missing = await mockClient()
      .waitForPrefetchTasks(['old'], { minDelayMs: 1000, maxDelayMs: 1000, ...travel(clock) })
      .catch((e: unknown) => e)
    expect(missing).toMatchObject({ code: 'INVALID_INPUT', missingTaskIds: ['old'] })
    const tasks = await mockClient().waitForPrefetchTasks(['old'], {
      beginTime: new Date(threeDaysAgo - 60_000),
      endTime: Math.floor(clock.now() / 1000),
      ...travel(clock),
    })
    expect(tasks.map((t) => [t.taskId, t.status])).toEqual([['old', 'success']])
    const form = (await api.forms()).at(-1)
    expect(form?.get('BeginTime')).toBe(String(Math.floor((threeDaysAgo - 60_000) / 1000)))
    expect(form?.get('EndTime')).toBe(String(Math.floor(clock.now() / 1000)))
  })

  it('checks beginTime and endTime as describePrefetchTasks does, before any request', async () => {
    const ucdn = mockClient()
    await expect(ucdn.waitForPrefetchTasks(['t'], { endTime: 1_700_000_000 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('waitForPrefetchTasks: beginTime is required when endTime is given'),
    })
    await expect(ucdn.waitForPrefetchTasks(['t'], { beginTime: Date.now() })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('looks like milliseconds'),
    })
    await expect(ucdn.waitForPrefetchTasks(['t'], { beginTime: new Date(Number.NaN) })).rejects.toMatchObject(
      { code: 'INVALID_INPUT', message: expect.stringContaining('beginTime') },
    )
    expect(api.requests).toHaveLength(0)
  })

  it('rejects INVALID_INPUT naming task ids the API does not know, after the grace polls', async () => {
    const { clock } = api.use({ tasks: [{ taskId: 'real', createdAt: START, urls: [`${CDN}/a`] }] })
    const error = await mockClient()
      .waitForPrefetchTasks(['real', 'ghost'], { minDelayMs: 1000, maxDelayMs: 1000, ...travel(clock) })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'INVALID_INPUT', missingTaskIds: ['ghost'], retryable: false })
    expect((error as Error).message).toContain('ghost')
    expect(api.requests).toHaveLength(3)
  })

  it("with onMissing: 'ignore', resolves with the tasks found and lists the missing ones", async () => {
    const { clock } = api.use({ tasks: [{ taskId: 'real', createdAt: START, urls: [`${CDN}/a`] }] })
    let last: PrefetchSummary | undefined
    const tasks = await mockClient().waitForPrefetchTasks(['ghost', 'real'], {
      onMissing: 'ignore',
      missingGracePolls: 2,
      minDelayMs: 10_000,
      maxDelayMs: 10_000,
      onProgress: (summary) => {
        last = summary
      },
      ...travel(clock),
    })
    expect(tasks.map((t) => t.taskId)).toEqual(['real'])
    expect(last).toMatchObject({ done: true, missingTaskIds: ['ghost'] })
  })

  it('TIMEOUT when the tasks do not finish within timeoutMs (overall)', async () => {
    const { clock } = api.use({
      tasks: [
        { taskId: 'long', createdAt: START, urls: [{ url: `${CDN}/a`, waitMs: 0, processMs: 3_600_000 }] },
      ],
    })
    const error = await mockClient()
      .waitForPrefetchTasks(['long'], {
        timeoutMs: 30_000,
        minDelayMs: 5000,
        maxDelayMs: 5000,
        ...travel(clock),
      })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'TIMEOUT' })
    expect((error as Error).message).toContain('30000 ms with 0 of 1 URLs finished')
    expect(clock.now() - START).toBeLessThan(30_000)
  })

  it('rides through retryable errors that outlast the per-call retries', async () => {
    const { clock, faults } = api.use({
      tasks: [{ taskId: 't', createdAt: START - 60_000, urls: [`${CDN}/a`] }],
    })
    faults.add({ kind: 'http', status: 503 }, { times: 3 }) // the whole first poll: 1 + 2 retries
    const tasks = await mockClient().waitForPrefetchTasks(['t'], {
      minDelayMs: 1000,
      maxDelayMs: 1000,
      ...travel(clock),
    })
    expect(tasks[0]?.status).toBe('success')
    expect(api.requests).toHaveLength(4)
  })

  it('fails at once on a permanent error', async () => {
    const { clock } = api.use({ tasks: [{ taskId: 't', createdAt: START, urls: [`${CDN}/a`] }] })
    const ucdn = mockClient({ credentials: { publicKey: 'ucdn-demo-public-key', privateKey: 'wrong' } })
    await expect(ucdn.waitForPrefetchTasks(['t'], travel(clock))).rejects.toMatchObject({
      code: 'API_ERROR',
      retCode: 171,
    })
    expect(api.requests).toHaveLength(1)
  })

  it('an AbortSignal stops the wait with ABORTED', async () => {
    const { clock } = api.use({
      tasks: [{ taskId: 't', createdAt: START, urls: [{ url: `${CDN}/a`, waitMs: 0, processMs: 60_000 }] }],
    })
    const controller = new AbortController()
    await expect(
      mockClient().waitForPrefetchTasks(['t'], {
        signal: controller.signal,
        clock,
        sleep: async (ms) => {
          clock.advance(ms)
          controller.abort()
        },
      }),
    ).rejects.toMatchObject({ code: 'ABORTED' })
  })

  it.each([
    [[], 'taskIds must be a non-empty array'],
    [['a', ''], 'taskIds[1] must be a non-empty string'],
  ])('rejects bad task ids %j before polling', async (ids, message) => {
    api.use()
    await expect(mockClient().waitForPrefetchTasks(ids)).rejects.toThrow(message)
    expect(api.requests).toHaveLength(0)
  })
})

describe('a waiter whose every poll fails', () => {
  it('times out saying no poll answered and why, with the last failure as the cause', async () => {
    const { clock, faults } = api.use({ tasks: [{ taskId: 't', createdAt: START, urls: [`${CDN}/a`] }] })
    faults.add({ kind: 'http', status: 503 }, { times: Number.POSITIVE_INFINITY })
    const error = (await mockClient()
      .waitForPrefetchTasks(['t'], {
        timeoutMs: 60_000,
        minDelayMs: 10_000,
        maxDelayMs: 10_000,
        ...travel(clock),
      })
      .catch((e: unknown) => e)) as UcdnError
    expect(error.code).toBe('TIMEOUT')
    expect((error.cause as UcdnError).code).toBe('HTTP_ERROR')
    expect(error.message).toMatch(/no poll answered yet \(last poll: .*HTTP 503/)
    expect(error.message).not.toMatch(/100%/)
  })
})
