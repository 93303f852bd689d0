import { describe, expect, it } from 'vitest'
import { createManualClock } from '../clock.js'
import { UcdnMockError } from '../errors.js'
import { DEFAULT_DOMAIN_QUOTA, DEMO_DOMAIN, type DomainSeed } from './cache-domains.js'
import { CACHE_RET_CODES } from './cache-ret-codes.js'
import { type CacheServiceOptions, createCacheService } from './cache-service.js'
import { createPrefetchBackend } from './prefetch-backend.js'

// 2026-11-29 12:00 UTC = 20:00 in UTC+8, four hours before the quota day ends.
const T0 = Date.UTC(2026, 10, 29, 12, 0, 0)
const DEMO = `https://${DEMO_DOMAIN.host}`

function setup(options: Partial<Omit<CacheServiceOptions, 'clock' | 'prefetch'>> = {}) {
  const clock = createManualClock(T0)
  let n = 0
  const prefetch = createPrefetchBackend({ clock, generateTaskId: () => `pre-${++n}` })
  const service = createCacheService({ clock, prefetch, generateTaskId: () => `ref-${++n}`, ...options })
  const describePrefetch = (taskId: string) =>
    prefetch.DescribeNewUcdnPrefetchCacheTask({
      Action: 'DescribeNewUcdnPrefetchCacheTask',
      TaskId: [taskId],
    })
  return { clock, prefetch, service, describePrefetch }
}

function accepted<T>(outcome: { ok: true; value: T } | { ok: false; refusal: unknown }): T {
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`)
  return outcome.value
}

describe('createCacheService: domains', () => {
  it('has the demo domain by default, prefetch on, with the default quotas', () => {
    const { service } = setup()
    expect(service.listDomains()).toEqual([
      { ...DEMO_DOMAIN, projectId: 'org-default', prefetchEnabled: true, quota: DEFAULT_DOMAIN_QUOTA },
    ])
    expect(accepted(service.prefetchEnabled(undefined, DEMO_DOMAIN.domainId))).toBe(true)
  })

  it('takes domains with their own quotas and prefetch switch, instead of the demo one', () => {
    const domains: DomainSeed[] = [
      {
        domainId: 'ucdn-aaa111',
        host: 'Static.Example.org',
        prefetchEnabled: false,
        quota: { refreshDir: 2 },
      },
    ]
    const { service } = setup({ domains })
    expect(service.listDomains()).toEqual([
      {
        domainId: 'ucdn-aaa111',
        host: 'static.example.org',
        projectId: 'org-default',
        prefetchEnabled: false,
        quota: { ...DEFAULT_DOMAIN_QUOTA, refreshDir: 2 },
      },
    ])
    expect(accepted(service.prefetchEnabled(undefined, 'ucdn-aaa111'))).toBe(false)
    expect(service.prefetchEnabled(undefined, DEMO_DOMAIN.domainId)).toMatchObject({
      ok: false,
      refusal: { retCode: CACHE_RET_CODES.domainNotFound },
    })
  })

  it.each<[string, DomainSeed]>([
    ['a host with a scheme', { domainId: 'd1', host: 'https://a.example.com' }],
    ['a host with a port', { domainId: 'd1', host: 'a.example.com:80' }],
    ['an empty id', { domainId: '', host: 'a.example.com' }],
    ['a negative quota', { domainId: 'd1', host: 'a.example.com', quota: { prefetch: -1 } }],
    ['a fractional quota', { domainId: 'd1', host: 'a.example.com', quota: { refreshFile: 1.5 } }],
    ['the demo id again', { domainId: DEMO_DOMAIN.domainId, host: 'other.example.com' }],
    ['the demo host again', { domainId: 'd2', host: 'CDN.example.com' }],
  ])('refuses %s with INVALID_DOMAIN', (_, seed) => {
    const { service } = setup()
    expect(() => service.addDomain(seed)).toThrow(UcdnMockError)
    expect(() => service.addDomain(seed)).toThrow(expect.objectContaining({ code: 'INVALID_DOMAIN' }))
  })

  it('keeps a domain of another project out of reach', () => {
    const { service } = setup({
      domains: [{ domainId: 'ucdn-p2', host: 'p2.example.com', projectId: 'org-two' }],
    })
    expect(service.quotaState(undefined, 'ucdn-p2')).toMatchObject({ ok: false })
    expect(accepted(service.quotaState('org-two', 'ucdn-p2')).PrefetchQuota).toBe(1_000)
    expect(service.submitPrefetch(undefined, ['https://p2.example.com/a.js'])).toMatchObject({
      ok: false,
      refusal: { retCode: CACHE_RET_CODES.urlNotOwnDomain },
    })
    expect(service.submitPrefetch('org-two', ['https://p2.example.com/a.js'])).toMatchObject({ ok: true })
  })
})

describe('createCacheService: a prefetch submit', () => {
  it('creates a task the prefetch describe shows, done 5–15 s later on the clock', () => {
    const { clock, service, describePrefetch } = setup()
    const urls = [`${DEMO}/a.js`, `${DEMO}/b.css`, `${DEMO}/img/c.png`]
    const { TaskId } = accepted(service.submitPrefetch(undefined, urls))
    expect(describePrefetch(TaskId)).toMatchObject({
      TotalCount: 1,
      TaskList: [{ TaskId, Status: 'wait', CreateTime: T0 / 1000, UrlLists: urls.map((Url) => ({ Url })) }],
    })
    clock.advance(4_999)
    expect(describePrefetch(TaskId).TaskList![0]!.Status).not.toBe('success')
    clock.advance(10_001)
    expect(describePrefetch(TaskId).TaskList![0]).toMatchObject({
      Status: 'success',
      UrlLists: urls.map(() => ({ Status: 'success', Progress: 100 })),
    })
  })

  it('counts every URL against its domain’s prefetch quota of the day', () => {
    const { service } = setup()
    accepted(service.submitPrefetch(undefined, [`${DEMO}/a.js`, `${DEMO}/b.js`]))
    expect(accepted(service.quotaState(undefined, DEMO_DOMAIN.domainId))).toEqual({
      PrefetchQuota: 1_000,
      SubmitPrefetchCount: 2,
      RefreshFileQuota: 700,
      SubmitRefreshFile: 0,
      RefreshDirQuota: 20,
      SubmitRefreshDir: 0,
    })
  })

  it('refuses the whole call when a URL is not on a domain of the account, creating and charging nothing', () => {
    const { prefetch, service } = setup()
    const outcome = service.submitPrefetch(undefined, [`${DEMO}/a.js`, 'https://evil.example.net/x.js'])
    expect(outcome).toEqual({
      ok: false,
      refusal: {
        retCode: CACHE_RET_CODES.urlNotOwnDomain,
        message: '1 URL is not on an accelerated domain of this account: https://evil.example.net/x.js',
      },
    })
    expect(prefetch.listTasks()).toEqual([])
    expect(accepted(service.quotaState(undefined, DEMO_DOMAIN.domainId)).SubmitPrefetchCount).toBe(0)
  })

  it('names at most three foreign URLs and counts the rest', () => {
    const { service } = setup()
    const urls = Array.from({ length: 5 }, (_, i) => `https://x${i}.example.net/a.js`)
    expect(service.submitPrefetch(undefined, urls)).toMatchObject({
      refusal: { message: expect.stringMatching(/^5 URLs are .*x2\.example\.net\/a\.js and 2 more$/) },
    })
  })

  it('refuses a prefetch on a domain with prefetch off', () => {
    const { prefetch, service } = setup({
      domains: [DEMO_DOMAIN, { domainId: 'ucdn-off', host: 'off.example.com', prefetchEnabled: false }],
    })
    expect(service.submitPrefetch(undefined, [`${DEMO}/a.js`, 'https://off.example.com/a.js'])).toEqual({
      ok: false,
      refusal: {
        retCode: CACHE_RET_CODES.prefetchDisabled,
        message: 'Prefetch is not enabled for ucdn-off (off.example.com)',
      },
    })
    expect(prefetch.listTasks()).toEqual([])
    // A refresh on that domain is fine.
    expect(service.submitRefresh(undefined, 'file', ['https://off.example.com/a.js'])).toMatchObject({
      ok: true,
    })
  })

  it('refuses a call that would pass a quota, then takes one that fits exactly', () => {
    const { clock, service } = setup({
      domains: [{ ...DEMO_DOMAIN, quota: { prefetch: 3 } }],
      prefetchIntervalMs: 0,
    })
    accepted(service.submitPrefetch(undefined, [`${DEMO}/1.js`, `${DEMO}/2.js`]))
    expect(service.submitPrefetch(undefined, [`${DEMO}/3.js`, `${DEMO}/4.js`])).toEqual({
      ok: false,
      refusal: {
        retCode: CACHE_RET_CODES.quotaExhausted,
        message: 'Daily prefetch quota of ucdn-demo01 exhausted: 2 of 3 used today, this call needs 2',
      },
    })
    clock.advance(1)
    accepted(service.submitPrefetch(undefined, [`${DEMO}/3.js`]))
    expect(service.submitPrefetch(undefined, [`${DEMO}/4.js`])).toMatchObject({
      refusal: { retCode: CACHE_RET_CODES.quotaExhausted },
    })
  })

  it('starts a new quota day at midnight UTC+8', () => {
    const { clock, service } = setup({ domains: [{ ...DEMO_DOMAIN, quota: { prefetch: 1 } }] })
    accepted(service.submitPrefetch(undefined, [`${DEMO}/1.js`]))
    clock.set(Date.UTC(2026, 10, 29, 15, 59, 59)) // 23:59:59 in UTC+8: still the same day
    expect(service.submitPrefetch(undefined, [`${DEMO}/2.js`])).toMatchObject({ ok: false })
    clock.set(Date.UTC(2026, 10, 29, 16, 0, 0)) // midnight in UTC+8
    expect(accepted(service.quotaState(undefined, DEMO_DOMAIN.domainId)).SubmitPrefetchCount).toBe(0)
    accepted(service.submitPrefetch(undefined, [`${DEMO}/2.js`]))
  })

  it('counts quotas per domain: one domain’s exhaustion does not block another', () => {
    const { service } = setup({
      domains: [
        { ...DEMO_DOMAIN, quota: { prefetch: 1 } },
        { domainId: 'ucdn-two', host: 'two.example.com', quota: { prefetch: 5 } },
      ],
      prefetchIntervalMs: 0,
    })
    accepted(service.submitPrefetch(undefined, [`${DEMO}/1.js`, 'https://two.example.com/1.js']))
    expect(service.submitPrefetch(undefined, [`${DEMO}/2.js`])).toMatchObject({ ok: false })
    accepted(service.submitPrefetch(undefined, ['https://two.example.com/2.js']))
    expect(accepted(service.quotaState(undefined, 'ucdn-two')).SubmitPrefetchCount).toBe(2)
  })

  it('paces prefetch submits 10 s apart per project, counting only accepted ones', () => {
    const { clock, service } = setup({
      domains: [DEMO_DOMAIN, { domainId: 'ucdn-p2', host: 'p2.example.com', projectId: 'org-two' }],
    })
    accepted(service.submitPrefetch(undefined, [`${DEMO}/1.js`]))
    clock.advance(3_500)
    expect(service.submitPrefetch(undefined, [`${DEMO}/2.js`])).toEqual({
      ok: false,
      refusal: {
        retCode: CACHE_RET_CODES.submitTooSoon,
        message: 'Prefetch submitted too soon: at most one every 10 s, retry in 7 s',
      },
    })
    accepted(service.submitPrefetch('org-two', ['https://p2.example.com/1.js']))
    clock.advance(6_499)
    expect(service.submitPrefetch(undefined, [`${DEMO}/2.js`])).toMatchObject({ ok: false })
    clock.advance(1)
    accepted(service.submitPrefetch(undefined, [`${DEMO}/2.js`]))
    // Refreshes are not paced.
    accepted(service.submitRefresh(undefined, 'file', [`${DEMO}/2.js`]))
    accepted(service.submitRefresh(undefined, 'file', [`${DEMO}/2.js`]))
  })

  it('refuses a directory URL: only files can be prefetched', () => {
    const { service } = setup()
    expect(service.submitPrefetch(undefined, [`${DEMO}/a.js`, `${DEMO}/img/`])).toEqual({
      ok: false,
      refusal: {
        retCode: 230,
        message: 'Missing or invalid parameter: UrlList.1 (a prefetch URL must name a file, not a directory)',
      },
    })
  })
})

describe('createCacheService: a refresh submit', () => {
  it('creates a task of its type that the refresh describe shows and the prefetch describe does not', () => {
    const { clock, service, describePrefetch } = setup()
    const file = accepted(service.submitRefresh(undefined, 'file', [`${DEMO}/a.js`])).TaskId
    clock.advance(1_000)
    const dir = accepted(service.submitRefresh(undefined, 'dir', [`${DEMO}/img/`])).TaskId
    const m3u8 = accepted(service.submitRefresh(undefined, 'm3u8', [`${DEMO}/live/index.m3u8`])).TaskId
    expect(describePrefetch(file)).toEqual({ TotalCount: 0, TaskList: [] })
    expect(service.describeRefresh({})).toMatchObject({
      TotalCount: 3,
      TaskList: [
        { TaskId: m3u8, Type: 'm3u8', Status: 'wait' },
        { TaskId: dir, Type: 'dir', UrlLists: [{ Url: `${DEMO}/img/` }] },
        { TaskId: file, Type: 'file' },
      ],
    })
    clock.advance(15_000)
    expect(service.describeRefresh({ Status: 'success' }).TotalCount).toBe(3)
    expect(service.describeRefresh({ TaskId: [dir], Limit: 1 }).TaskList).toMatchObject([
      { TaskId: dir, Type: 'dir' },
    ])
  })

  it('charges dir refreshes to the directory quota and file and m3u8 ones to the file quota', () => {
    const { service } = setup()
    accepted(service.submitRefresh(undefined, 'file', [`${DEMO}/a.js`, `${DEMO}/b.js`]))
    accepted(service.submitRefresh(undefined, 'm3u8', [`${DEMO}/live.m3u8`]))
    accepted(service.submitRefresh(undefined, 'dir', [`${DEMO}/img/`]))
    expect(accepted(service.quotaState(undefined, DEMO_DOMAIN.domainId))).toMatchObject({
      SubmitPrefetchCount: 0,
      SubmitRefreshFile: 3,
      SubmitRefreshDir: 1,
    })
  })

  it('refuses a dir refresh URL without its trailing slash, and a dir call past the directory quota', () => {
    const { service } = setup({ domains: [{ ...DEMO_DOMAIN, quota: { refreshDir: 1 } }] })
    expect(service.submitRefresh(undefined, 'dir', [`${DEMO}/img/`, `${DEMO}/css`])).toEqual({
      ok: false,
      refusal: {
        retCode: 230,
        message: 'Missing or invalid parameter: UrlList.1 (a dir refresh URL must end with /)',
      },
    })
    accepted(service.submitRefresh(undefined, 'dir', [`${DEMO}/img/`]))
    expect(service.submitRefresh(undefined, 'dir', [`${DEMO}/css/`])).toMatchObject({
      refusal: {
        retCode: CACHE_RET_CODES.quotaExhausted,
        message: expect.stringContaining('directory refresh'),
      },
    })
    expect(service.describeRefresh({}).TotalCount).toBe(1)
  })
})

describe('createCacheService: quota state', () => {
  it('answers 1205 for a domain id the account does not have', () => {
    const { service } = setup()
    expect(service.quotaState(undefined, 'ucdn-nope')).toEqual({
      ok: false,
      refusal: {
        retCode: CACHE_RET_CODES.domainNotFound,
        message: 'No accelerated domain "ucdn-nope" in this project',
      },
    })
  })
})
