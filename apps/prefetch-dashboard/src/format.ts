/** Shown where a value is missing (a URL not finished yet, a task without a creation time). */
export const MISSING = '—'

/** Formats Unix seconds for people; injected so tests pin the locale and time zone. */
export type TimeFormatter = (unixSeconds: number) => string

/** A {@link TimeFormatter} over `Intl.DateTimeFormat` (the browser's locale and zone unless given). */
export function createTimeFormatter(locale?: string, timeZone?: string): TimeFormatter {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone })
  return (unixSeconds) => format.format(unixSeconds * 1000)
}

/** True for a usable Unix time: the API sends 0 or nothing for "not yet". */
export function hasTime(unixSeconds: number | undefined): unixSeconds is number {
  return unixSeconds !== undefined && Number.isFinite(unixSeconds) && unixSeconds > 0
}

/** The `datetime` attribute of a `<time>`: ISO 8601 in UTC. */
export function isoTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString()
}

/** A whole percent for people: 99.6 shows as 99, never 100, so "100 %" only ever means finished. */
export function formatPercent(percent: number): string {
  return `${wholePercent(percent)} %`
}

/** 0–100, rounded down; NaN and the like count 0. */
export function wholePercent(percent: number): number {
  if (!Number.isFinite(percent)) return 0
  return Math.min(100, Math.max(0, Math.floor(percent)))
}

/** "3 tasks", "1 task". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`
}
