import type { AnyOperation } from '@scloud/ucdn-client'
import { describe, expect, it } from 'vitest'
import { getCacheQuota, isPrefetchEnabled } from './cache-quota.js'
import type { CacheSend } from './types.js'

/** A send answering `answer` (plus a request id) and recording what it was asked. */
function fakeSend(answer: Record<string, unknown>) {
  const calls: { action: string; params: unknown; signal: AbortSignal | undefined }[] = []
  const send = (async (operation: AnyOperation, params: unknown, options: { signal?: AbortSignal }) => {
    calls.push({ action: operation.action, params, signal: options.signal })
    return { retCode: 0, action: `${operation.action}Response`, ...answer, requestId: 'req-1' }
  }) as unknown as CacheSend
  return { send, calls }
}

describe('getCacheQuota', () => {
  it('maps the answer to camelCase fields, with the request id', async () => {
    const { send, calls } = fakeSend({
      prefetchQuota: 1000,
      submitPrefetchCount: 12,
      refreshFileQuota: 700,
      submitRefreshFile: 3,
      refreshDirQuota: 20,
      submitRefreshDir: 0,
    })
    const signal = new AbortController().signal
    await expect(getCacheQuota(send, 'ucdn-demo01', { signal, projectId: 'org-1' })).resolves.toEqual({
      prefetchQuota: 1000,
      submitPrefetchCount: 12,
      refreshFileQuota: 700,
      submitRefreshFile: 3,
      refreshDirQuota: 20,
      submitRefreshDir: 0,
      requestId: 'req-1',
    })
    expect(calls).toEqual([
      {
        action: 'GetUcdnDomainPrefetchRefreshState',
        params: { domainId: 'ucdn-demo01', projectId: 'org-1' },
        signal,
      },
    ])
  })

  it('leaves out the fields the API omits', async () => {
    const { send } = fakeSend({ prefetchQuota: 5 })
    await expect(getCacheQuota(send, 'd', undefined)).resolves.toEqual({
      prefetchQuota: 5,
      requestId: 'req-1',
    })
  })

  it.each([[''], ['  '], [undefined], [42]])('refuses domainId %j, sending nothing', async (domainId) => {
    const { send, calls } = fakeSend({})
    await expect(getCacheQuota(send, domainId as never, {})).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'domainId',
      message: 'getCacheQuota: domainId must be a non-empty string, such as "ucdn-0331qd".',
    })
    expect(calls).toEqual([])
  })

  it('refuses an unknown option', async () => {
    const { send } = fakeSend({})
    await expect(getCacheQuota(send, 'd', { timeout: 1 } as never)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'timeout',
    })
  })
})

describe('isPrefetchEnabled', () => {
  it.each([
    [1, true],
    [0, false],
  ])('answers Enable %j as %j', async (enable, expected) => {
    const { send, calls } = fakeSend({ enable })
    await expect(isPrefetchEnabled(send, 'ucdn-demo01', undefined)).resolves.toBe(expected)
    expect(calls.map((c) => [c.action, c.params])).toEqual([
      ['GetUcdnDomainPrefetchEnable', { domainId: 'ucdn-demo01' }],
    ])
  })

  it.each([[2], [-1], [undefined]])(
    'fails INVALID_RESPONSE on Enable %j rather than guess',
    async (enable) => {
      const { send } = fakeSend({ enable })
      await expect(isPrefetchEnabled(send, 'd', {})).rejects.toMatchObject({
        code: 'INVALID_RESPONSE',
        source: 'response',
        action: 'GetUcdnDomainPrefetchEnable',
        requestId: 'req-1',
        message: `GetUcdnDomainPrefetchEnable answered Enable ${enable ?? 'missing'}, not 0 or 1 (request id req-1); report it to SCloud support.`,
      })
    },
  )

  it('refuses a bad projectId naming it', async () => {
    const { send } = fakeSend({ enable: 1 })
    await expect(isPrefetchEnabled(send, 'd', { projectId: '' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'projectId',
    })
  })
})
