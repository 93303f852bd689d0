import { UcdnClient } from '@scloud/ucdn'
import { describe, expect, it } from 'vitest'
import { cacheActionsOf } from './cache-actions.js'

const credentials = { publicKey: 'p', privateKey: 's' }

describe('cacheActionsOf', () => {
  it('calls the client’s own methods, on the client, with what it was given', async () => {
    const client = new UcdnClient({ credentials })
    const seen: unknown[] = []
    Object.assign(client, {
      prefetchUrls(this: unknown, urls: readonly string[], options: unknown) {
        seen.push(this, urls, options)
        return Promise.resolve({ taskIds: ['t1'] })
      },
      refreshUrls(this: unknown, urls: readonly string[], options: unknown) {
        seen.push(this, urls, options)
        return Promise.resolve({ taskIds: ['t2'] })
      },
    })
    const actions = cacheActionsOf(client)
    expect(await actions.prefetchUrls(['https://a/b'], { intervalMs: 0 })).toEqual({ taskIds: ['t1'] })
    expect(await actions.refreshUrls(['https://a/c/'], { type: 'dir' })).toEqual({ taskIds: ['t2'] })
    expect(seen).toEqual([
      client,
      ['https://a/b'],
      { intervalMs: 0 },
      client,
      ['https://a/c/'],
      { type: 'dir' },
    ])
  })
})
