import { operations } from '@scloud/ucdn-client/schemas'
import { describe, expect, it } from 'vitest'
import { CACHE_RET_CODES } from './cache-ret-codes.js'

describe('CACHE_RET_CODES', () => {
  it('is the spec’s x-scloud-ret-codes: every code some action lists, and no other', () => {
    const inSpec = new Set(Object.values(operations).flatMap((operation) => Object.keys(operation.retCodes)))
    expect([...inSpec].map(Number).sort()).toEqual(Object.values(CACHE_RET_CODES).sort())
  })

  it('lists 1204 (pacing) for the prefetch submit only, and 1205 for the domain actions only', () => {
    const listing = (code: number) =>
      Object.values(operations)
        .filter((operation) => Object.hasOwn(operation.retCodes, code))
        .map((operation) => operation.action)
        .sort()
    expect(listing(CACHE_RET_CODES.submitTooSoon)).toEqual(['PrefetchNewUcdnDomainCache'])
    expect(listing(CACHE_RET_CODES.prefetchDisabled)).toEqual(['PrefetchNewUcdnDomainCache'])
    expect(listing(CACHE_RET_CODES.domainNotFound)).toEqual([
      'GetUcdnDomainPrefetchEnable',
      'GetUcdnDomainPrefetchRefreshState',
    ])
  })
})
