// Small value formatters shared by the table, URL view, progress lines and summary.

/** `2026-01-31 08:00:00` in the given IANA zone (the process's when absent or unknown); `-` when absent. */
export function formatTimestamp(unixSeconds: number | undefined, timeZone?: string): string {
  if (unixSeconds === undefined || !Number.isFinite(unixSeconds) || unixSeconds <= 0) return '-'
  const parts = dateParts(new Date(unixSeconds * 1000), timeZone)
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`
}

/** `08:00:00`, for progress lines. */
export function formatClock(ms: number, timeZone?: string): string {
  const parts = dateParts(new Date(ms), timeZone)
  return `${parts.hour}:${parts.minute}:${parts.second}`
}

export function formatPercent(value: number): string {
  return `${Math.floor(value)}%`
}

type Part = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'

function dateParts(date: Date, timeZone: string | undefined): Record<Part, string> {
  const parts: Record<Part, string> = { year: '', month: '', day: '', hour: '', minute: '', second: '' }
  for (const part of formatter(timeZone).formatToParts(date)) {
    if (part.type in parts) parts[part.type as Part] = part.value
  }
  return parts
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? ''
  let cached = formatters.get(key)
  if (!cached) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }
    try {
      cached = new Intl.DateTimeFormat('en-US', { ...options, timeZone: timeZone || undefined })
    } catch {
      // An unknown TZ value: fall back to the process's zone rather than fail a listing over it.
      cached = new Intl.DateTimeFormat('en-US', options)
    }
    formatters.set(key, cached)
  }
  return cached
}

/** The zone times are shown in, for headers: `UTC`, `Asia/Singapore` (TZ when valid, else the process's). */
export function zoneName(timeZone?: string): string {
  return formatter(timeZone).resolvedOptions().timeZone
}

/** `12 s`, `3 min 05 s`, `1 h 02 min`: how long a watch has run. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  if (s < 60) return `${s} s`
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`
}
