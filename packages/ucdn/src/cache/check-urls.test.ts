import { PrefetchNewUcdnDomainCache, RefreshNewUcdnDomainCache } from '@scloud/ucdn-client'
import { operationSchemas } from '@scloud/ucdn-client/schemas'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isUcdnError, type UcdnError } from '../errors.js'
import { checkUrls, urlProblem } from './check-urls.js'
import { urlListRules } from './url-list-rules.js'

const { pattern } = urlListRules(PrefetchNewUcdnDomainCache)
const rules = { pattern }
const refused = (run: () => unknown): UcdnError => {
  try {
    run()
  } catch (error) {
    if (isUcdnError(error)) return error
    throw error
  }
  throw new Error('expected a refusal')
}

describe('urlProblem', () => {
  it.each([
    'https://cdn.example.com/a.js',
    'http://cdn.example.com/',
    'HTTPS://CDN.example.com/a/b.css?v=1',
    'https://cdn.example.com:8443/img/%E4%B8%AD.png',
    'https://cdn.example.com/中文.png',
  ])('accepts %s', (url) => {
    expect(urlProblem(url, rules)).toBeUndefined()
  })

  it.each([
    [42, 'not a string'],
    ['', 'not an absolute URL'],
    ['cdn.example.com/a.js', 'not an absolute URL'],
    ['/a.js', 'not an absolute URL'],
    ['ftp://cdn.example.com/a.js', 'not http or https'],
    ['file:///etc/passwd', 'not http or https'],
    ['https://cdn.example.com', 'no path after the host'],
    ['https://cdn.example.com?x=1', 'no path after the host'],
    ['https:/cdn.example.com/a', 'no path after the host'],
    ['https://cdn.example.com/a b.js', 'has a space or control character'],
    [' https://cdn.example.com/a.js', 'has a space or control character'],
    ['https://cdn.example.com/a\n.js', 'has a space or control character'],
    ['https://cdn.example.com/\uD800.js', 'is not well-formed Unicode'],
  ])('refuses %j: %s', (url, problem) => {
    expect(urlProblem(url, rules)).toBe(problem)
  })

  it('asks a dir refresh URL to end with /', () => {
    expect(urlProblem('https://cdn.example.com/img', { pattern, dir: true })).toBe(
      'a dir refresh URL must end with /',
    )
    expect(urlProblem('https://cdn.example.com/img/', { pattern, dir: true })).toBeUndefined()
  })

  it('never lets through a URL the spec (the API) refuses', () => {
    const item = (operationSchemas.PrefetchNewUcdnDomainCache.request as unknown as ItemShape)._zod.def.shape
      .UrlList._zod.def.element
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()),
        (url) => {
          if (urlProblem(url, rules) === undefined) expect(item.safeParse(url).success).toBe(true)
        },
      ),
      { numRuns: 2000 },
    )
  })
})
type ItemShape = {
  _zod: {
    def: {
      shape: { UrlList: { _zod: { def: { element: { safeParse(v: unknown): { success: boolean } } } } } }
    }
  }
}

describe('checkUrls', () => {
  it('keeps each URL once, in the order first given', () => {
    const a = 'https://cdn.example.com/a'
    const b = 'https://cdn.example.com/b'
    expect(checkUrls([a, b, a, b, a], { method: 'm', pattern })).toEqual([a, b])
  })

  it.each([[[]], [undefined], ['https://cdn.example.com/a']])('refuses %j: not a non-empty array', (urls) => {
    const error = refused(() => checkUrls(urls as unknown as string[], { method: 'prefetchUrls', pattern }))
    expect(error).toMatchObject({ code: 'INVALID_INPUT', source: 'input', field: 'urls' })
    expect(error.message).toBe('prefetchUrls: urls must be a non-empty array of URLs.')
  })

  it('refuses the whole list for one bad URL, quoting the first three and counting the rest', () => {
    const good = Array.from({ length: 10 }, (_, i) => `https://cdn.example.com/${i}`)
    const bad = ['ftp://x/a', 'https://x', 'no', 'https://x/a b', 'mailto:a@b']
    const error = refused(() => checkUrls([...good, ...bad], { method: 'prefetchUrls', pattern }))
    expect(error).toMatchObject({ code: 'INVALID_INPUT', source: 'input', field: 'urls', retryable: false })
    expect(error.message).toBe(
      'prefetchUrls: 5 of 15 URLs cannot be submitted: "ftp://x/a" (not http or https), "https://x" (no path after the host), "no" (not an absolute URL) and 2 more; nothing was sent.',
    )
  })

  it('shortens a long bad URL in the message', () => {
    const long = `ftp://cdn.example.com/${'a'.repeat(200)}`
    const error = refused(() => checkUrls([long], { method: 'm', pattern }))
    expect(error.message).toContain(`"${long.slice(0, 77)}..." (not http or https)`)
    expect(error.message.length).toBeLessThan(200)
  })

  it('takes the refresh pattern as well', () => {
    const refresh = urlListRules(RefreshNewUcdnDomainCache)
    expect(checkUrls(['https://cdn.example.com/d/'], { method: 'm', ...refresh, dir: true })).toHaveLength(1)
  })
})
