import { describe, expect, it } from 'vitest'
import { decodePrefetchQuery, encodePrefetchQuery } from './prefetch-query.js'

const NOW_MS = 1_767_225_600_000
const NOW = NOW_MS / 1000
const decode = (query: string) => decodePrefetchQuery(new URLSearchParams(query), NOW_MS)

describe('encodePrefetchQuery / decodePrefetchQuery', () => {
  it('round-trips the page’s filters', () => {
    const filters = { status: 'process' as const, since: NOW - 3_600, until: NOW }
    expect(decodePrefetchQuery(encodePrefetchQuery(filters), NOW_MS)).toEqual({ ok: true, filters })
    const all = { status: undefined, since: 5, until: 10 }
    expect(encodePrefetchQuery(all).toString()).toBe('since=5&until=10')
    expect(decodePrefetchQuery(encodePrefetchQuery(all), NOW_MS)).toEqual({ ok: true, filters: all })
  })

  it('defaults like the API: until now, since a day before until', () => {
    expect(decode('')).toEqual({ ok: true, filters: { status: undefined, since: NOW - 86_400, until: NOW } })
    expect(decode('until=100000')).toEqual({
      ok: true,
      filters: { status: undefined, since: 13_600, until: 100_000 },
    })
    expect(decode('status=')).toMatchObject({ ok: true, filters: { status: undefined } })
  })
})

describe('decodePrefetchQuery refuses, saying what to fix,', () => {
  it.each([
    ['status=done', /status must be one of success, wait, process, failure, unknow/],
    ['since=yesterday', /since must be a Unix time in whole seconds/],
    ['until=-5', /until must be a Unix time/],
    ['since=1.5', /since must be a Unix time/],
    [`since=${NOW_MS}`, /since must be a Unix time/], // milliseconds by mistake
    ['since=200&until=100', /since must be before until/],
    ['since=100&until=100', /since must be before until/],
    ['beginTime=5', /Unknown query parameter "beginTime": use status, since and until/],
    ['status=wait&status=process', /Give status at most once/],
  ])('%s', (query, message) => {
    const result = decode(query)
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.message).toMatch(message)
  })
})
