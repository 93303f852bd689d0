// describePrefetchTasks through @scloud/ucdn-mock's msw handlers: the fake checks signatures and parameters the
// way the real gateway does, so these tests fail if what we send is not what the API accepts.
import { createReferenceBackend } from '@scloud/ucdn-mock'
import { describe, expect, it } from 'vitest'
import { UcdnError } from '../../src/index.js'
import { createFakeTime } from '../helpers/fake-time.js'
import { mockApi, mockClient, START } from './setup.js'

const api = mockApi()
const CDN = 'https://cdn.example.com'

describe('describePrefetchTasks against the mock', () => {
  it('is accepted by the gateway and answers typed tasks that progress with the clock', async () => {
    const { clock } = api.use({
      tasks: [
        { taskId: 'task-a', createdAt: START, urls: [{ url: `${CDN}/a.js`, waitMs: 1000, processMs: 4000 }] },
      ],
    })
    const ucdn = mockClient()
    const queued = await ucdn.describePrefetchTasks({ taskIds: ['task-a'] })
    expect(queued.taskList).toEqual([
      {
        taskId: 'task-a',
        createTime: START / 1000,
        status: 'wait',
        urlLists: [
          {
            url: `${CDN}/a.js`,
            createTime: START / 1000,
            status: 'wait',
            progress: 0,
            finishTime: undefined,
          },
        ],
      },
    ])
    expect(queued.requestId).toMatch(/^[0-9a-f-]{36}$/)
    clock.advance(10_000)
    const done = await ucdn.describePrefetchTasks({ taskIds: ['task-a'] })
    expect(done.taskList[0]?.status).toBe('success')
    expect(done.taskList[0]?.urlLists?.[0]).toMatchObject({ status: 'success', progress: 100 })
  })

  it('sends every parameter as the API expects (time window, status, paging, project, DCDN)', async () => {
    api.use({
      tasks: [
        { taskId: 'dcdn-1', createdAt: START - 60_000, projectId: 'org-x', isDcdn: true, urls: [`${CDN}/x`] },
        { taskId: 'other', createdAt: START - 60_000, urls: [`${CDN}/y`] },
      ],
    })
    const page = await mockClient({ projectId: 'org-x' }).describePrefetchTasks({
      taskIds: ['dcdn-1', 'other'],
      beginTime: new Date(START - 3_600_000),
      endTime: START / 1000,
      status: 'success',
      offset: 0,
      limit: 10,
      isDcdn: true,
    })
    expect(page.taskList.map((t) => t.taskId)).toEqual(['dcdn-1'])
    expect(page.totalCount).toBe(1)
  })

  it('serves the reference example verbatim end to end: unknown statuses kept, Test ignored', async () => {
    api.use({ backend: createReferenceBackend() })
    const page = await mockClient().describePrefetchTasks()
    expect(page.totalCount).toBe(4)
    expect(page.taskList.map((t) => [t.taskId, t.status])).toEqual([
      ['mEuMcQSL', 'ySoPLGgE'],
      ['mYtrUNKc', 'JKrNCisb'],
      ['ZJazzIIh', 'dDQVOfuA'],
      ['sEiKGYYr', 'LeqJkycM'],
      ['ByScqGMr', 'GVWVbBkR'],
      ['sklDNgoJ', 'RPkHZOFJ'],
      ['YLQhYqyq', 'xRRNKppD'],
    ])
    expect(page.taskList[6]?.urlLists?.[6]).toEqual({
      url: 'RWWfGzMi',
      createTime: 4,
      finishTime: 4,
      progress: 1,
      status: 'GlHxqIgx',
    })
    expect(JSON.stringify(page)).not.toContain('ryEuYMgQ')
  })

  it('wrong credentials: API_ERROR 171 after a single attempt', async () => {
    api.use()
    const error = await mockClient({
      credentials: { publicKey: 'ucdn-demo-public-key', privateKey: 'wrong' },
    })
      .describePrefetchTasks()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UcdnError)
    expect(error).toMatchObject({ code: 'API_ERROR', retCode: 171, attempts: 1, retryable: false })
    expect((error as UcdnError).requestId).toBeDefined()
    expect(api.requests).toHaveLength(1)
  })

  it('invalid input never reaches the API', async () => {
    api.use()
    await expect(mockClient().describePrefetchTasks({ status: 'done' as 'success' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect(api.requests).toHaveLength(0)
  })
})

describe('faults from the mock', () => {
  it('HTTP 503 once: retried, then the answer', async () => {
    const { faults } = api.use()
    faults.add({ kind: 'http', status: 503 })
    const page = await mockClient().describePrefetchTasks()
    expect(page.totalCount).toBe(0)
    expect(api.requests).toHaveLength(2)
  })

  it('HTTP 429 with Retry-After: the wait is what the server asked', async () => {
    const { faults } = api.use()
    faults.add({ kind: 'http', status: 429, retryAfter: 2 })
    const delays: number[] = []
    await mockClient({ sleep: async (ms) => void delays.push(ms) }).describePrefetchTasks()
    expect(delays).toEqual([2000])
  })

  it('RetCode 153 on every attempt: API_ERROR after maxRetries + 1 attempts', async () => {
    const { faults } = api.use()
    faults.add({ kind: 'retCode', retCode: 153 }, { times: Number.POSITIVE_INFINITY })
    await expect(mockClient({ maxRetries: 4 }).describePrefetchTasks()).rejects.toMatchObject({
      code: 'API_ERROR',
      retCode: 153,
      attempts: 5,
    })
    expect(api.requests).toHaveLength(5)
  })

  it.each([
    ['malformed JSON', { kind: 'malformedJson' } as const, 'not JSON'],
    ['truncated JSON', { kind: 'truncatedJson' } as const, 'not JSON'],
  ])('%s: INVALID_RESPONSE with the request id, not retried', async (_, fault, text) => {
    const { faults } = api.use()
    faults.add(fault)
    const error = (await mockClient()
      .describePrefetchTasks()
      .catch((e: unknown) => e)) as UcdnError
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', attempts: 1 })
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(error.message).toContain(text)
    expect(error.message).toContain(error.requestId)
  })

  it('connection reset: NETWORK_ERROR, retried, then the answer', async () => {
    const { faults } = api.use()
    faults.add({ kind: 'connectionReset' }, { times: 2 })
    await expect(mockClient().describePrefetchTasks()).resolves.toMatchObject({ totalCount: 0 })
    faults.add({ kind: 'connectionReset' }, { times: 3 })
    await expect(mockClient().describePrefetchTasks()).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      attempts: 3,
    })
  })

  it('latency beyond timeoutMs: TIMEOUT per attempt, the mock sees the request aborted', async () => {
    const { faults } = api.use()
    faults.add({ kind: 'latency', ms: 60_000 }, { times: 2 })
    const time = createFakeTime()
    const ucdn = mockClient({ maxRetries: 1, timeoutMs: 1000, timers: time.timers, clock: time.clock })
    const result = ucdn.describePrefetchTasks().catch((e: unknown) => e)
    await time.advance(1000)
    await time.advance(1000)
    expect(await result).toMatchObject({ code: 'TIMEOUT', attempts: 2 })
    expect(api.requests.every((request) => request.signal.aborted)).toBe(true)
    expect(time.pending()).toBe(0)
  })
})
