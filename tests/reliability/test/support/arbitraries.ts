// fast-check arbitraries for parameter sets: unicode (astral included), empty strings, huge integers, floats near
// the exponent-notation boundaries, nested arrays and objects, and the odd value with no wire form.
import fc from 'fast-check'

/** The double right after (`+1`) or before (`-1`) `x`. */
export function nextDouble(x: number, direction: 1 | -1): number {
  if (x === 0) return direction * Number.MIN_VALUE
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, x)
  const bits = view.getBigUint64(0)
  view.setBigUint64(0, x > 0 === direction > 0 ? bits + 1n : bits - 1n)
  return view.getFloat64(0)
}

/** Where Number#toString switches to exponent notation (1e-7, 1e21) and other edges of the double range. */
const BOUNDARIES = [
  1e-7,
  1e-6,
  1e21,
  1e20,
  0.1,
  0.5,
  65.722,
  2 ** 53,
  2 ** 53 - 1,
  2 ** 63,
  2 ** 64,
  1e23,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.EPSILON,
  Number.MAX_SAFE_INTEGER,
  -0,
]

/** Doubles at, just above and just below the interesting boundaries, either sign. */
export const boundaryDouble: fc.Arbitrary<number> = fc
  .tuple(fc.constantFrom(...BOUNDARIES), fc.integer({ min: -3, max: 3 }), fc.boolean())
  .map(([base, steps, negative]) => {
    let x = base
    for (let i = 0; i < Math.abs(steps); i++) x = nextDouble(x, steps > 0 ? 1 : -1)
    return negative ? -x : x
  })
  .filter(Number.isFinite) // one step past MAX_VALUE is Infinity

/** Any code point except lone surrogates, astral planes included; sometimes empty. */
export const unicodeString = (maxLength = 12): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.constantFrom('', ' ', '😀', '\u{10FFFF}', '\uFFFF', 'e\u0301', '\u0000', 'a&b=c%20+d', '\n\t'),
  )

/** A lone (unpaired) UTF-16 surrogate: a JS string with no UTF-8 form. */
export const loneSurrogate: fc.Arbitrary<string> = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((unit) => String.fromCharCode(unit))

export const hugeInteger: fc.Arbitrary<number | bigint> = fc.oneof(
  fc.maxSafeInteger(),
  fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }),
  fc.double({ min: 2 ** 53, max: Number.MAX_VALUE, noNaN: true }).map(Math.floor),
)

export const finiteDouble: fc.Arbitrary<number> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  boundaryDouble,
)

export const scalar: fc.Arbitrary<unknown> = fc.oneof(
  unicodeString(),
  fc.boolean(),
  fc.integer(),
  hugeInteger,
  finiteDouble,
  fc.constantFrom(null, undefined),
)

/** Parameter names that stress the sort: prefixes of each other, characters around '.', case, astral. */
export const paramName: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(
      'A',
      'A.0',
      'A.b',
      'A-b',
      'A!',
      'A0',
      'a',
      'B',
      'CPU',
      'ChargeType',
      'TaskId',
      'TaskId.1',
      'Limit',
      '😀',
      '\uFFFF',
      'é',
      '__proto__',
      'constructor',
      'toString',
    ),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }),
  )
  // The top-level Signature is what verification removes; it gets its own tests.
  .filter((name) => !name.startsWith('Signature'))

/** A plain object built with own properties only, so `__proto__` is data, not a prototype. */
export const dictionaryOf = <T>(value: fc.Arbitrary<T>, maxKeys = 5): fc.Arbitrary<Record<string, T>> =>
  fc.array(fc.tuple(paramName, value), { maxLength: maxKeys }).map((entries) => Object.fromEntries(entries))

/** Nested parameter values, mostly with a wire form. */
export const paramValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    dictionaryOf(tie('value'), 3),
  ),
})).value

/** A parameter set with a wire form (unless two of its keys flatten to the same one). */
export const paramSet: fc.Arbitrary<Record<string, unknown>> = dictionaryOf(paramValue, 6)

/** Values with no wire form: the signer must refuse them, naming the key. */
export const unsendable: fc.Arbitrary<unknown> = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  new Date(0),
  () => 1,
  Symbol('s'),
  new Map(),
  /re/,
)

/** A parameter set with one unsendable value somewhere (possibly nested). */
export const unsendableParamSet: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(paramSet, paramName, unsendable, fc.boolean())
  .map(([params, name, bad, nested]) => ({ ...params, [name]: nested ? [{ inner: bad }] : bad }))
