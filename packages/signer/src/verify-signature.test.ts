import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { flattenParams } from './flatten-params.js'
import { signParams } from './sign-params.js'
import { constantTimeEqual, verifySignature } from './verify-signature.js'

const PRIVATE_KEY = '46f09bb9fab4f12dfc160dae12273d5332b5debe'
const EXAMPLE = {
  Action: 'DescribeUHostInstance',
  Region: 'cn-bj2',
  Limit: '10',
  PublicKey: 'ucloudsomeone@example.com1296235120854146120',
  Signature: 'cba5cf5ec4d4233d206b1b54951e3787350a642f',
}

describe('verifySignature', () => {
  it('accepts the worked example of PROTOCOL.md', () => {
    expect(verifySignature(EXAMPLE, PRIVATE_KEY)).toBe(true)
  })

  it('accepts parameters decoded from a form body', () => {
    const form = new URLSearchParams(EXAMPLE)
    expect(verifySignature(Object.fromEntries(form), PRIVATE_KEY)).toBe(true)
  })

  it('rejects a different private key', () => {
    expect(verifySignature(EXAMPLE, `${PRIVATE_KEY}0`)).toBe(false)
  })

  it('rejects a missing Signature, or one that is not a string', () => {
    const { Signature: _, ...unsigned } = EXAMPLE
    expect(verifySignature(unsigned, PRIVATE_KEY)).toBe(false)
    expect(verifySignature({ ...unsigned, Signature: [EXAMPLE.Signature] }, PRIVATE_KEY)).toBe(false)
  })

  it('rejects a Signature of the wrong length', () => {
    expect(verifySignature({ ...EXAMPLE, Signature: EXAMPLE.Signature.slice(0, 39) }, PRIVATE_KEY)).toBe(
      false,
    )
    expect(verifySignature({ ...EXAMPLE, Signature: `${EXAMPLE.Signature}0` }, PRIVATE_KEY)).toBe(false)
    expect(verifySignature({ ...EXAMPLE, Signature: '' }, PRIVATE_KEY)).toBe(false)
  })

  it('rejects a Signature in upper case: the protocol sends lower case', () => {
    expect(verifySignature({ ...EXAMPLE, Signature: EXAMPLE.Signature.toUpperCase() }, PRIVATE_KEY)).toBe(
      false,
    )
  })

  it('rejects a changed, added or removed parameter', () => {
    expect(verifySignature({ ...EXAMPLE, Limit: '11' }, PRIVATE_KEY)).toBe(false)
    expect(verifySignature({ ...EXAMPLE, Zone: 'z' }, PRIVATE_KEY)).toBe(false)
    const { Region: _, ...withoutRegion } = EXAMPLE
    expect(verifySignature(withoutRegion, PRIVATE_KEY)).toBe(false)
  })

  it('is false, not an exception, for parameters no client could have signed', () => {
    // A JSON body's 1e400 parses to Infinity.
    expect(verifySignature({ ...EXAMPLE, Limit: JSON.parse('1e400') }, PRIVATE_KEY)).toBe(false)
    expect(verifySignature(null as never, PRIVATE_KEY)).toBe(false)
  })

  it('throws for an unusable private key rather than calling every request forged', () => {
    expect(() => verifySignature(EXAMPLE, '')).toThrow(
      expect.objectContaining({ code: 'PRIVATE_KEY_INVALID' }),
    )
  })
})

describe('constantTimeEqual', () => {
  it('compares equal-length strings by content', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true)
    expect(constantTimeEqual('abc', 'abd')).toBe(false)
    expect(constantTimeEqual('xbc', 'abc')).toBe(false)
    expect(constantTimeEqual('', '')).toBe(true)
  })

  it('is false for different lengths', () => {
    expect(constantTimeEqual('abc', 'abcd')).toBe(false)
    expect(constantTimeEqual('abcd', 'abc')).toBe(false)
  })

  it('agrees with === on any pair of strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), (a, b) => {
        expect(constantTimeEqual(a, b)).toBe(a === b)
      }),
    )
  })
})

describe('signing and verifying (property-based)', () => {
  // Valid UTF-16 (astral characters as surrogate pairs): what a UTF-8 wire can carry.
  const text = fc.string({ unit: 'grapheme', maxLength: 12 })
  const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }).filter((k) => !k.includes('.'))
  const number = fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.double({ min: 1e-8, max: 1e-6, noNaN: true }),
    fc.double({ min: 1e20, max: 1e22, noNaN: true }),
    fc.constantFrom(1e-7, 1e21, -1e21, 1e-6, 9.999999999999999e20, Number.MAX_VALUE, Number.MIN_VALUE),
  )
  const scalar = fc.oneof(text, fc.constant(''), fc.boolean(), number, fc.bigInt(), fc.constant(null))
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      scalar,
      fc.array(tie('value'), { maxLength: 5 }),
      fc.dictionary(name, tie('value'), { maxKeys: 4 }),
    ),
  }))
  const params = fc.dictionary(name, value, { maxKeys: 10 }).filter((p) => !('Signature' in p))
  const privateKey = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
    .filter((k) => k.trim() === k)

  it('verifies what it signs', () => {
    fc.assert(
      fc.property(params, privateKey, (input, key) => {
        expect(verifySignature({ ...input, Signature: signParams(input, key) }, key)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })

  it('verifies what it signs for 1,000-element arrays of unicode text, huge integers and boundary floats', () => {
    const big = fc.array(fc.oneof(text, fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), number), {
      minLength: 1000,
      maxLength: 1000,
    })
    fc.assert(
      fc.property(big, privateKey, (items, key) => {
        const input = { Action: 'A', Items: items }
        expect(verifySignature({ ...flattenParams(input), Signature: signParams(input, key) }, key)).toBe(
          true,
        )
      }),
      { numRuns: 20 },
    )
  })

  it('rejects the signed parameters once any one character of any key or value changes', () => {
    const replacement = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 })
    const edit = fc.record({ entry: fc.nat(), inKey: fc.boolean(), position: fc.nat(), replacement })
    fc.assert(
      fc.property(params, privateKey, edit, (input, key, { entry, inKey, position, replacement: char }) => {
        const flat = flattenParams(input)
        const entries = Object.entries(flat)
        fc.pre(entries.length > 0)
        const index = entry % entries.length
        const [k, v] = entries[index]!
        const target = inKey ? k : v
        fc.pre(target.length > 0)
        const at = position % target.length
        fc.pre(target[at] !== char)
        const changed = target.slice(0, at) + char + target.slice(at + 1)
        const newKey = inKey ? changed : k
        fc.pre(!inKey || (!(newKey in flat) && newKey !== 'Signature'))
        const tampered = Object.fromEntries(
          entries.map((pair, i) => (i === index ? [newKey, inKey ? v : changed] : pair)),
        )
        expect(verifySignature({ ...tampered, Signature: signParams(flat, key) }, key)).toBe(false)
      }),
      { numRuns: 1000 },
    )
  })

  it('gives the same signature whatever the order of the keys', () => {
    fc.assert(
      fc.property(params, privateKey, fc.func(fc.integer()), (input, key, rank) => {
        const shuffled = Object.fromEntries(Object.entries(input).sort(([a], [b]) => rank(a) - rank(b)))
        expect(signParams(shuffled, key)).toBe(signParams(input, key))
        const flat = Object.entries(flattenParams(input)).sort(([a], [b]) => rank(a) - rank(b))
        expect(signParams(Object.fromEntries(flat), key)).toBe(signParams(input, key))
      }),
      { numRuns: 500 },
    )
  })
})
