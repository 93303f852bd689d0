/** The longest piece of the caller's input a message quotes; the rest is cut and marked with "…". */
export const MAX_QUOTED = 80

/** `text` quoted for a message: JSON-escaped (no line breaks or control characters) and cut to {@link MAX_QUOTED}. */
export function quote(text: string): string {
  // Cut before escaping, at a code point boundary, so an escape or a surrogate pair is never split.
  const points = Array.from(text)
  return points.length > MAX_QUOTED
    ? `${JSON.stringify(points.slice(0, MAX_QUOTED).join('')).slice(0, -1)}…"`
    : JSON.stringify(text)
}

/** Up to `max` items of a list for a message, each quoted, and how many more there are. */
export function quoteList(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).map(quote).join(', ')
  return items.length > max ? `${shown} and ${items.length - max} more` : shown
}

/** A short, safe rendering of a bad value for error messages: `-1`, `"done"`, `an object` (never a large dump). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return quote(value)
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : 'a Date'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' && value !== null
    ? 'an object'
    : typeof value === 'function'
      ? 'a function'
      : String(value)
}
