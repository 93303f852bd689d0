// An independent implementation of PROTOCOL.md's flattening and signature, written from the document alone
// (nothing here imports @scloud/signer): the oracle the property tests hold the signer to.
import { createHash } from 'node:crypto'

/** Why the reference refuses a parameter set. */
export type RefusalKind = 'invalid' | 'duplicate'

export class ReferenceRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly key: string,
  ) {
    super(`${kind}: ${key}`)
  }
}

/**
 * "Flattening: how values go on the wire": arrays → `Name.0` (0-based), objects → `Name.Key`, null and
 * undefined omitted, booleans `true`/`false`, integers base 10, other numbers the shortest decimal without
 * exponent, strings as is. Throws {@link ReferenceRefusal} for a value with no wire form or two parameters
 * that end up under the same key.
 */
export function referenceFlatten(params: Readonly<Record<string, unknown>>): Map<string, string> {
  return walk(params, (refusal) => {
    throw refusal
  })
}

/** Every reason the reference refuses `params` (empty when it has a wire form). */
export function referenceProblems(params: Readonly<Record<string, unknown>>): Set<RefusalKind> {
  const kinds = new Set<RefusalKind>()
  walk(params, (refusal) => kinds.add(refusal.kind))
  return kinds
}

function walk(
  params: Readonly<Record<string, unknown>>,
  refuse: (refusal: ReferenceRefusal) => void,
): Map<string, string> {
  const out = new Map<string, string>()
  const visit = (key: string, value: unknown, seen: readonly object[]): void => {
    if (value === null || value === undefined) return
    if (typeof value === 'number' && !Number.isFinite(value)) {
      refuse(new ReferenceRefusal('invalid', key))
      return
    }
    if (
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      typeof value === 'number' ||
      typeof value === 'bigint'
    ) {
      if (out.has(key)) refuse(new ReferenceRefusal('duplicate', key))
      else out.set(key, referenceScalar(value, key))
      return
    }
    if (typeof value !== 'object' || seen.includes(value)) {
      refuse(new ReferenceRefusal('invalid', key))
      return
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visit(`${key}.${i}`, value[i], [...seen, value])
      return
    }
    const proto: unknown = Object.getPrototypeOf(value)
    if (proto !== null && proto !== Object.prototype) {
      refuse(new ReferenceRefusal('invalid', key))
      return
    }
    for (const name of Object.keys(value)) {
      if (name === '') refuse(new ReferenceRefusal('invalid', `${key}.`))
      else visit(`${key}.${name}`, (value as Record<string, unknown>)[name], [...seen, value])
    }
  }
  for (const name of Object.keys(params)) {
    if (name === '') refuse(new ReferenceRefusal('invalid', name))
    else visit(name, params[name], [params])
  }
  return out
}

/** One scalar's wire form. */
export function referenceScalar(value: string | boolean | number | bigint, key = ''): string {
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'bigint') return value.toString(10)
  if (!Number.isFinite(value)) throw new ReferenceRefusal('invalid', key)
  return plainDecimal(value)
}

/**
 * The shortest decimal that reads back as `n`, never in exponent notation. ECMA-262's Number::toString already
 * picks the shortest round-tripping digits; it only switches to exponent form outside [1e-7, 1e21), so the
 * digits are moved by hand here.
 */
export function plainDecimal(n: number): string {
  const text = String(n)
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text)
  if (match === null) return text
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match
  const digits = whole + fraction
  const point = whole.length + Number(exponentText)
  let out: string
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`
  else if (point >= digits.length) out = digits.padEnd(point, '0')
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`
  return sign + out
}

/**
 * "Signature": every flattened parameter but `Signature`, sorted by key in plain code-unit order, `key + value`
 * concatenated, the private key appended, SHA-1 of the UTF-8 bytes as lowercase hex.
 */
export function referenceSign(params: Readonly<Record<string, unknown>>, privateKey: string): string {
  return sha1Hex(referenceStringToSign(params, privateKey))
}

export function referenceStringToSign(params: Readonly<Record<string, unknown>>, privateKey: string): string {
  const flat = referenceFlatten(params)
  flat.delete('Signature')
  // Array.prototype.sort without a comparator compares UTF-16 code units: exactly the protocol's order.
  const keys = [...flat.keys()].sort()
  return `${keys.map((key) => key + flat.get(key)).join('')}${privateKey}`
}

export function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex')
}

/** A signed wire request as PROTOCOL.md describes it: flattened, `PublicKey` added, `Signature` appended. */
export function referenceSignedParams(
  params: Readonly<Record<string, unknown>>,
  keys: { readonly publicKey: string; readonly privateKey: string },
): Map<string, string> {
  const withKey = { ...params, PublicKey: keys.publicKey }
  const flat = referenceFlatten(withKey)
  flat.set('Signature', referenceSign(withKey, keys.privateKey))
  return flat
}

/** The same, form-urlencoded (what the SDK sends). */
export function referenceFormBody(
  params: Readonly<Record<string, unknown>>,
  keys: { readonly publicKey: string; readonly privateKey: string },
): string {
  return new URLSearchParams([...referenceSignedParams(params, keys)]).toString()
}

/**
 * A JSON body of flattened keys with typed values (`{"TaskId.0":"a","Limit":10}`), as UCloud's official SDKs send
 * it: the mock must check JSON types, which a form cannot carry. Arrays of the `indexed` parameters become
 * `Name.0`, `Name.1`, …; any other value (a misplaced array or object included) is sent as the JSON value it is.
 */
export function referenceJsonBody(
  params: Readonly<Record<string, unknown>>,
  keys: { readonly publicKey: string; readonly privateKey: string },
  indexed: ReadonlySet<string> = new Set(),
): string {
  const typed: Record<string, unknown> = Object.create(null)
  for (const [name, value] of Object.entries({ ...params, PublicKey: keys.publicKey })) {
    if (value === undefined || value === null) continue
    if (!Array.isArray(value) || !indexed.has(name)) typed[name] = value
    else for (let i = 0; i < value.length; i++) typed[`${name}.${i}`] = value[i]
  }
  typed.Signature = referenceSign(typed, keys.privateKey)
  return JSON.stringify(typed)
}
