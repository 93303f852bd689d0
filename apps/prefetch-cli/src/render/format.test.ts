import { describe, expect, it } from 'vitest'
import { formatClock, formatPercent, formatTimestamp } from './format.js'

describe('formatPercent', () => {
  it('rounds down, so 100% means finished', () => {
    expect(formatPercent(99.6)).toBe('99%')
    expect(formatPercent(100)).toBe('100%')
    expect(formatPercent(0)).toBe('0%')
  })
})

describe('formatTimestamp', () => {
  it('reads Unix seconds in the given zone, - when absent or zero', () => {
    expect(formatTimestamp(1_769_846_400, 'UTC')).toBe('2026-01-31 08:00:00')
    expect(formatTimestamp(1_769_846_400, 'America/New_York')).toBe('2026-01-31 03:00:00')
    expect(formatTimestamp(undefined, 'UTC')).toBe('-')
    expect(formatTimestamp(0, 'UTC')).toBe('-')
  })

  it('falls back to the process zone for an unknown TZ instead of failing', () => {
    expect(formatTimestamp(1_769_846_400, 'Mars/Olympus')).toMatch(/^2026-01-3\d \d\d:00:00$/)
  })
})

describe('formatClock', () => {
  it('shows the time of day', () => {
    expect(formatClock(Date.UTC(2026, 0, 31, 8, 5, 9), 'UTC')).toBe('08:05:09')
  })
})
