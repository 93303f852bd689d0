/** A short, safe rendering of a bad value for error messages: `-1`, `"done"`, `an object` (never a large dump). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? 'a long string' : `"${value}"`
  if (value instanceof Date) return 'an invalid Date'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' && value !== null
    ? 'an object'
    : typeof value === 'function'
      ? 'a function'
      : String(value)
}
