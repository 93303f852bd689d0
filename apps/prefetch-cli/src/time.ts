// --since/--until values: Unix seconds, ISO-8601, a duration meaning "that long ago", or `now`.
import { quote } from './printable.js'

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 } as const
const DURATION = /^(?:\d+[smhdw])+$/
const DURATION_PART = /(\d+)([smhdw])/g
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i
// Past this, a number is surely milliseconds (Unix seconds reach it in the year 5138).
const MAX_UNIX_SECONDS = 100_000_000_000

export const TIME_FORMATS =
  'Unix seconds, ISO-8601 (2026-01-31T08:00:00Z) or a duration ago (30m, 2h, 7d, 1h30m)'

/** Parses a time value into Unix seconds; `nowMs` anchors durations. Throws an Error saying what is wrong. */
export function parseTime(value: string, nowMs: number): number {
  const text = value.trim().toLowerCase()
  const nowSeconds = Math.floor(nowMs / 1000)
  if (text === 'now') return nowSeconds
  if (/^\d+$/.test(text)) {
    const seconds = Number(text)
    if (seconds >= MAX_UNIX_SECONDS)
      throw new Error(`${quote(value)} looks like milliseconds; give Unix seconds.`)
    return seconds
  }
  if (DURATION.test(text)) {
    // A duration reaching past 1970 is a mistake, not "from the beginning": say so rather than read it as 1970.
    const seconds = nowSeconds - parseDurationSeconds(text)
    if (!(seconds >= 0)) throw new Error(`${quote(value)} ago is before 1970; give a shorter duration.`)
    return seconds
  }
  const iso = ISO.exec(value.trim())
  if (iso) return parseIso(value.trim(), iso)
  throw new Error(`Cannot read ${quote(value)} as a time; use ${TIME_FORMATS}.`)
}

/** A length of time: seconds (`90`) or a duration (`30m`, `2h`, `1h30m`), in seconds. Throws when neither. */
export function parseDuration(value: string): number {
  const text = value.trim().toLowerCase()
  const seconds = /^\d+$/.test(text)
    ? Number(text)
    : DURATION.test(text)
      ? parseDurationSeconds(text)
      : Number.NaN
  if (Number.isNaN(seconds))
    throw new Error(`Cannot read ${quote(value)} as a length of time; use seconds or 30m, 2h, 1h30m.`)
  if (seconds <= 0) throw new Error('Give a length of time above 0.')
  // Past this the seconds are no longer exact, and Infinity would mean "no limit" where a limit was asked for.
  if (!Number.isSafeInteger(seconds)) throw new Error(`Give at most ${Number.MAX_SAFE_INTEGER} seconds.`)
  return seconds
}

/** `1h30m` → 5400. Only call on text matching DURATION. */
export function parseDurationSeconds(text: string): number {
  let total = 0
  for (const [, amount, unit] of text.matchAll(DURATION_PART)) {
    total += Number(amount) * UNIT_SECONDS[unit as keyof typeof UNIT_SECONDS]
  }
  return total
}

function parseIso(value: string, match: RegExpExecArray): number {
  const [, year, month, day, hour, minute, second] = match.map((part) =>
    part === undefined ? 0 : Number(part),
  )
  // Date.parse accepts 2026-02-30 (as March 2nd); an operator who typed it made a mistake.
  const daysInMonth = new Date(Date.UTC(year ?? 0, month ?? 0, 0)).getUTCDate()
  const valid =
    (month ?? 0) >= 1 &&
    (month ?? 0) <= 12 &&
    (day ?? 0) >= 1 &&
    (day ?? 0) <= daysInMonth &&
    (hour ?? 0) <= 23 &&
    (minute ?? 0) <= 59 &&
    (second ?? 0) <= 59
  const ms = valid ? Date.parse(value.replace(' ', 'T')) : Number.NaN
  if (Number.isNaN(ms)) throw new Error(`${quote(value)} is not a valid date and time.`)
  if (ms < 0) throw new Error(`${quote(value)} is before 1970.`)
  return Math.floor(ms / 1000)
}
