import { describe, expect, it } from 'vitest'
import { checkUrls, decodeSubmitBody, SUBMIT_LIMITS } from './submit-request.js'

describe('checkUrls', () => {
  it('keeps good URLs in order, skips blank lines and drops repeats', () => {
    expect(
      checkUrls(
        ['https://cdn.example.com/a.js', '', '  http://cdn.example.com/b/  ', 'https://cdn.example.com/a.js'],
        'prefetch',
      ),
    ).toEqual({
      ok: true,
      urls: ['https://cdn.example.com/a.js', 'http://cdn.example.com/b/'],
      duplicates: 1,
    })
  })

  it('names each bad line with its number and what is wrong, and submits nothing', () => {
    const checked = checkUrls(
      [
        'ftp://cdn.example.com/a',
        'https://cdn.example.com',
        'https://cdn.example.com/a b',
        'https://cdn.example.com/ok.js',
      ],
      'prefetch',
    )
    expect(checked).toEqual({
      ok: false,
      message: '3 lines are not a URL the API accepts; nothing was submitted.',
      problems: [
        { line: 1, url: 'ftp://cdn.example.com/a', problem: 'must start with http:// or https://' },
        {
          line: 2,
          url: 'https://cdn.example.com',
          problem: 'needs a host and a path (like https://cdn.example.com/app.js), no spaces',
        },
        {
          line: 3,
          url: 'https://cdn.example.com/a b',
          problem: 'needs a host and a path (like https://cdn.example.com/app.js), no spaces',
        },
      ],
    })
  })

  it('wants a trailing slash for a directory refresh only', () => {
    expect(checkUrls(['https://cdn.example.com/img'], 'refresh', 'dir')).toMatchObject({
      ok: false,
      problems: [{ line: 1, problem: 'a directory refresh needs a URL ending in "/"' }],
    })
    expect(checkUrls(['https://cdn.example.com/img'], 'refresh', 'file').ok).toBe(true)
  })

  it('refuses an empty list and one over the per-call limit', () => {
    expect(checkUrls(['', ' '], 'refresh')).toEqual({
      ok: false,
      message: 'Give at least one URL, one per line.',
      problems: [],
    })
    const many = Array.from({ length: SUBMIT_LIMITS.refresh + 1 }, (_, i) => `https://cdn.example.com/${i}`)
    expect(checkUrls(many, 'refresh')).toMatchObject({
      ok: false,
      message: 'At most 100 URLs per refresh, got 101: split the list.',
    })
    expect(checkUrls(many, 'prefetch').ok).toBe(true)
  })
})

describe('decodeSubmitBody', () => {
  it('reads urls, and the refresh type with file as the default', () => {
    expect(decodeSubmitBody('refresh', { urls: ['https://c.example/d/'], type: 'dir' })).toEqual({
      ok: true,
      request: { kind: 'refresh', type: 'dir', urls: ['https://c.example/d/'] },
    })
    expect(decodeSubmitBody('refresh', { urls: ['https://c.example/a'] })).toMatchObject({
      request: { type: 'file' },
    })
    expect(decodeSubmitBody('prefetch', { urls: ['https://c.example/a'] })).toEqual({
      ok: true,
      request: { kind: 'prefetch', urls: ['https://c.example/a'] },
    })
  })

  it('refuses other shapes with one sentence', () => {
    expect(decodeSubmitBody('prefetch', [])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Send a JSON object/),
    })
    expect(decodeSubmitBody('prefetch', { urls: 'x' })).toMatchObject({
      message: 'urls must be an array of strings.',
    })
    expect(decodeSubmitBody('prefetch', { urls: [], type: 'dir' })).toMatchObject({
      message: 'Unknown field "type": send urls.',
    })
    expect(decodeSubmitBody('refresh', { urls: ['https://c.example/a'], type: 'all' })).toMatchObject({
      message: 'type must be one of file, dir, m3u8.',
    })
  })
})
