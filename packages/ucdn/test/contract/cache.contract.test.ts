// The cache actions end to end through @scloud/ucdn-mock's handlers (gateway, signature and spec checks): submit,
// then wait. The mock in this tree answers the five new actions only with the spec's examples, so the fake service
// behind the handlers is a small one here (two of the mock's stateful task stores); the flow test against the
// mock's own cache service is still to be written once that service is wired into the handlers.
import {
  createFaultInjector,
  createManualClock,
  createPrefetchBackend,
  createUcdnHandlers,
  DEMO_CREDENTIALS,
  type ManualClock,
  type UcdnBackend,
} from '@scloud/ucdn-mock'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { isUcdnError, type SubmitProgress, UcdnClient, type UcdnError } from '../../src/index.js'
import { START } from './setup.js'

const CDN = 'https://cdn.example.com'
const server = setupServer()
const seen: { action: string | null; at: number }[] = []
let clock: ManualClock
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  seen.length = 0
})
afterAll(() => server.close())

/** The handlers over a fake cache service on a manual clock: submitted URLs wait 1 s, then take 4 s. */
function useCacheApi() {
  clock = createManualClock(START)
  let n = 0
  const prefetch = createPrefetchBackend({ clock, generateTaskId: () => `p${++n}` })
  const refresh = createPrefetchBackend({ clock, generateTaskId: () => `r${++n}` })
  const types = new Map<string, string>()
  const plan = (url: string) => ({ url, waitMs: 1000, processMs: 4000 })
  const backend: UcdnBackend = {
    DescribeNewUcdnPrefetchCacheTask: (request) => prefetch.DescribeNewUcdnPrefetchCacheTask(request),
    PrefetchNewUcdnDomainCache: (request) => ({
      TaskId: prefetch.createTask(request.UrlList.map(plan)).taskId,
    }),
    RefreshNewUcdnDomainCache: (request) => {
      const task = refresh.createTask(request.UrlList.map(plan))
      types.set(task.taskId, request.Type)
      return { TaskId: task.taskId }
    },
    DescribeNewUcdnRefreshCacheTask: (request) => {
      const answer = refresh.DescribeNewUcdnPrefetchCacheTask({
        ...request,
        Action: 'DescribeNewUcdnPrefetchCacheTask',
      })
      const TaskList = answer.TaskList?.map((task) => ({ ...task, Type: types.get(task.TaskId ?? '') }))
      return { ...answer, TaskList }
    },
    GetUcdnDomainPrefetchRefreshState: () => ({
      PrefetchQuota: 1000,
      SubmitPrefetchCount: prefetch.listTasks().reduce((sum, task) => sum + task.urls.length, 0),
      RefreshFileQuota: 700,
      SubmitRefreshFile: 0,
      RefreshDirQuota: 20,
      SubmitRefreshDir: 0,
      QuotaCount: 1, // a field the reference's example has and its table lacks: tolerated
    }),
    GetUcdnDomainPrefetchEnable: (request) => ({ Enable: request.DomainId === 'ucdn-demo01' ? 1 : 0 }),
  }
  const faults = createFaultInjector({ sleep: () => new Promise(() => {}) })
  server.use(...createUcdnHandlers({ backend, faults }))
  server.events.removeAllListeners('request:start')
  server.events.on('request:start', async ({ request }) => {
    const at = clock.now()
    seen.push({ action: new URLSearchParams(await request.clone().text()).get('Action'), at })
  })
  return { faults, prefetch, refresh }
}

/** A client whose every wait (pacing, backoff, polling) moves the mock's clock instead of real time. */
function client(): UcdnClient {
  return new UcdnClient({
    credentials: DEMO_CREDENTIALS,
    env: {},
    clock,
    sleep: async (ms) => clock.advance(ms),
  })
}
const waitOptions = () => ({
  minDelayMs: 1000,
  maxDelayMs: 1000,
  clock,
  sleep: async (ms: number) => clock.advance(ms),
})
const submits = (action: string) => seen.filter((r) => r.action === action)
const urls = (n: number, dir = 'f') => Array.from({ length: n }, (_, i) => `${CDN}/${dir}/${i}.js`)

async function rejection(promise: Promise<unknown>): Promise<UcdnError> {
  try {
    await promise
  } catch (error) {
    if (isUcdnError(error)) return error
    throw error
  }
  throw new Error('expected a rejection')
}

describe('prefetchUrls, then waitForPrefetchTasks, against the mock handlers', () => {
  it('warms two URLs and waits until both are done', async () => {
    useCacheApi()
    const ucdn = client()
    const { taskIds } = await ucdn.prefetchUrls([`${CDN}/a.js`, `${CDN}/b.css`])
    expect(taskIds).toHaveLength(1)
    const tasks = await ucdn.waitForPrefetchTasks(taskIds, waitOptions())
    expect(tasks.map((t) => [t.taskId, t.status])).toEqual([[taskIds[0], 'success']])
    expect(tasks[0]?.urlLists?.map((u) => [u.url, u.status])).toEqual([
      [`${CDN}/a.js`, 'success'],
      [`${CDN}/b.css`, 'success'],
    ])
  })

  it('splits 1,001 URLs over two calls 10 s apart on the API clock, with progress', async () => {
    useCacheApi()
    const ucdn = client()
    const progress: SubmitProgress[] = []
    const { taskIds } = await ucdn.prefetchUrls(urls(1001), { onProgress: (p) => progress.push(p) })
    expect(taskIds).toEqual(['p1', 'p2'])
    expect(submits('PrefetchNewUcdnDomainCache').map((r) => r.at - START)).toEqual([0, 10_000])
    expect(progress.map((p) => [p.batch, p.submittedUrls])).toEqual([
      [1, 1000],
      [2, 1001],
    ])
    const tasks = await ucdn.waitForPrefetchTasks(taskIds, waitOptions())
    expect(tasks.map((t) => t.urlLists?.length)).toEqual([1000, 1])
  })

  it('stops at a refusal of the 2nd call (RetCode 1203): the 1st task is reported, the rest not submitted', async () => {
    const { faults } = useCacheApi()
    let calls = 0
    faults.add(
      { kind: 'retCode', retCode: 1203, message: 'quota exhausted' },
      { match: (r) => r.action === 'PrefetchNewUcdnDomainCache' && ++calls === 2 },
    )
    const list = urls(2500)
    const error = await rejection(client().prefetchUrls(list, { intervalMs: 0 }))
    expect(error).toMatchObject({ code: 'API_ERROR', retCode: 1203, source: 'api', retryable: false })
    expect(error.submitted).toEqual({ taskIds: ['p1'], pendingUrls: [], notSubmittedUrls: list.slice(1000) })
    expect(submits('PrefetchNewUcdnDomainCache')).toHaveLength(2)
  })

  it('sends nothing for a list with one bad URL', async () => {
    useCacheApi()
    const error = await rejection(client().prefetchUrls([`${CDN}/a.js`, 'ftp://cdn.example.com/b']))
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'urls', source: 'input' })
    expect(seen).toEqual([])
  })
})

describe('refreshUrls, then waitForRefreshTasks', () => {
  it('purges directories and follows the tasks, which carry their type', async () => {
    useCacheApi()
    const ucdn = client()
    const { taskIds } = await ucdn.refreshUrls([`${CDN}/img/`, `${CDN}/css/`], { type: 'dir' })
    const tasks = await ucdn.waitForRefreshTasks(taskIds, waitOptions())
    expect(tasks.map((t) => [t.taskId, t.type, t.status])).toEqual([[taskIds[0], 'dir', 'success']])
    const page = await ucdn.describeRefreshTasks({ taskIds })
    expect(page).toMatchObject({ totalCount: 1, taskList: [{ taskId: taskIds[0], type: 'dir' }] })
    expect(page.requestId).toEqual(expect.any(String))
  })

  it('pages through refresh tasks', async () => {
    useCacheApi()
    const ucdn = client()
    await ucdn.refreshUrls(urls(250), { intervalMs: 0 })
    const pages = []
    for await (const page of ucdn.paginateRefreshTasks({}, { pageSize: 2 })) pages.push(page)
    expect(pages.map((p) => p.taskList.length)).toEqual([2, 1])
    expect(pages.flatMap((p) => p.taskList.map((t) => t.type))).toEqual(['file', 'file', 'file'])
  })

  it('never resubmits a call that may have reached the API: a lost answer on the 2nd of 3 is OUTCOME_UNKNOWN', async () => {
    const { faults } = useCacheApi()
    let calls = 0
    faults.add(
      { kind: 'connectionReset' },
      { match: (r) => r.action === 'RefreshNewUcdnDomainCache' && ++calls === 2 },
    )
    const list = urls(250)
    const error = await rejection(client().refreshUrls(list))
    expect(error).toMatchObject({ code: 'OUTCOME_UNKNOWN', retryable: false })
    expect(error.submitted).toEqual({
      taskIds: ['r1'],
      pendingUrls: list.slice(100, 200),
      notSubmittedUrls: list.slice(200),
    })
    expect(submits('RefreshNewUcdnDomainCache')).toHaveLength(2)
  })
})

describe('getCacheQuota and isPrefetchEnabled', () => {
  it('reads the quota with camelCase fields, tolerating fields the table lacks', async () => {
    useCacheApi()
    const ucdn = client()
    await ucdn.prefetchUrls([`${CDN}/a.js`])
    await expect(ucdn.getCacheQuota('ucdn-demo01')).resolves.toEqual({
      prefetchQuota: 1000,
      submitPrefetchCount: 1,
      refreshFileQuota: 700,
      submitRefreshFile: 0,
      refreshDirQuota: 20,
      submitRefreshDir: 0,
      requestId: expect.any(String),
    })
  })

  it('answers the prefetch switch as a boolean', async () => {
    useCacheApi()
    const ucdn = client()
    await expect(ucdn.isPrefetchEnabled('ucdn-demo01')).resolves.toBe(true)
    await expect(ucdn.isPrefetchEnabled('ucdn-other')).resolves.toBe(false)
  })
})
