import { UcdnClient } from '@scloud/ucdn'
import { describe, expect, it } from 'vitest'
import { CacheActionUnavailableError, cacheActionsOf } from './cache-actions.js'

const credentials = { publicKey: 'p', privateKey: 's' }

describe('cacheActionsOf', () => {
  it('calls the client’s own methods, bound to it, when it has them', async () => {
    const client = new UcdnClient({ credentials })
    const seen: unknown[] = []
    Object.assign(client, {
      prefetchUrls(this: unknown, urls: readonly string[]) {
        seen.push(this, urls)
        return Promise.resolve({ taskIds: ['t1'] })
      },
    })
    expect(await cacheActionsOf(client).prefetchUrls(['https://a/b'])).toEqual({ taskIds: ['t1'] })
    expect(seen).toEqual([client, ['https://a/b']])
  })

  it('fails naming the method when the installed SDK lacks it', async () => {
    const client = new UcdnClient({ credentials })
    Object.assign(client, {
      prefetchUrls: undefined,
      refreshUrls: undefined,
      paginateRefreshTasks: undefined,
    })
    const actions = cacheActionsOf(client)
    await expect(actions.refreshUrls(['https://a/b'])).rejects.toBeInstanceOf(CacheActionUnavailableError)
    await expect(actions.prefetchUrls(['https://a/b'])).rejects.toThrow(/no prefetchUrls\(\)/)
    const pages = actions.paginateRefreshTasks()[Symbol.asyncIterator]()
    await expect(pages.next()).rejects.toThrow(/no paginateRefreshTasks\(\)/)
  })
})
