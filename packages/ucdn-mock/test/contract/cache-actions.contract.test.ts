// The five cache-management actions through the handlers (issue #15): submits show up in the describe actions
// and progress on the mock's clock; quotas, domains, per-call limits, pacing and the prefetch switch answer
// the RetCodes the spec lists for each action.
import { type ActionName, operationSchemas, operations } from '@scloud/ucdn-client/schemas'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  CACHE_RET_CODES,
  createManualClock,
  createPrefetchBackend,
  createUcdnHandlers,
  DEMO_DOMAIN,
  type DomainSeed,
  type ManualClock,
  type UcdnHandlersOptions,
} from '../../src/index.js'
import { apiJson, formRequest, sign } from '../support/requests.js'

const T0 = Date.UTC(2026, 10, 29, 4, 0, 0)
const DEMO = `https://${DEMO_DOMAIN.host}`
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

let clock: ManualClock
beforeEach(() => {
  clock = createManualClock(T0)
})

function use(options: Omit<UcdnHandlersOptions, 'clock'> = {}) {
  server.use(...createUcdnHandlers({ clock, ...options }))
}

/** Calls `action` with logical parameters (arrays flattened), and checks any refusal is one the spec lists. */
async function call(action: ActionName, params: Record<string, string | number | boolean | string[]> = {}) {
  const flat: Record<string, string | number | boolean> = { Action: action }
  for (const [key, value] of Object.entries(params)) {
    if (!Array.isArray(value)) flat[key] = value
    else for (const [i, item] of value.entries()) flat[`${key}.${i}`] = item
  }
  const { body } = await apiJson(await fetch(formRequest(sign(flat))))
  const retCode = body.RetCode as number
  if (retCode !== 0 && retCode !== 230)
    expect(Object.keys(operations[action].retCodes)).toContain(String(retCode))
  expect(body.Action).toBe(`${action}Response`)
  if (retCode === 0) expect(operationSchemas[action].response.safeParse(body).success).toBe(true)
  return body
}

describe('a prefetch submit', () => {
  it('shows up in DescribeNewUcdnPrefetchCacheTask and is done 5–15 s later on the mock’s clock', async () => {
    use()
    const urls = [`${DEMO}/a.js`, `${DEMO}/b.css`]
    const { RetCode, TaskId } = await call('PrefetchNewUcdnDomainCache', { UrlList: urls })
    expect(RetCode).toBe(0)
    const task = async () =>
      (
        (await call('DescribeNewUcdnPrefetchCacheTask', { TaskId: [TaskId as string] })).TaskList as object[]
      )[0]
    expect(await task()).toMatchObject({ TaskId, Status: 'wait', UrlLists: urls.map((Url) => ({ Url })) })
    clock.advance(15_000)
    expect(await task()).toMatchObject({ Status: 'success' })
    expect(await call('DescribeNewUcdnRefreshCacheTask')).toMatchObject({ TotalCount: 0 })
  })

  it('is refused with 1201 for a URL on a host the account does not have, and nothing is created', async () => {
    use()
    expect(
      await call('PrefetchNewUcdnDomainCache', {
        UrlList: [`${DEMO}/a.js`, 'https://evil.example.net/x.js'],
      }),
    ).toMatchObject({
      RetCode: CACHE_RET_CODES.urlNotOwnDomain,
      Message: expect.stringContaining('evil.example.net'),
    })
    expect(await call('DescribeNewUcdnPrefetchCacheTask')).toMatchObject({ TotalCount: 0 })
  })

  it('is refused with 1202 on a domain with prefetch off, which GetUcdnDomainPrefetchEnable reports', async () => {
    use({ domains: [{ domainId: 'ucdn-off', host: 'off.example.com', prefetchEnabled: false }] })
    expect(await call('GetUcdnDomainPrefetchEnable', { DomainId: 'ucdn-off' })).toMatchObject({
      RetCode: 0,
      Enable: 0,
    })
    expect(
      await call('PrefetchNewUcdnDomainCache', { UrlList: ['https://off.example.com/a.js'] }),
    ).toMatchObject({
      RetCode: CACHE_RET_CODES.prefetchDisabled,
    })
    // The given domains replace the demo one.
    expect(await call('GetUcdnDomainPrefetchEnable', { DomainId: DEMO_DOMAIN.domainId })).toMatchObject({
      RetCode: CACHE_RET_CODES.domainNotFound,
    })
  })

  it('is refused with 1203 once the day’s quota would be passed, which the quota state shows', async () => {
    const domains: DomainSeed[] = [{ ...DEMO_DOMAIN, quota: { prefetch: 2 } }]
    use({ domains, prefetchIntervalMs: 0 })
    expect(
      await call('PrefetchNewUcdnDomainCache', { UrlList: [`${DEMO}/1.js`, `${DEMO}/2.js`] }),
    ).toMatchObject({
      RetCode: 0,
    })
    expect(await call('PrefetchNewUcdnDomainCache', { UrlList: [`${DEMO}/3.js`] })).toMatchObject({
      RetCode: CACHE_RET_CODES.quotaExhausted,
    })
    expect(await call('GetUcdnDomainPrefetchRefreshState', { DomainId: DEMO_DOMAIN.domainId })).toEqual({
      RetCode: 0,
      Action: 'GetUcdnDomainPrefetchRefreshStateResponse',
      PrefetchQuota: 2,
      SubmitPrefetchCount: 2,
      RefreshFileQuota: 700,
      SubmitRefreshFile: 0,
      RefreshDirQuota: 20,
      SubmitRefreshDir: 0,
    })
  })

  it('is refused with 1204 sooner than the pacing interval after the previous one', async () => {
    use()
    expect(await call('PrefetchNewUcdnDomainCache', { UrlList: [`${DEMO}/1.js`] })).toMatchObject({
      RetCode: 0,
    })
    clock.advance(9_999)
    expect(await call('PrefetchNewUcdnDomainCache', { UrlList: [`${DEMO}/2.js`] })).toMatchObject({
      RetCode: CACHE_RET_CODES.submitTooSoon,
    })
    clock.advance(1)
    expect(await call('PrefetchNewUcdnDomainCache', { UrlList: [`${DEMO}/2.js`] })).toMatchObject({
      RetCode: 0,
    })
  })

  it.each([
    ['more than 1,000 URLs', Array.from({ length: 1_001 }, (_, i) => `${DEMO}/${i}.js`), 'UrlList'],
    ['a URL without a path', ['https://cdn.example.com'], 'UrlList.0'],
    ['a URL that is not http(s)', ['ftp://cdn.example.com/a.js'], 'UrlList.0'],
  ])('is refused with 230 for %s', async (_, urls, param) => {
    use()
    expect(await call('PrefetchNewUcdnDomainCache', { UrlList: urls })).toMatchObject({
      RetCode: 230,
      Message: expect.stringContaining(param),
    })
  })
})

describe('a refresh submit', () => {
  it('shows up in DescribeNewUcdnRefreshCacheTask with its Type, is done 5–15 s later, and is not paced', async () => {
    use()
    const file = await call('RefreshNewUcdnDomainCache', { Type: 'file', UrlList: [`${DEMO}/a.js`] })
    const dir = await call('RefreshNewUcdnDomainCache', { Type: 'dir', UrlList: [`${DEMO}/img/`] })
    expect([file.RetCode, dir.RetCode]).toEqual([0, 0])
    expect(await call('DescribeNewUcdnRefreshCacheTask')).toMatchObject({
      TotalCount: 2,
      TaskList: expect.arrayContaining([
        expect.objectContaining({ TaskId: dir.TaskId, Type: 'dir', Status: 'wait' }),
        expect.objectContaining({ TaskId: file.TaskId, Type: 'file' }),
      ]),
    })
    clock.advance(15_000)
    expect(await call('DescribeNewUcdnRefreshCacheTask', { Status: 'success' })).toMatchObject({
      TotalCount: 2,
    })
    expect(await call('DescribeNewUcdnPrefetchCacheTask')).toMatchObject({ TotalCount: 0 })
    expect(await call('GetUcdnDomainPrefetchRefreshState', { DomainId: DEMO_DOMAIN.domainId })).toMatchObject(
      {
        SubmitRefreshFile: 1,
        SubmitRefreshDir: 1,
      },
    )
  })

  it('is refused with 1203 past the directory quota, and with 230 for more than 100 URLs or a dir URL without /', async () => {
    use({ domains: [{ ...DEMO_DOMAIN, quota: { refreshDir: 1 } }] })
    const many = Array.from({ length: 101 }, (_, i) => `${DEMO}/${i}.js`)
    expect(await call('RefreshNewUcdnDomainCache', { Type: 'file', UrlList: many })).toMatchObject({
      RetCode: 230,
    })
    expect(await call('RefreshNewUcdnDomainCache', { Type: 'dir', UrlList: [`${DEMO}/css`] })).toMatchObject({
      RetCode: 230,
      Message: expect.stringContaining('must end with /'),
    })
    expect(await call('RefreshNewUcdnDomainCache', { Type: 'dir', UrlList: [`${DEMO}/a/`] })).toMatchObject({
      RetCode: 0,
    })
    expect(await call('RefreshNewUcdnDomainCache', { Type: 'dir', UrlList: [`${DEMO}/b/`] })).toMatchObject({
      RetCode: CACHE_RET_CODES.quotaExhausted,
    })
  })
})

describe('the domain actions', () => {
  it('answer 1205 for a DomainId the account does not have', async () => {
    use()
    for (const action of ['GetUcdnDomainPrefetchRefreshState', 'GetUcdnDomainPrefetchEnable'] as const) {
      expect(await call(action, { DomainId: 'ucdn-nope' })).toMatchObject({
        RetCode: CACHE_RET_CODES.domainNotFound,
      })
    }
    expect(await call('GetUcdnDomainPrefetchEnable', { DomainId: DEMO_DOMAIN.domainId })).toMatchObject({
      Enable: 1,
    })
  })
})

describe('the domain options', () => {
  it('are refused beside a backend of your own, and when malformed', () => {
    expect(() => createUcdnHandlers({ backend: createPrefetchBackend(), domains: [] })).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTION',
        message: expect.stringContaining('domains configures'),
      }),
    )
    expect(() => createUcdnHandlers({ domains: DEMO_DOMAIN as never })).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTION',
        message: expect.stringContaining('domains must be an array'),
      }),
    )
    expect(() => createUcdnHandlers({ prefetchIntervalMs: -1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    )
    expect(() => createUcdnHandlers({ domains: [{ domainId: 'x', host: 'https://x.example.com' }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_DOMAIN' }),
    )
  })
})
