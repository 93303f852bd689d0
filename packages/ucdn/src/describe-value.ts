/** A short, safe rendering of a bad value for error messages: `-1`, `"done"`, `an object` (never a large dump). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? 'a long string' : `"${value}"`
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : 'a Date'
  if (value instanceof Hidden) return value.value === null ? 'null' : `a ${typeof value.value}`
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' && value !== null
    ? 'an object'
    : typeof value === 'function'
      ? 'a function'
      : String(value)
}

/** A value never to be quoted in a message (it may be a secret, like a key passed as `credentials`): only its type. */
export class Hidden {
  constructor(readonly value: unknown) {}
}
