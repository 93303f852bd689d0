/** What one option must be: a phrase for messages (`'a non-empty string'`) and the test of a value. */
export type OptionRule = readonly [what: string, ok: (value: unknown) => boolean]

/** How {@link checkOptions} checks one options object and what it throws. */
export interface OptionsSpec {
  /** Who takes the options, first in every message: `'fromSharedFile'`, `'UcdnClient'`. */
  readonly owner: string
  /** Every option and its rule; any other name (a misspelt or inherited one) is refused as unknown. */
  readonly rules: Readonly<Record<string, OptionRule>>
  /**
   * Makes the error to throw, of the caller's own type: `(message, field) => new UcdnError(…)`. `field` is the
   * option at fault as the caller wrote it (`retry.maxDelayMs` with `parent: 'retry'`), undefined when the
   * options themselves are not an object.
   */
  readonly error: (message: string, field: string | undefined) => Error
  /** Where these options sit inside the caller's options (`'retry'`): prefixes `field` and messages. */
  readonly parent?: string | undefined
  /**
   * Options whose values are never quoted, only their type (`credentials`: a key passed by mistake must not reach
   * a log); `true` for every option. Other values are quoted briefly (`-1`, `"8080"`, `an object`).
   */
  readonly secret?: boolean | readonly string[] | undefined
}

/**
 * Checks an options object (or undefined) at once, so a wrong option fails where it is given, naming it, rather
 * than being ignored or failing later: an object, only the names `rules` lists (own names: `constructor` or
 * `__proto__` are unknown too, and inherited enumerable ones are checked like own ones), each value undefined or
 * as its rule says. Returns `options`. Messages are one sentence: `UcdnClient: unknown option "timeout" (known:
 * …).`, `fromSharedFile: profile must be a string, got a number.`
 *
 * @throws what `spec.error` makes, for the first option at fault.
 */
export function checkOptions<T>(options: T, spec: OptionsSpec): T {
  if (options === undefined) return options
  const { owner, rules, error, parent } = spec
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    const where = parent === undefined ? `${owner} options` : `${owner}: ${parent}`
    throw error(`${where} must be an object, got ${describeType(options)}.`, parent)
  }
  // for…in, not Object.keys: an inherited enumerable option is read by the caller like an own one.
  for (const key in options) {
    const field = parent === undefined ? key : `${parent}.${key}`
    const rule = Object.hasOwn(rules, key) ? rules[key] : undefined
    if (rule === undefined) {
      const known = Object.keys(rules).map((name) => (parent === undefined ? name : `${parent}.${name}`))
      throw error(`${owner}: unknown option ${quoteName(field)} (known: ${known.join(', ')}).`, field)
    }
    const value: unknown = (options as Record<string, unknown>)[key]
    if (value === undefined || rule[1](value)) continue
    const shown = isSecret(spec.secret, key) ? describeType(value) : describeValue(value)
    throw error(`${owner}: ${field} must be ${rule[0]}, got ${shown}.`, field)
  }
  return options
}

/** A value's kind for a message, never its content: `a string`, `an array`, `null`. */
export function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  const type = typeof value
  return type === 'undefined' ? 'undefined' : `${type === 'object' ? 'an' : 'a'} ${type}`
}

/** A value for a message, briefly: numbers and booleans as they are, short strings quoted, the rest by kind. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? 'a long string' : JSON.stringify(value)
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value)
  if (value instanceof Date) return 'a Date'
  return describeType(value)
}

/** An option name as given, JSON-quoted (a line break or a terminal escape in it cannot forge a log line), cut. */
function quoteName(name: string): string {
  return JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name)
}

function isSecret(secret: OptionsSpec['secret'], key: string): boolean {
  return secret === true || (Array.isArray(secret) && secret.includes(key))
}
