import { createManualClock, createPrefetchBackend } from '@scloud/ucdn-mock'
import { describe, expect, it } from 'vitest'
import { mockApi, mockClient, START } from './setup.js'

const api = mockApi()
const tasks = Array.from({ length: 250 }, (_, i) => ({
  taskId: `task-${String(i).padStart(3, '0')}`,
  createdAt: START - i * 1000,
  urls: ['https://cdn.example.com/a.js'],
}))

describe('paginatePrefetchTasks against the mock', () => {
  it.each([1, 3])('walks every page in order (concurrency %i)', async (concurrency) => {
    api.use({ tasks })
    const pages = []
    for await (const page of mockClient().paginatePrefetchTasks({}, { pageSize: 100, concurrency }))
      pages.push(page)
    expect(pages.map((p) => p.taskList.length)).toEqual([100, 100, 50])
    expect(pages.flatMap((p) => p.taskList.map((t) => t.taskId))).toEqual(tasks.map((t) => t.taskId))
    expect(api.requests).toHaveLength(3)
  })

  it('starts at offset and keeps the other filters', async () => {
    api.use({ tasks })
    const ids: string[] = []
    for await (const page of mockClient().paginatePrefetchTasks(
      { offset: 40, taskIds: tasks.slice(200).map((t) => t.taskId) },
      { pageSize: 4 },
    )) {
      ids.push(...page.taskList.map((t) => t.taskId ?? ''))
    }
    expect(ids).toEqual(tasks.slice(240).map((t) => t.taskId))
  })

  it('rejects limit and a bad pageSize before sending anything', () => {
    api.use({ tasks })
    const ucdn = mockClient()
    expect(() => ucdn.paginatePrefetchTasks({ limit: 5 } as never)).toThrow(/pageSize/)
    expect(() => ucdn.paginatePrefetchTasks({}, { pageSize: 0 })).toThrow(/pageSize must be an integer ≥ 1/)
    expect(() => ucdn.paginatePrefetchTasks({}, { concurrency: 1.5 })).toThrow(/concurrency/)
    expect(api.requests).toHaveLength(0)
  })

  it('an error rejects the loop', async () => {
    const { faults } = api.use({ tasks })
    faults.add({ kind: 'retCode', retCode: 171 }, { match: ({ params }) => params.Offset === '100' })
    const ucdn = mockClient()
    const seen: number[] = []
    await expect(
      (async () => {
        for await (const page of ucdn.paginatePrefetchTasks({}, { pageSize: 100 }))
          seen.push(page.taskList.length)
      })(),
    ).rejects.toMatchObject({ code: 'API_ERROR', retCode: 171 })
    expect(seen).toEqual([100])
  })
})

describe('an API that ignores Offset', () => {
  it.each([1, 4])(
    'concurrency %i: the same full page forever under a huge TotalCount costs a few requests, not 10,000',
    async (concurrency) => {
      const real = createPrefetchBackend({ clock: createManualClock(START), tasks: tasks.slice(0, 100) })
      api.use({
        backend: {
          DescribeNewUcdnPrefetchCacheTask: (request) => ({
            ...real.DescribeNewUcdnPrefetchCacheTask({ ...request, Offset: 0 }),
            TotalCount: 1_000_000_000,
          }),
        },
      })
      const ids: string[] = []
      for await (const page of mockClient().paginatePrefetchTasks({}, { pageSize: 100, concurrency }))
        ids.push(...page.taskList.map((t) => t.taskId ?? ''))
      expect(ids).toEqual(tasks.slice(0, 100).map((t) => t.taskId))
      expect(api.requests.length).toBeLessThanOrEqual(3 + 2 * concurrency)
    },
  )
})

describe('a walk over a list that changes under it', () => {
  it.each([1, 4])(
    'concurrency %i: a task created during the walk loses no other task and repeats none',
    async (concurrency) => {
      const { backend, faults } = api.use({ tasks: tasks.slice(0, 50) })
      // The task is created as the third page is asked for, after the first two were answered: every later
      // page (newest first) is shifted by one.
      faults.add(
        { kind: 'latency', ms: 0 },
        {
          match: ({ params }) => {
            if (params.Offset === '20') {
              backend.addTask({
                taskId: 'created',
                createdAt: START,
                urls: ['https://cdn.example.com/b.js'],
              })
            }
            return false
          },
        },
      )
      const seen: string[] = []
      for await (const page of mockClient().paginatePrefetchTasks({}, { pageSize: 10, concurrency })) {
        seen.push(...page.taskList.map((t) => t.taskId ?? ''))
      }
      expect(backend.getTask('created')).toBeDefined()
      expect(tasks.slice(0, 50).filter((t) => !seen.includes(t.taskId))).toEqual([])
      expect(new Set(seen).size).toBe(seen.length)
    },
  )
})
