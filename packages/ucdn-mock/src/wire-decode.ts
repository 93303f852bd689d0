import type { ParamProblem } from './param-problem.js'
import type { ParamsEncoding, ReceivedParams, WireValue } from './read-params.js'

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

/**
 * Turns received parameters (flattened names, strings from a query or form, typed values from JSON) into the
 * logical parameters the request schema validates: `TaskId.0`, `TaskId.1` → `TaskId: [...]`, `"10"` → `10`.
 * Arrays are accepted only as indexed keys contiguous from 0. Parameters the spec does not name are left out,
 * as the real gateway ignores them. Only spec names are ever written, into a fresh object.
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
    if (!wireType.endsWith('[]')) {
      if (!Object.hasOwn(params, field)) continue
      const decoded = decodeScalar(wireType, params[field]!, encoding)
      if (decoded === INVALID) return fail(field, field, jsonTypeHint(wireType, params[field]!, encoding))
      value[field] = decoded
      continue
    }
    if (Object.hasOwn(params, field)) {
      return fail(field, field, `send a list as indexed keys ${field}.0, ${field}.1, …`)
    }
    const entries = indexed.byField.get(field)
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
      const itemType = wireType.slice(0, -2)
      const decoded = decodeScalar(itemType, entry.value, encoding)
      if (decoded === INVALID) return fail(entry.key, field, jsonTypeHint(itemType, entry.value, encoding))
      items.push(decoded)
    }
    value[field] = items
  }
  return { ok: true, value }
}

type IndexedEntry = { readonly key: string; readonly index: number; readonly value: WireValue }

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
    const entries = byField.get(field) ?? []
    entries.push({ key, index: Number(suffix), value: params[key]! })
    byField.set(field, entries)
  }
  return { ok: true, byField }
}

const INVALID = Symbol('invalid')

function decodeScalar(wireType: string, raw: WireValue, encoding: ParamsEncoding): unknown {
  if (encoding === 'json') {
    // A JSON body carries typed values; the spec's type must be the JSON type.
    switch (wireType) {
      case 'integer':
        return typeof raw === 'number' && Number.isSafeInteger(raw) ? raw : INVALID
      case 'number':
        return typeof raw === 'number' ? raw : INVALID
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

/** For a JSON body holding the right value as the wrong JSON type (`"Limit": "10"`), says so. */
function jsonTypeHint(wireType: string, raw: WireValue, encoding: ParamsEncoding): string | undefined {
  if (encoding !== 'json') return undefined
  const expected = wireType === 'integer' || wireType === 'number' ? 'number' : wireType
  const actual = typeof raw
  return actual === expected ? undefined : `expected a JSON ${expected}, got a JSON ${actual}`
}

function fail(param: string, field: string, detail?: string): { ok: false; problem: ParamProblem } {
  return { ok: false, problem: detail === undefined ? { param, field } : { param, field, detail } }
}
