import type {
  PaginatePrefetchTasksOptions,
  PaginatePrefetchTasksParams,
  PrefetchTaskPage,
  TaskInfo,
} from '@scloud/ucdn'
import { describe, expect, it } from 'vitest'
import { listPrefetchTasks, listRefreshTasks, MAX_TASKS, PAGE_SIZE } from './list-prefetch-tasks.js'

/** A paginator over `count` tasks reporting `totalCount`, that records how it was called and honours maxPages. */
function fakeClient(count: number, totalCount = count) {
  const calls: { params?: PaginatePrefetchTasksParams; options?: PaginatePrefetchTasksOptions }[] = []
  const all: TaskInfo[] = Array.from({ length: count }, (_, i) => ({
    taskId: `t${i}`,
    status: 'success',
    urlLists: [],
  }))
  return {
    calls,
    client: {
      async *paginatePrefetchTasks(
        params?: PaginatePrefetchTasksParams,
        options: PaginatePrefetchTasksOptions = {},
      ) {
        calls.push({ params, options })
        const size = options.pageSize ?? 100
        for (let page = 0; page * size < all.length && page < (options.maxPages ?? Infinity); page++) {
          const taskList = all.slice(page * size, (page + 1) * size)
          yield { totalCount, taskList, requestId: `r${page}` } satisfies PrefetchTaskPage
        }
      },
    } as Parameters<typeof listPrefetchTasks>[0],
  }
}

describe('listPrefetchTasks', () => {
  it('asks for the window and status, page by page, and summarizes what came back', async () => {
    const { client, calls } = fakeClient(250)
    const signal = new AbortController().signal
    const listing = await listPrefetchTasks(client, { status: 'success', since: 10, until: 20 }, { signal })
    expect(calls).toEqual([
      {
        params: { beginTime: 10, endTime: 20, status: 'success' },
        options: { pageSize: PAGE_SIZE, maxPages: MAX_TASKS / PAGE_SIZE, signal },
      },
    ])
    expect(listing.tasks).toHaveLength(250)
    expect(listing.totalCount).toBe(250)
    expect(listing.summary).toMatchObject({ tasks: { total: 250 }, done: true })
  })

  it('stops at MAX_TASKS and reports how many match', async () => {
    const { client } = fakeClient(MAX_TASKS + 500)
    const listing = await listPrefetchTasks(client, { since: 10, until: 20 })
    expect(listing.tasks).toHaveLength(MAX_TASKS)
    expect(listing.totalCount).toBe(MAX_TASKS + 500)
  })

  it('never reports fewer matches than it lists (an API without TotalCount)', async () => {
    const { client } = fakeClient(3, 0)
    expect((await listPrefetchTasks(client, { since: 10, until: 20 })).totalCount).toBe(3)
  })
})

describe('listRefreshTasks', () => {
  it('pages through refresh tasks with the same window, status and limits, keeping their type', async () => {
    const calls: unknown[] = []
    const cache = {
      async *paginateRefreshTasks(params?: unknown, options?: unknown) {
        calls.push(params, options)
        yield { totalCount: 1, taskList: [{ taskId: 'r1', status: 'wait', type: 'dir' }], requestId: 'x' }
      },
    }
    const listing = await listRefreshTasks(cache, { status: 'wait', since: 10, until: 20 })
    expect(calls).toEqual([
      { beginTime: 10, endTime: 20, status: 'wait' },
      { pageSize: PAGE_SIZE, maxPages: MAX_TASKS / PAGE_SIZE, signal: undefined },
    ])
    expect(listing.tasks).toEqual([{ taskId: 'r1', status: 'wait', type: 'dir' }])
    expect(listing.totalCount).toBe(1)
  })
})
