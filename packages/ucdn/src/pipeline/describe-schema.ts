// What a value must be, read off the generated zod schema itself ("an integer ≥ 0", "one of success, wait"), so an
// INVALID_INPUT message for any action of the spec is written without a hand-typed rule per field.
import type * as z from 'zod/mini'

type Schema = z.core.$ZodType
type Def = {
  readonly type: string
  readonly innerType?: Schema
  readonly element?: Schema
  readonly entries?: Readonly<Record<string, string | number>>
  readonly options?: readonly Schema[]
  readonly values?: readonly unknown[]
  readonly format?: string
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[]
}
type CheckDef = {
  readonly check: string
  readonly minimum?: number
  readonly maximum?: number
  readonly length?: number
  readonly value?: number
  readonly inclusive?: boolean
  readonly format?: string
  readonly pattern?: RegExp
}
type Bounds = {
  minimum?: number | undefined
  maximum?: number | undefined
  exclusiveMinimum?: boolean
  exclusiveMaximum?: boolean
  pattern?: RegExp
  integer?: boolean
}

/** "a non-empty string", "an integer from 0 to 99999999999", "an array of non-empty strings (1 to 1000 items)". */
export function describeSchema(schema: Schema): string {
  const def = schema._zod.def as unknown as Def
  const bag = boundsOf(def)
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      return def.innerType ? describeSchema(def.innerType) : 'valid'
    case 'string': {
      const { minimum: min, maximum: max } = bag
      const pattern = bag.pattern
      const noun = min === 1 && max === undefined ? 'a non-empty string' : 'a string'
      const length = min === 1 && max === undefined ? '' : range(min, max, ' characters')
      return `${noun}${length ? ` of ${length}` : ''}${pattern ? ` matching ${pattern}` : ''}`
    }
    case 'number':
    case 'bigint': {
      const noun = bag.integer ? 'an integer' : 'a number'
      if (bag.exclusiveMinimum || bag.exclusiveMaximum) {
        const lo = bag.minimum === undefined ? '' : ` ${bag.exclusiveMinimum ? '>' : '≥'} ${bag.minimum}`
        const hi = bag.maximum === undefined ? '' : ` ${bag.exclusiveMaximum ? '<' : '≤'} ${bag.maximum}`
        return `${noun}${lo}${lo && hi ? ' and' : ''}${hi}`
      }
      return `${noun}${range(bag.minimum, bag.maximum, '')}`
    }
    case 'boolean':
      return 'a boolean'
    case 'enum':
      return `one of ${Object.values(def.entries ?? {}).join(', ')}`
    case 'literal':
      return (def.values ?? []).map((v) => JSON.stringify(v)).join(' or ')
    case 'union':
      return (def.options ?? []).map(describeSchema).join(' or ')
    case 'array': {
      const items = range(bag.minimum, bag.maximum, ' items')
      const element = def.element ? plural(describeSchema(def.element)) : 'values'
      return `an array of ${element}${items ? ` (${items})` : ''}`
    }
    default:
      return 'valid'
  }
}

/** Bounds of the integer formats zod keeps in `format`, not in checks. */
const FORMAT_BOUNDS: Readonly<Record<string, readonly [number, number]>> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
}

/**
 * The bounds zod/mini keeps as checks (its `bag` stays empty until a parse fills it). An exclusive bound of an
 * integer becomes the inclusive one next to it; of a number it stays exclusive (`< 1`).
 */
function boundsOf(def: Def): Bounds {
  const integer = def.format !== undefined && /int/.test(def.format)
  const [formatMin, formatMax] = FORMAT_BOUNDS[def.format ?? ''] ?? []
  const bounds: Bounds = { minimum: formatMin, maximum: formatMax, integer }
  for (const check of def.checks ?? []) {
    const c = check._zod.def
    if (c.check === 'min_length') bounds.minimum = c.minimum
    else if (c.check === 'max_length') bounds.maximum = c.maximum
    else if (c.check === 'length_equals') bounds.minimum = bounds.maximum = c.length
    else if (c.check === 'greater_than' && c.value !== undefined) {
      bounds.minimum = c.inclusive || !integer ? c.value : c.value + 1
      bounds.exclusiveMinimum = !c.inclusive && !integer
    } else if (c.check === 'less_than' && c.value !== undefined) {
      bounds.maximum = c.inclusive || !integer ? c.value : c.value - 1
      bounds.exclusiveMaximum = !c.inclusive && !integer
    } else if (c.check === 'string_format' && c.pattern) bounds.pattern = c.pattern
  }
  return bounds
}

/** The schema of one parameter or, with `index`, of one element of an array parameter. */
export function fieldSchema(object: Schema, wire: string, index: boolean): Schema | undefined {
  const shape = (object._zod.def as unknown as { shape?: Record<string, Schema> }).shape
  let schema = shape?.[wire]
  if (schema !== undefined && index) {
    let def = schema._zod.def as unknown as Def
    while (def.innerType !== undefined) def = def.innerType._zod.def as unknown as Def
    schema = def.element
  }
  return schema
}

function range(min: number | undefined, max: number | undefined, unit: string): string {
  // z.int()'s implicit safe-integer bounds say nothing a reader needs.
  const lo = min !== undefined && Math.abs(min) < Number.MAX_SAFE_INTEGER ? min : undefined
  const hi = max !== undefined && Math.abs(max) < Number.MAX_SAFE_INTEGER ? max : undefined
  if (lo !== undefined && hi !== undefined) return unit ? `${lo} to ${hi}${unit}` : ` from ${lo} to ${hi}`
  if (lo !== undefined) return unit ? `at least ${lo}${unit}` : ` ≥ ${lo}`
  if (hi !== undefined) return unit ? `at most ${hi}${unit}` : ` ≤ ${hi}`
  return ''
}

/** "a non-empty string" → "non-empty strings"; "one of a, b" → "values, each one of a, b". */
function plural(description: string): string {
  if (description.startsWith('one of')) return `values, each ${description}`
  const bare = description.replace(/^an? /, '')
  return bare.replace(/\b(string|integer|number|boolean|array)\b/, '$1s')
}
