import {
  DescribeNewUcdnPrefetchCacheTask,
  PrefetchNewUcdnDomainCache,
  RefreshNewUcdnDomainCache,
} from '@scloud/ucdn-client'
import { describe, expect, it } from 'vitest'
import { urlListRules } from './url-list-rules.js'

describe('urlListRules', () => {
  it("reads the per-call limits off the spec's schemas: 1,000 URLs a prefetch, 100 a refresh", () => {
    expect(urlListRules(PrefetchNewUcdnDomainCache).maxItems).toBe(1000)
    expect(urlListRules(RefreshNewUcdnDomainCache).maxItems).toBe(100)
  })

  it("reads the spec's URL pattern", () => {
    const { pattern } = urlListRules(PrefetchNewUcdnDomainCache)
    expect(pattern.test('http://a.example.com/x')).toBe(true)
    expect(pattern.test('http://a.example.com')).toBe(false)
  })

  it('fails naming the action when the spec gives no UrlList', () => {
    expect(() => urlListRules(DescribeNewUcdnPrefetchCacheTask)).toThrow(
      'DescribeNewUcdnPrefetchCacheTask: the spec gives UrlList no maxItems or item pattern.',
    )
  })
})
