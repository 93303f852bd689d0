// The cache actions end to end through @scloud/ucdn-mock's handlers (gateway, signature and spec checks) and its
// own stateful cache service (the default backend): the demo domain, daily quotas, the 10 s pacing and its RetCodes,
// injected faults, all on a manual clock that the client's waits move. Submit, then wait.
import {
  CACHE_RET_CODES,
  createFaultInjector,
  createManualClock,
  createUcdnHandlers,
  DEMO_CREDENTIALS,
  DEMO_DOMAIN,
  type DomainSeed,
  type ManualClock,
} from '@scloud/ucdn-mock'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { isUcdnError, type SubmitProgress, UcdnClient, type UcdnError } from '../../src/index.js'
import { START } from './setup.js'

const CDN = `https://${DEMO_DOMAIN.host}`
const server = setupServer()
/** The action of each request, and the mock clock's time when it came. */
const seen: { action: string | null; at: number }[] = []
let clock: ManualClock
server.events.on('request:start', async ({ request }) => {
  const at = clock.now()
  seen.push({ action: new URLSearchParams(await request.clone().text()).get('Action'), at })
})
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  seen.length = 0
})
afterAll(() => server.close())

/** The mock's default backend on a manual clock, and a client whose every wait moves that clock. */
function useMock(domains?: readonly DomainSeed[]) {
  clock = createManualClock(START)
  const faults = createFaultInjector({ sleep: () => new Promise(() => {}) })
  server.use(...createUcdnHandlers({ clock, faults, ...(domains && { domains }) }))
  const sleep = async (ms: number) => clock.advance(ms)
  const ucdn = new UcdnClient({ credentials: DEMO_CREDENTIALS, env: {}, clock, sleep })
  return { ucdn, faults, wait: { minDelayMs: 1000, maxDelayMs: 4000, clock, sleep } }
}
const submits = (action: string) => seen.filter((r) => r.action === action)
const urls = (n: number) => Array.from({ length: n }, (_, i) => `${CDN}/assets/${i}.js`)

async function rejection(promise: Promise<unknown>): Promise<UcdnError> {
  try {
    await promise
  } catch (error) {
    if (isUcdnError(error)) return error
    throw error
  }
  throw new Error('expected a rejection')
}

describe("the mock's cache service", () => {
  it('prefetch two demo URLs, then wait: both finish', async () => {
    const { ucdn, wait } = useMock()
    const { taskIds } = await ucdn.prefetchUrls([`${CDN}/a.js`, `${CDN}/b.css`])
    const tasks = await ucdn.waitForPrefetchTasks(taskIds, wait)
    expect(tasks.flatMap((t) => (t.urlLists ?? []).map((u) => [u.url, u.status]))).toEqual([
      [`${CDN}/a.js`, 'success'],
      [`${CDN}/b.css`, 'success'],
    ])
    await expect(ucdn.getCacheQuota(DEMO_DOMAIN.domainId)).resolves.toMatchObject({
      prefetchQuota: 1000,
      submitPrefetchCount: 2,
    })
  })

  it('refresh directories, then wait: the tasks carry their type', async () => {
    const { ucdn, wait } = useMock()
    const { taskIds } = await ucdn.refreshUrls([`${CDN}/img/`], { type: 'dir' })
    const tasks = await ucdn.waitForRefreshTasks(taskIds, wait)
    expect(tasks.map((t) => [t.type, t.status])).toEqual([['dir', 'success']])
    await expect(ucdn.getCacheQuota(DEMO_DOMAIN.domainId)).resolves.toMatchObject({ submitRefreshDir: 1 })
  })

  it('paces 1,001 URLs over two calls 10 s apart, so the mock accepts both, reporting progress', async () => {
    const { ucdn, wait } = useMock([{ ...DEMO_DOMAIN, quota: { prefetch: 5000 } }])
    const progress: SubmitProgress[] = []
    const { taskIds } = await ucdn.prefetchUrls(urls(1001), { onProgress: (p) => progress.push(p) })
    expect(taskIds).toHaveLength(2)
    expect(submits('PrefetchNewUcdnDomainCache').map((r) => r.at - START)).toEqual([0, 10_000])
    expect(progress.map((p) => [p.batch, p.batches, p.submittedUrls, p.totalUrls])).toEqual([
      [1, 2, 1000, 1001],
      [2, 2, 1001, 1001],
    ])
    const tasks = await ucdn.waitForPrefetchTasks(taskIds, { ...wait, timeoutMs: 3_600_000 })
    expect(tasks.map((t) => t.status)).toEqual(['success', 'success'])
  })

  it('without pacing, the 2nd call is refused (1204): the 1st task is reported, the rest not submitted', async () => {
    const { ucdn } = useMock([{ ...DEMO_DOMAIN, quota: { prefetch: 5000 } }])
    const list = urls(1500)
    const error = await rejection(ucdn.prefetchUrls(list, { intervalMs: 0 }))
    expect(error).toMatchObject({ code: 'API_ERROR', retCode: CACHE_RET_CODES.submitTooSoon })
    expect(error.submitted?.taskIds).toHaveLength(1)
    expect(error.submitted).toMatchObject({ pendingUrls: [], notSubmittedUrls: list.slice(1000) })
  })

  it('a quota exhausted on the 2nd call (1203): nothing of it was submitted', async () => {
    const { ucdn } = useMock()
    const list = urls(1001)
    const error = await rejection(ucdn.prefetchUrls(list))
    expect(error).toMatchObject({ code: 'API_ERROR', retCode: CACHE_RET_CODES.quotaExhausted })
    expect(error.submitted).toMatchObject({ pendingUrls: [], notSubmittedUrls: list.slice(1000) })
  })

  it('never resubmits a call that may have reached the API: a lost answer on the 2nd of 3 is OUTCOME_UNKNOWN', async () => {
    const { ucdn, faults } = useMock()
    let calls = 0
    faults.add(
      { kind: 'connectionReset' },
      { match: (r) => r.action === 'RefreshNewUcdnDomainCache' && ++calls === 2 },
    )
    const list = urls(250)
    const error = await rejection(ucdn.refreshUrls(list))
    expect(error).toMatchObject({ code: 'OUTCOME_UNKNOWN', retryable: false })
    expect(error.submitted?.taskIds).toHaveLength(1)
    expect(error.submitted).toMatchObject({
      pendingUrls: list.slice(100, 200),
      notSubmittedUrls: list.slice(200),
    })
    expect(submits('RefreshNewUcdnDomainCache')).toHaveLength(2)
  })

  it('sends nothing for a list with one bad URL', async () => {
    const { ucdn } = useMock()
    const error = await rejection(ucdn.prefetchUrls([`${CDN}/a.js`, `ftp://${DEMO_DOMAIN.host}/b`]))
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'urls', source: 'input' })
    expect(seen).toEqual([])
  })

  it('describes and pages through refresh tasks, which carry their type', async () => {
    const { ucdn } = useMock()
    const { taskIds } = await ucdn.refreshUrls(urls(250), { intervalMs: 0 })
    const page = await ucdn.describeRefreshTasks({ taskIds: [taskIds[0] as string] })
    expect(page).toMatchObject({ totalCount: 1, taskList: [{ taskId: taskIds[0], type: 'file' }] })
    expect(page.requestId).toEqual(expect.any(String))
    const pages = []
    for await (const p of ucdn.paginateRefreshTasks({}, { pageSize: 2 })) pages.push(p)
    expect(pages.map((p) => p.taskList.length)).toEqual([2, 1])
    expect(new Set(pages.flatMap((p) => p.taskList.map((t) => t.taskId)))).toEqual(new Set(taskIds))
  })

  it('reads the quota with camelCase fields', async () => {
    const { ucdn } = useMock()
    await ucdn.prefetchUrls([`${CDN}/a.js`])
    await ucdn.refreshUrls([`${CDN}/b.js`, `${CDN}/c.js`])
    await expect(ucdn.getCacheQuota(DEMO_DOMAIN.domainId)).resolves.toEqual({
      prefetchQuota: 1000,
      submitPrefetchCount: 1,
      refreshFileQuota: 700,
      submitRefreshFile: 2,
      refreshDirQuota: 20,
      submitRefreshDir: 0,
      requestId: expect.any(String),
    })
  })

  it('answers the prefetch switch, and 1205 for a domain the account lacks', async () => {
    const { ucdn } = useMock([
      DEMO_DOMAIN,
      { domainId: 'ucdn-off', host: 'off.example.com', prefetchEnabled: false },
    ])
    await expect(ucdn.isPrefetchEnabled(DEMO_DOMAIN.domainId)).resolves.toBe(true)
    await expect(ucdn.isPrefetchEnabled('ucdn-off')).resolves.toBe(false)
    await expect(ucdn.getCacheQuota('ucdn-nope')).rejects.toMatchObject({
      code: 'API_ERROR',
      retCode: CACHE_RET_CODES.domainNotFound,
    })
  })
})
