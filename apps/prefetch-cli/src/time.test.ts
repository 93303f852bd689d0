import { describe, expect, it } from 'vitest'
import { parseDuration, parseTime } from './time.js'

const NOW_MS = Date.UTC(2026, 0, 31, 12, 0, 0, 750) // 2026-01-31T12:00:00.750Z
const NOW = Math.floor(NOW_MS / 1000)

describe('parseTime', () => {
  it('reads Unix seconds as they are', () => {
    expect(parseTime('1700000000', NOW_MS)).toBe(1_700_000_000)
    expect(parseTime('0', NOW_MS)).toBe(0)
  })

  it('refuses millisecond timestamps with a hint', () => {
    expect(() => parseTime('1700000000000', NOW_MS)).toThrow(/milliseconds/)
  })

  it('reads durations as "that long ago"', () => {
    expect(parseTime('30s', NOW_MS)).toBe(NOW - 30)
    expect(parseTime('30m', NOW_MS)).toBe(NOW - 1800)
    expect(parseTime('2h', NOW_MS)).toBe(NOW - 7200)
    expect(parseTime('7d', NOW_MS)).toBe(NOW - 7 * 86_400)
    expect(parseTime('1w', NOW_MS)).toBe(NOW - 604_800)
    expect(parseTime('1h30m', NOW_MS)).toBe(NOW - 5400)
    expect(parseTime('2H', NOW_MS)).toBe(NOW - 7200)
  })

  it('refuses a duration reaching before 1970 instead of reading it as 1970', () => {
    expect(() => parseTime('100000w', NOW_MS)).toThrow(/"100000w" ago is before 1970/)
    expect(() => parseTime('99999999999999999999d', NOW_MS)).toThrow(/before 1970/)
  })

  it('reads now', () => {
    expect(parseTime('now', NOW_MS)).toBe(NOW)
  })

  it('reads ISO-8601 with Z, an offset, or a date alone (UTC midnight)', () => {
    expect(parseTime('2026-01-31T08:00:00Z', NOW_MS)).toBe(Date.UTC(2026, 0, 31, 8) / 1000)
    expect(parseTime('2026-01-31T08:00:00.5Z', NOW_MS)).toBe(Date.UTC(2026, 0, 31, 8) / 1000)
    expect(parseTime('2026-01-31T16:00+08:00', NOW_MS)).toBe(Date.UTC(2026, 0, 31, 8) / 1000)
    expect(parseTime('2026-01-31 16:00:00+0800', NOW_MS)).toBe(Date.UTC(2026, 0, 31, 8) / 1000)
    expect(parseTime('2026-01-31', NOW_MS)).toBe(Date.UTC(2026, 0, 31) / 1000)
  })

  it('reads an ISO date-time without offset as local time', () => {
    expect(parseTime('2026-01-31T08:00', NOW_MS)).toBe(new Date(2026, 0, 31, 8).getTime() / 1000)
  })

  it.each([
    ['2026-02-30', /not a valid date/],
    ['2026-13-01', /not a valid date/],
    ['2026-01-01T24:00Z', /not a valid date/],
    ['yesterday', /Cannot read "yesterday" as a time/],
    ['-5m', /Cannot read/],
    ['2h ago', /Cannot read/],
    ['', /Cannot read/],
    ['1.5h', /Cannot read/],
  ])('rejects %j', (value, message) => {
    expect(() => parseTime(value, NOW_MS)).toThrow(message)
  })
})

describe('parseDuration', () => {
  it('reads seconds and durations', () => {
    expect(parseDuration('90')).toBe(90)
    expect(parseDuration('30m')).toBe(1800)
    expect(parseDuration('1h30m')).toBe(5400)
  })

  it.each(['0', '0m', 'soon', '-1', '1.5h'])('rejects %j', (value) => {
    expect(() => parseDuration(value)).toThrow()
  })

  it('rejects a length too long to be exact, rather than read it as forever', () => {
    expect(parseDuration(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER)
    expect(() => parseDuration('9007199254740992')).toThrow(/Give at most 9007199254740991 seconds/)
    expect(() => parseDuration('9'.repeat(400))).toThrow(/Give at most/)
    expect(() => parseDuration('999999999999999w')).toThrow(/Give at most/)
  })
})

describe('messages', () => {
  it('quote the value escaped and cut short', () => {
    expect(() => parseTime('now\nforged', NOW_MS)).toThrow('Cannot read "now\\nforged" as a time')
    expect(() => parseTime('x'.repeat(1_000_000), NOW_MS)).toThrow(/^Cannot read "x{39}…" as a time/)
    expect(() => parseTime('9'.repeat(1_000_000), NOW_MS)).toThrow(/^"9{39}…" looks like milliseconds/)
    expect(() => parseDuration('\u001b[2J')).toThrow('Cannot read "\\x1b[2J" as a length of time')
  })
})
