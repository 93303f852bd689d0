import type { ParamProblem } from './param-problem.js'
import { isJsonNumber } from './read-json.js'
import type { ParamsEncoding, ReceivedParams } from './read-params.js'
import type { WireScalar, WireValue } from './wire-value.js'

/** The wire type of each parameter of an operation, `Action` included (from the descriptor's field table). */
export function wireTypesOf(operation: {
  readonly fields: readonly { readonly wire: string; readonly type: string }[]
}): Readonly<Record<string, string>> {
  return Object.fromEntries([['Action', 'string'], ...operation.fields.map((f) => [f.wire, f.type])])
}

/** The wire types an operation's field table can name. */
export const SUPPORTED_WIRE_TYPES: ReadonlySet<string> = new Set(
  ['string', 'integer', 'number', 'boolean'].flatMap((t) => [t, `${t}[]`]),
)

export type DecodeResult =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly problem: ParamProblem }

const INDEX = /^(?:0|[1-9][0-9]*)$/
const INTEGER = /^-?[0-9]+$/
const DECIMAL = /^-?[0-9]+(?:\.[0-9]+)?$/
/** A JSON integer as written: no fraction, no exponent (`1e2` and `1.0` are not). */
const JSON_INTEGER = /^-?(?:0|[1-9][0-9]*)$/

/**
 * Turns received parameters (flattened names, strings from a query or form, typed values from JSON) into the
 * logical parameters the request schema validates: `TaskId.0`, `TaskId.1` → `TaskId: [...]`, `"10"` → `10`.
 * Lists come as indexed keys contiguous from 0, or, in a JSON body only, as a JSON array (the Go SDK);
 * a JSON `null` or `[]` is a parameter not given. In JSON an integer must be written as one (`100`, not
 * `1e2` or `100.0`). Parameters the spec does not name are left out, as the real gateway ignores them.
 * Only spec names are ever written, into a fresh object.
 */
export function decodeWireParams(
  wireTypes: Readonly<Record<string, string>>,
  params: ReceivedParams,
  encoding: ParamsEncoding,
): DecodeResult {
  const value: Record<string, unknown> = {}
  const indexed = collectIndexed(wireTypes, params)
  if (!indexed.ok) return indexed

  for (const [field, wireType] of Object.entries(wireTypes)) {
    const given = Object.hasOwn(params, field) ? params[field]! : null
    if (!wireType.endsWith('[]')) {
      if (given === null) continue
      if (Array.isArray(given)) return fail(field, field, 'expected a single value, got a JSON array')
      const decoded = decodeScalar(wireType, given as WireScalar, encoding)
      if (decoded === INVALID)
        return fail(field, field, jsonTypeHint(wireType, given as WireScalar, encoding))
      value[field] = decoded
      continue
    }
    const itemType = wireType.slice(0, -2)
    const entries = indexed.byField.get(field)
    if (given !== null && !Array.isArray(given)) {
      return fail(field, field, `send a list as indexed keys ${field}.0, ${field}.1, …`)
    }
    if (Array.isArray(given) && given.length > 0) {
      if (entries !== undefined) return fail(field, field, 'given both as a JSON array and as indexed keys')
      const items: unknown[] = []
      for (const [position, item] of (given as readonly WireScalar[]).entries()) {
        const decoded = decodeScalar(itemType, item, encoding)
        if (decoded === INVALID)
          return fail(`${field}[${position}]`, field, jsonTypeHint(itemType, item, encoding))
        items.push(decoded)
      }
      value[field] = items
      continue
    }
    if (entries === undefined) continue
    entries.sort((a, b) => a.index - b.index)
    const items: unknown[] = []
    for (const [position, entry] of entries.entries()) {
      if (entry.index !== position) {
        return fail(
          `${field}.${position}`,
          field,
          `indexes of ${field} must run from ${field}.0 without gaps`,
        )
      }
      const decoded = decodeScalar(itemType, entry.value, encoding)
      if (decoded === INVALID) return fail(entry.key, field, jsonTypeHint(itemType, entry.value, encoding))
      items.push(decoded)
    }
    value[field] = items
  }
  return { ok: true, value }
}

type IndexedEntry = { readonly key: string; readonly index: number; readonly value: WireScalar }

function collectIndexed(
  wireTypes: Readonly<Record<string, string>>,
  params: ReceivedParams,
): { ok: true; byField: Map<string, IndexedEntry[]> } | { ok: false; problem: ParamProblem } {
  const byField = new Map<string, IndexedEntry[]>()
  for (const key of Object.keys(params)) {
    const dot = key.indexOf('.')
    if (dot < 0) continue
    const field = key.slice(0, dot)
    if (!Object.hasOwn(wireTypes, field) || !wireTypes[field]!.endsWith('[]')) continue
    const suffix = key.slice(dot + 1)
    if (!INDEX.test(suffix)) {
      return fail(key, field, `not an index: send ${field}.0, ${field}.1, …`)
    }
    const received: WireValue = params[key]!
    if (received === null) continue // a JSON null is not given
    if (Array.isArray(received)) return fail(key, field, 'expected a single value, got a JSON array')
    const entries = byField.get(field) ?? []
    entries.push({ key, index: Number(suffix), value: received as WireScalar })
    byField.set(field, entries)
  }
  return { ok: true, byField }
}

const INVALID = Symbol('invalid')

function decodeScalar(wireType: string, raw: WireScalar, encoding: ParamsEncoding): unknown {
  if (encoding === 'json') {
    // A JSON body carries typed values; the spec's type must be the JSON type.
    switch (wireType) {
      case 'integer': {
        if (!isJsonNumber(raw) || !JSON_INTEGER.test(raw.json)) return INVALID
        const n = Number(raw.json)
        return Number.isSafeInteger(n) ? n : INVALID
      }
      case 'number':
        return isJsonNumber(raw) ? Number(raw.json) : INVALID
      case 'boolean':
        return typeof raw === 'boolean' ? raw : INVALID
      default:
        return typeof raw === 'string' ? raw : INVALID
    }
  }
  const text = String(raw)
  switch (wireType) {
    case 'integer': {
      const n = Number(text)
      return INTEGER.test(text) && Number.isSafeInteger(n) ? n : INVALID
    }
    case 'number':
      return DECIMAL.test(text) ? Number(text) : INVALID
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : INVALID
    default:
      return text
  }
}

/** For a JSON body holding the right value as the wrong JSON type (`"Limit": "10"`, `1e2`), says so. */
function jsonTypeHint(wireType: string, raw: WireScalar, encoding: ParamsEncoding): string | undefined {
  if (encoding !== 'json') return undefined
  const expected = wireType === 'integer' || wireType === 'number' ? 'number' : wireType
  const actual = isJsonNumber(raw) ? 'number' : typeof raw
  if (actual !== expected) return `expected a JSON ${expected}, got a JSON ${actual}`
  if (wireType === 'integer' && isJsonNumber(raw) && !JSON_INTEGER.test(raw.json)) {
    return `expected a JSON integer written without a fraction or an exponent, got ${raw.json.slice(0, 40)}`
  }
  return undefined
}

function fail(param: string, field: string, detail?: string): { ok: false; problem: ParamProblem } {
  return { ok: false, problem: detail === undefined ? { param, field } : { param, field, detail } }
}
