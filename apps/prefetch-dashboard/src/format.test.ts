import { describe, expect, it } from 'vitest'
import { createTimeFormatter, formatPercent, hasTime, isoTime, plural, wholePercent } from './format.js'

describe('formatPercent', () => {
  it('rounds down so that only a finished bar says 100 %', () => {
    expect(formatPercent(99.6)).toBe('99 %')
    expect(formatPercent(100)).toBe('100 %')
    expect(formatPercent(0)).toBe('0 %')
  })

  it('clamps junk to 0–100', () => {
    expect(wholePercent(Number.NaN)).toBe(0)
    expect(wholePercent(-5)).toBe(0)
    expect(wholePercent(250)).toBe(100)
    expect(wholePercent(Number.POSITIVE_INFINITY)).toBe(0)
  })
})

describe('times', () => {
  it('formats Unix seconds in the given locale and zone', () => {
    const format = createTimeFormatter('en-GB', 'UTC')
    expect(format(1_767_225_600)).toBe('1 Jan 2026, 00:00:00')
  })

  it('treats 0 and missing as "not yet"', () => {
    expect(hasTime(undefined)).toBe(false)
    expect(hasTime(0)).toBe(false)
    expect(hasTime(Number.NaN)).toBe(false)
    expect(hasTime(1)).toBe(true)
  })

  it('gives <time datetime> an ISO instant', () => {
    expect(isoTime(1_767_225_600)).toBe('2026-01-01T00:00:00.000Z')
  })
})

describe('plural', () => {
  it('counts in words', () => {
    expect(plural(1, 'task')).toBe('1 task')
    expect(plural(0, 'task')).toBe('0 tasks')
    expect(plural(2, 'URL')).toBe('2 URLs')
  })
})
