import { describe, expect, it } from 'vitest'
import { createManualClock } from '../clock.js'
import { ApiRefusal } from './api-refusal.js'
import { DEMO_DOMAIN } from './cache-domains.js'
import { createDemoBackend, DEMO_SETTLE_MS } from './demo.js'

const T0 = Date.UTC(2026, 10, 29, 9, 30, 0)

function allTasks(backend: ReturnType<typeof createDemoBackend>) {
  return backend.DescribeNewUcdnPrefetchCacheTask({ Action: 'DescribeNewUcdnPrefetchCacheTask' })
}

describe('createDemoBackend', () => {
  it('serves a file and a directory refresh task beside the prefetch tasks, both done within DEMO_SETTLE_MS', () => {
    const clock = createManualClock(T0)
    const backend = createDemoBackend(clock)
    const refreshes = () =>
      backend.DescribeNewUcdnRefreshCacheTask({ Action: 'DescribeNewUcdnRefreshCacheTask' }).TaskList ?? []
    expect(refreshes().map((t) => [t.TaskId, t.Type])).toEqual(
      expect.arrayContaining([
        ['demoPurgeHtml', 'file'],
        ['demoPurgeAssets', 'dir'],
      ]),
    )
    expect(refreshes().some((t) => t.Status !== 'success')).toBe(true)
    clock.advance(DEMO_SETTLE_MS)
    expect(refreshes().map((t) => t.Status)).toEqual(['success', 'success'])
    expect(allTasks(backend).TotalCount).toBe(5)
  })

  it('serves 5 tasks of 2–6 realistic URLs, created just before now, visible to the default query', () => {
    const backend = createDemoBackend(createManualClock(T0))
    const answer = allTasks(backend)
    expect(answer.TotalCount).toBe(5)
    for (const task of answer.TaskList ?? []) {
      expect(task.UrlLists!.length).toBeGreaterThanOrEqual(2)
      expect(task.UrlLists!.length).toBeLessThanOrEqual(6)
      expect(task.CreateTime).toBeLessThanOrEqual(T0 / 1000)
      expect(task.CreateTime).toBeGreaterThan(T0 / 1000 - 60)
      for (const url of task.UrlLists!) expect(url.Url).toMatch(/^https:\/\/cdn\.example\.com\/\S+$/)
    }
  })

  it('starts with work still to do and shows processing tasks along the way', () => {
    const clock = createManualClock(T0)
    const backend = createDemoBackend(clock)
    expect(allTasks(backend).TaskList!.some((t) => t.Status !== 'success' && t.Status !== 'failure')).toBe(
      true,
    )
    clock.advance(5_000)
    expect(allTasks(backend).TaskList!.some((t) => t.Status === 'process')).toBe(true)
  })

  it('settles within about 30 s: every task final, exactly one URL failed, so exactly one task failed', () => {
    const clock = createManualClock(T0)
    const backend = createDemoBackend(clock)
    clock.advance(DEMO_SETTLE_MS)
    const tasks = allTasks(backend).TaskList!
    expect(DEMO_SETTLE_MS).toBeLessThanOrEqual(30_000)
    expect(tasks.filter((t) => t.Status === 'failure')).toHaveLength(1)
    expect(tasks.filter((t) => t.Status === 'success')).toHaveLength(4)
    expect(tasks.flatMap((t) => t.UrlLists!).filter((u) => u.Status === 'failure')).toHaveLength(1)
  })

  it('is not settled a moment earlier, so DEMO_SETTLE_MS is tight', () => {
    const clock = createManualClock(T0)
    const backend = createDemoBackend(clock)
    clock.advance(DEMO_SETTLE_MS - 1_000)
    expect(allTasks(backend).TaskList!.some((t) => t.Status === 'process')).toBe(true)
  })

  it('has the demo domain: a prefetch and a refresh of its URLs are accepted and done within 15 s', () => {
    const clock = createManualClock(T0)
    const backend = createDemoBackend(clock)
    expect(backend.listDomains().map((d) => d.domainId)).toEqual([DEMO_DOMAIN.domainId])
    const urls = [`https://${DEMO_DOMAIN.host}/a.js`, `https://${DEMO_DOMAIN.host}/b.css`]
    const prefetch = backend.PrefetchNewUcdnDomainCache({
      Action: 'PrefetchNewUcdnDomainCache',
      UrlList: urls,
    })
    const refresh = backend.RefreshNewUcdnDomainCache({
      Action: 'RefreshNewUcdnDomainCache',
      Type: 'file',
      UrlList: urls,
    })
    if (prefetch instanceof ApiRefusal || refresh instanceof ApiRefusal) throw new Error('refused')
    clock.advance(15_000)
    expect(backend.getTask(prefetch.TaskId!)?.Status).toBe('success')
    expect(
      backend.DescribeNewUcdnRefreshCacheTask({
        Action: 'DescribeNewUcdnRefreshCacheTask',
        TaskId: [refresh.TaskId!],
      }).TaskList,
    ).toMatchObject([{ Status: 'success', Type: 'file' }])
  })
})
