import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { referenceStringToSign } from '../test/support/reference-string-to-sign.js'
import { nodeSha1Hex } from '../test/support/sign-request.js'
import { signFlatParams } from './sign-flat-params.js'
import { signParams } from './sign-params.js'
import { SigningError } from './signing-error.js'
import { sortedStringToSign } from './sorted-string-to-sign.js'
import { stringToSign } from './string-to-sign.js'

/** The same entries inserted in another order: the same request, another shape for the signer's caches. */
function reordered<T extends Record<string, unknown>>(params: T, seed: number): T {
  const entries = Object.entries(params)
  const out: Record<string, unknown> = {}
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[(i + seed) % entries.length]!
    out[key] = value
  }
  return out as T
}

// Names drawn from a small alphabet with '.', '-' and ' ' so prefixes and interleavings are common; the few
// names also make the same shapes come back, as in real use, so the caches are hit as well as filled.
const name = fc.stringMatching(/^[A-C][A-C.\- ]{0,3}$/)
const scalar = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null))
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('tree'), { maxLength: 14 }), tie('object')),
  object: fc.dictionary(name, tie('tree'), { maxKeys: 5 }),
}))
// Requests as the API gets them too: a few scalars beside long arrays of ids (TaskId.0 … TaskId.119).
const ids = fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { minLength: 9, maxLength: 120 })
const request = fc.record(
  { Action: fc.string(), TaskId: ids, Url: ids, Limit: fc.integer() },
  { requiredKeys: [] },
)
const paramSets = fc.array(fc.oneof(fc.dictionary(name, tree, { maxKeys: 8 }), request), {
  minLength: 1,
  maxLength: 6,
})

describe('sortedStringToSign (the one-pass string to sign behind signParams)', () => {
  it('signs as the reference signer does, on random parameter sets signed over and over in several orders', () => {
    fc.assert(
      fc.property(paramSets, fc.nat(7), (sets, seed) => {
        for (const params of [...sets, ...sets.map((p) => reordered(p, seed)), ...sets]) {
          let expected: string | undefined
          try {
            expected = referenceStringToSign(params, 'K')
          } catch {
            expected = undefined // a duplicate key or a value with no wire form: signParams throws
          }
          if (expected === undefined) {
            expect(() => signParams(params, 'K')).toThrow(SigningError)
            continue
          }
          expect(signParams(params, 'K')).toBe(nodeSha1Hex(expected))
          const text = sortedStringToSign(params, 'K')
          // Undefined only when the keys must be sorted after all; then signParams took the other path.
          if (text !== undefined) expect(text).toBe(expected)
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('builds the text itself when names sort as their keys do, including 41 indexed ids', () => {
    const params = {
      Action: 'A',
      TaskId: Array.from({ length: 41 }, (_, i) => `t${i}`),
      Limit: 100,
      IsDcdn: false,
    }
    const text = sortedStringToSign(params, 'K')
    expect(text).toBe(referenceStringToSign(params, 'K'))
    expect(text?.startsWith('ActionAIsDcdnfalseLimit100TaskId.0t0TaskId.1t1TaskId.10t10')).toBe(true)
  })

  it('leaves it to the sorting path when a name is extended by "-" beside an array, and signParams still agrees', () => {
    const params = { A: ['x'], 'A-b': 'y' }
    expect(sortedStringToSign(params, 'K')).toBeUndefined()
    expect(signParams(params, 'K')).toBe(nodeSha1Hex('A-byA.0xK'))
  })

  it('gives each of many same-shaped requests its own values (the shape is remembered, never the text)', () => {
    for (let i = 0; i < 20; i++) {
      const params = { Zone: `z${i}`, Action: 'A', Ids: [`a${i}`, `b${i}`] }
      expect(sortedStringToSign(params, 'K')).toBe(`ActionAIds.0a${i}Ids.1b${i}Zonez${i}K`)
    }
  })

  it('is right when a getter among the parameters signs other parameters meanwhile', () => {
    const inner = { B: 'b', A: ['a'] }
    const params = {
      Z: 'z',
      get M() {
        return signParams(inner, 'K')
      },
    }
    const innerSignature = nodeSha1Hex('A.0aBbK')
    expect(signParams(params, 'K')).toBe(nodeSha1Hex(`M${innerSignature}ZzK`))
  })
})

describe('stringToSign of flat parameters (signFlatParams, signedFormBody)', () => {
  it('signs as the reference signer does, on random flat parameter sets signed over and over in several orders', () => {
    const flatName = fc.stringMatching(/^[A-C][A-C.\-0-9]{0,4}$/)
    const flatSets = fc.array(fc.dictionary(flatName, fc.string({ maxLength: 4 }), { maxKeys: 30 }), {
      minLength: 1,
      maxLength: 6,
    })
    fc.assert(
      fc.property(flatSets, fc.nat(7), (sets, seed) => {
        for (const flat of [...sets, ...sets.map((p) => reordered(p, seed)), ...sets]) {
          const expected = referenceStringToSign(flat, 'K')
          expect(stringToSign(flat, 'K')).toBe(expected)
          expect(signFlatParams(flat, 'K')).toBe(nodeSha1Hex(expected))
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('names the first value that is not a string in the order given, not in the sorted order', () => {
    expect(() => stringToSign({ B: 1, A: 2 } as never, 'K')).toThrow(
      expect.objectContaining({ code: 'PARAMETER_INVALID', key: 'B' }),
    )
  })

  it('refuses a parameter that a getter removed while the values were read, rather than sign another in its place', () => {
    const flat: Record<string, string> = {
      A: 'a',
      get B() {
        delete flat.C
        return 'b'
      },
      C: 'c',
      Signature: 'old',
    }
    expect(() => signFlatParams(flat, 'K')).toThrow(
      expect.objectContaining({ code: 'PARAMETER_INVALID', key: 'C' }),
    )
  })
})
