import { parse } from 'lossless-json'
import type { JsonNumber, WireScalar, WireValue } from './wire-value.js'

export type ReadJsonResult =
  | { readonly ok: true; readonly params: Record<string, WireValue> }
  | {
      readonly ok: false
      readonly message: string
      /** The body's Action, when it could be read, so the answer can name it. */
      readonly action?: string
    }

class DuplicateKey extends Error {
  constructor(readonly key: string) {
    super(key)
  }
}

/**
 * Reads a JSON body of parameters, in either shape UCloud's official SDKs send: flattened keys with scalar
 * values (`"TaskId.0":"a"`, the JS SDK) or arrays and `null` (`"TaskId":["a","b"]`, `"Status":null`, the Go
 * SDK's JSON encoder). Numbers are kept as written (`1e2` is not the integer 100 here), which JSON.parse
 * cannot do; a key given twice with different values is refused, and so is any key `checkKey` refuses.
 */
export function readJsonParams(text: string, checkKey: (key: string) => string | undefined): ReadJsonResult {
  let parsed: unknown
  try {
    parsed = parse(text, null, {
      parseNumber: (json: string): JsonNumber => ({ json }),
      onDuplicateKey: ({ key }) => {
        throw new DuplicateKey(key)
      },
    })
  } catch (error) {
    if (error instanceof DuplicateKey) {
      return { ok: false, message: `Missing or invalid parameter: ${error.key} (given more than once)` }
    }
    // However deep the nesting, it ends here as an answer, never a crash.
    if (error instanceof RangeError) return { ok: false, message: 'The JSON body is nested too deeply.' }
    return {
      ok: false,
      message: text.startsWith('\uFEFF')
        ? 'The request body is not valid JSON (it starts with a byte order mark, U+FEFF).'
        : 'The request body is not valid JSON.',
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || isJsonNumber(parsed)) {
    return { ok: false, message: 'The JSON body must be an object of parameters.' }
  }
  const source = parsed as Record<string, unknown>
  const action = typeof source.Action === 'string' && source.Action !== '' ? source.Action : undefined
  const refuse = (key: string, why: string): ReadJsonResult =>
    withAction(`Missing or invalid parameter: ${key} (${why})`, action)
  const params: Record<string, WireValue> = Object.create(null)
  for (const key of Object.keys(source)) {
    const refused = checkKey(key)
    if (refused !== undefined) return withAction(refused, action)
    const value = source[key]
    if (value === null) {
      params[key] = null
    } else if (Array.isArray(value)) {
      const items: WireScalar[] = []
      for (const item of value) {
        const scalar = scalarOf(item)
        if (scalar === undefined) {
          return refuse(key, 'a JSON array may hold only strings, numbers and booleans')
        }
        if (scalar === OUT_OF_RANGE) return refuse(key, 'number out of range')
        items.push(scalar)
      }
      params[key] = items
    } else {
      const scalar = scalarOf(value)
      if (scalar === undefined) return refuse(key, `send an object as flattened keys ${key}.Name`)
      if (scalar === OUT_OF_RANGE) return refuse(key, 'number out of range')
      params[key] = scalar
    }
  }
  return { ok: true, params }
}

/** Whether a received value is a JSON number (kept as written). */
export function isJsonNumber(value: unknown): value is JsonNumber {
  return typeof value === 'object' && value !== null && typeof (value as JsonNumber).json === 'string'
}

const OUT_OF_RANGE = Symbol('out of range')

function scalarOf(value: unknown): WireScalar | typeof OUT_OF_RANGE | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (isJsonNumber(value)) {
    // 1e400 is no number a client could have held (or signed).
    return Number.isFinite(Number(value.json)) ? Object.freeze({ json: value.json }) : OUT_OF_RANGE
  }
  return undefined
}

function withAction(message: string, action: string | undefined): ReadJsonResult {
  return action === undefined ? { ok: false, message } : { ok: false, message, action }
}
