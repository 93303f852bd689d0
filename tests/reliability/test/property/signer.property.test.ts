// @scloud/signer against an independent reference written from PROTOCOL.md (test/support/reference-signer.ts):
// flattening, the signature and verification over random parameter sets.
import { flattenParams, SigningError, signParams, verifySignature } from '@scloud/signer'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  boundaryDouble,
  finiteDouble,
  hugeInteger,
  loneSurrogate,
  paramSet,
  unicodeString,
  unsendableParamSet,
} from '../support/arbitraries.js'
import { CANARY } from '../support/keys.js'
import {
  plainDecimal,
  referenceFlatten,
  referenceProblems,
  referenceSign,
  referenceStringToSign,
  sha1Hex,
} from '../support/reference-signer.js'
import { runs } from '../support/runs.js'

const RUNS = runs(500)
const privateKey = fc.oneof(
  fc.constant(CANARY.privateKey),
  unicodeString(40).filter((k) => k !== '' && k.trim() === k),
)

const sorted = (entries: Iterable<[string, string]>) =>
  [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))

/** What the signer did: the flat parameters, or the code of the SigningError it threw. */
function signerFlatten(params: Record<string, unknown>): [string, string][] | string {
  try {
    return sorted(Object.entries(flattenParams(params)))
  } catch (error) {
    if (error instanceof SigningError) return error.code
    throw error
  }
}

describe('the reference implementation', () => {
  it("reproduces PROTOCOL.md's worked example", () => {
    const params = {
      Action: 'DescribeUHostInstance',
      Region: 'cn-bj2',
      Limit: 10,
      PublicKey: 'ucloudsomeone@example.com1296235120854146120',
    }
    const privateKey = '46f09bb9fab4f12dfc160dae12273d5332b5debe'
    expect(referenceStringToSign(params, privateKey)).toBe(
      'ActionDescribeUHostInstanceLimit10PublicKeyucloudsomeone@example.com1296235120854146120Regioncn-bj246f09bb9fab4f12dfc160dae12273d5332b5debe',
    )
    expect(referenceSign(params, privateKey)).toBe('cba5cf5ec4d4233d206b1b54951e3787350a642f')
    expect(signParams(params, privateKey)).toBe('cba5cf5ec4d4233d206b1b54951e3787350a642f')
  })

  it("follows the document's rules for numbers, booleans, null and arrays", () => {
    const flat = referenceFlatten({
      A: 65.722,
      B: 1e-7,
      C: 1e21,
      D: true,
      E: null,
      F: ['x', 'y'],
      G: [],
      H: '',
    })
    expect(Object.fromEntries(flat)).toEqual({
      A: '65.722',
      B: '0.0000001',
      C: '1000000000000000000000',
      D: 'true',
      'F.0': 'x',
      'F.1': 'y',
      H: '',
    })
  })
})

describe('flattenParams', () => {
  it('gives exactly the reference wire form for random parameter sets (unicode, huge and tiny numbers, nesting)', () => {
    fc.assert(
      fc.property(paramSet, (params) => {
        const problems = referenceProblems(params)
        const actual = signerFlatten(params)
        if (problems.size === 0) expect(actual).toEqual(sorted(referenceFlatten(params)))
        else if (problems.has('duplicate') && problems.size === 1) expect(actual).toBe('PARAMETER_DUPLICATE')
        else expect(['PARAMETER_DUPLICATE', 'PARAMETER_INVALID']).toContain(actual)
      }),
      RUNS,
    )
  })

  it('refuses every value with no wire form (NaN, Infinity, Date, function, symbol, Map, RegExp) with a SigningError', () => {
    fc.assert(
      fc.property(unsendableParamSet, (params) => {
        expect(referenceProblems(params).size).toBeGreaterThan(0)
        expect(['PARAMETER_INVALID', 'PARAMETER_DUPLICATE']).toContain(signerFlatten(params))
        expect(() => signParams(params, CANARY.privateKey)).toThrow(SigningError)
      }),
      RUNS,
    )
  })

  it('writes every finite double as the shortest plain decimal that reads back as the same number', () => {
    fc.assert(
      fc.property(finiteDouble, (x) => {
        const wire = flattenParams({ X: x }).X!
        expect(wire).toBe(plainDecimal(x))
        expect(wire).not.toMatch(/e/i)
        expect(Number(wire)).toBe(x === 0 ? 0 : x) // -0 is sent as 0
        // Shortest: no more significant digits than the engine's shortest round-trip form.
        const significant = (s: string) =>
          s
            .replace(/^-?0*\.?0*/, '')
            .replace(/[.]|e.*$/gi, '')
            .replace(/0+$/, '')
        expect(significant(wire).length).toBeLessThanOrEqual(significant(String(Math.abs(x))).length)
      }),
      runs(2_000),
    )
  })

  it('writes integers of any size (bigints, doubles beyond 2^53) as plain base-10 digits', () => {
    fc.assert(
      fc.property(hugeInteger, (n) => {
        const wire = flattenParams({ N: n }).N!
        expect(wire).toMatch(/^-?\d+$/)
        if (typeof n === 'bigint') expect(BigInt(wire)).toBe(n)
        else expect(Number(wire)).toBe(n === 0 ? 0 : n)
      }),
      RUNS,
    )
  })

  it('keeps 1,000 task ids in order under TaskId.0 … TaskId.999', () => {
    fc.assert(
      fc.property(fc.array(unicodeString(8), { minLength: 1000, maxLength: 1000 }), (ids) => {
        const flat = flattenParams({ Action: 'DescribeNewUcdnPrefetchCacheTask', TaskId: ids })
        expect(Object.keys(flat)).toHaveLength(1001)
        ids.forEach((id, i) => {
          expect(flat[`TaskId.${i}`]).toBe(id)
        })
      }),
      runs(20),
    )
  })
})

describe('signParams', () => {
  it('equals the reference signature for random parameter sets and keys', () => {
    fc.assert(
      fc.property(paramSet, privateKey, (params, key) => {
        fc.pre(referenceProblems(params).size === 0)
        expect(signParams(params, key)).toBe(referenceSign(params, key))
      }),
      runs(1_000),
    )
  })

  it('equals the reference for 1,000 task ids (TaskId.10 sorts before TaskId.2)', () => {
    fc.assert(
      fc.property(
        fc.array(unicodeString(8), { minLength: 1000, maxLength: 1000 }),
        privateKey,
        (ids, key) => {
          const params = {
            Action: 'DescribeNewUcdnPrefetchCacheTask',
            TaskId: ids,
            PublicKey: CANARY.publicKey,
          }
          expect(signParams(params, key)).toBe(referenceSign(params, key))
        },
      ),
      runs(20),
    )
  })

  it('does not depend on the order the parameters were given in', () => {
    fc.assert(
      fc.property(paramSet, fc.infiniteStream(fc.nat()), (params, stream) => {
        fc.pre(referenceProblems(params).size === 0)
        const shuffled = Object.fromEntries(
          Object.entries(params)
            .map((entry) => [stream.next().value as number, entry] as const)
            .sort(([a], [b]) => a - b)
            .map(([, entry]) => entry),
        )
        expect(signParams(shuffled, CANARY.privateKey)).toBe(signParams(params, CANARY.privateKey))
      }),
      RUNS,
    )
  })

  it('is the same for nested and already-flat parameters (what the middleware signs on a retry)', () => {
    fc.assert(
      fc.property(paramSet, (params) => {
        fc.pre(referenceProblems(params).size === 0)
        const flat = Object.fromEntries(referenceFlatten(params))
        expect(signParams(flat, CANARY.privateKey)).toBe(signParams(params, CANARY.privateKey))
      }),
      RUNS,
    )
  })

  it('hashes the UTF-8 of lone surrogates as U+FFFD, as the document says (SHA-1 of the UTF-8 bytes)', () => {
    fc.assert(
      fc.property(unicodeString(), loneSurrogate, unicodeString(), (before, lone, after) => {
        const params = { TaskId: [before + lone + after] }
        expect(signParams(params, CANARY.privateKey)).toBe(
          sha1Hex(`TaskId.0${before}\uFFFD${after}${CANARY.privateKey}`),
        )
      }),
      RUNS,
    )
  })
})

describe('verifySignature', () => {
  it('accepts the reference signature and ignores a Signature parameter when signing', () => {
    fc.assert(
      fc.property(paramSet, privateKey, (params, key) => {
        fc.pre(referenceProblems(params).size === 0)
        const signed = { ...params, Signature: referenceSign(params, key) }
        expect(verifySignature(signed, key)).toBe(true)
        expect(signParams(signed, key)).toBe(signed.Signature)
      }),
      RUNS,
    )
  })

  it('rejects a signature under another key, a changed parameter, an added parameter, a changed signature', () => {
    fc.assert(
      fc.property(
        paramSet,
        privateKey,
        privateKey,
        unicodeString(),
        fc.integer({ min: 0, max: 39 }),
        (params, key, otherKey, extra, position) => {
          fc.pre(referenceProblems(params).size === 0 && key !== otherKey)
          const signature = referenceSign(params, key)
          expect(verifySignature({ ...params, Signature: signature }, otherKey)).toBe(false)
          expect(verifySignature({ ...params, ExtraParam: extra, Signature: signature }, key)).toBe(false)
          const flipped =
            signature.slice(0, position) +
            (signature[position] === '0' ? '1' : '0') +
            signature.slice(position + 1)
          expect(verifySignature({ ...params, Signature: flipped }, key)).toBe(false)
          expect(verifySignature({ ...params, Signature: signature.toUpperCase() }, key)).toBe(
            signature === signature.toUpperCase(),
          )
          const names = Object.keys(
            referenceFlatten(params).size > 0 ? Object.fromEntries(referenceFlatten(params)) : {},
          )
          if (names.length > 0) {
            const flat = Object.fromEntries(referenceFlatten(params))
            const name = names[position % names.length]!
            flat[name] = `${flat[name]}x`
            expect(verifySignature({ ...flat, Signature: signature }, key)).toBe(false)
          }
        },
      ),
      RUNS,
    )
  })

  it('answers false, never throws, for signatures of the wrong type or length', () => {
    fc.assert(
      fc.property(
        paramSet,
        fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string())),
        (params, bad) => {
          fc.pre(referenceProblems(params).size === 0)
          fc.pre(typeof bad !== 'string' || bad !== referenceSign(params, CANARY.privateKey))
          expect(verifySignature({ ...params, Signature: bad }, CANARY.privateKey)).toBe(false)
        },
      ),
      RUNS,
    )
  })

  it('floats near the exponent boundaries verify when sent as the wire strings', () => {
    fc.assert(
      fc.property(fc.array(boundaryDouble, { minLength: 1, maxLength: 5 }), (xs) => {
        const params = { Action: 'X', V: xs }
        const signature = referenceSign(params, CANARY.privateKey)
        // What a server receives: the wire strings, not the numbers.
        const received = { ...Object.fromEntries(referenceFlatten(params)), Signature: signature }
        expect(verifySignature(received, CANARY.privateKey)).toBe(true)
      }),
      RUNS,
    )
  })
})
