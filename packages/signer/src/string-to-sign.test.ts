import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { referenceStringToSign } from '../test/support/reference-string-to-sign.js'
import { flattenParams } from './flatten-params.js'
import { flattenToSign } from './flatten-to-sign.js'
import { SigningError } from './signing-error.js'
import { listStringToSign, stringToSign } from './string-to-sign.js'

const PRIVATE_KEY = '46f09bb9fab4f12dfc160dae12273d5332b5debe'

/** Flatten once (without the top-level Signature, as signParams does), then the string to sign. */
function buildStringToSign(params: Record<string, unknown>, privateKey: string): string {
  const { Signature: _, ...signed } = params
  return stringToSign(flattenParams(signed), privateKey)
}

describe('stringToSign', () => {
  it('sorts flat parameters by UTF-16 code units and leaves out Signature', () => {
    expect(stringToSign({ 'TaskId.2': 'b', 'TaskId.10': 'a', Signature: 's', CPU: '2' }, 'K')).toBe(
      'CPU2TaskId.10aTaskId.2bK',
    )
  })

  it('refuses parameters that are not flat, naming the key', () => {
    for (const value of [1, ['x'], { a: 'b' }, null]) {
      expect(() => stringToSign({ A: 'a', B: value } as never, 'K')).toThrow(
        expect.objectContaining({ code: 'PARAMETER_INVALID', key: 'B' }),
      )
    }
  })
})

describe('flattenToSign', () => {
  it('gives the keys in the protocol order, sorted, when no name extends another with "-" or "."', () => {
    const list = flattenToSign({
      Z: 'z',
      TaskId: Array.from({ length: 12 }, (_, i) => `t${i}`),
      A: { b: 1, a: 2 },
    })
    expect(list.sorted).toBe(true)
    expect(list.keys).toEqual([...list.keys].sort())
  })

  it('says when they are not, so the signer sorts them', () => {
    const list = flattenToSign({ A: ['x'], 'A-b': 'y' })
    expect(list.sorted).toBe(false)
    expect(listStringToSign(list, '')).toBe('A-byA.0x')
  })

  it('finds two parameters flattening to one key once sorted', () => {
    expect(() => listStringToSign(flattenToSign({ 'A.0': 'x', A: ['y'] }), 'K')).toThrow(
      expect.objectContaining({ code: 'PARAMETER_DUPLICATE', key: 'A.0' }),
    )
  })
})

describe('flattened once, then stringToSign', () => {
  it('builds the worked example of PROTOCOL.md exactly', () => {
    const params = {
      Action: 'DescribeUHostInstance',
      Region: 'cn-bj2',
      Limit: 10,
      PublicKey: 'ucloudsomeone@example.com1296235120854146120',
    }
    expect(buildStringToSign(params, PRIVATE_KEY)).toBe(
      'ActionDescribeUHostInstanceLimit10PublicKeyucloudsomeone@example.com1296235120854146120Regioncn-bj246f09bb9fab4f12dfc160dae12273d5332b5debe',
    )
  })

  it('leaves out Signature', () => {
    expect(buildStringToSign({ A: 'a', Signature: 'old' }, 'K')).toBe('AaK')
  })

  it('leaves out a top-level Signature whatever its value, on either path', () => {
    expect(buildStringToSign({ A: 'a', Signature: ['x'] }, 'K')).toBe('AaK')
    // A beside A-b takes the flatten-and-sort path.
    expect(buildStringToSign({ A: ['x'], 'A-b': 'y', Signature: ['s'] }, '')).toBe('A-byA.0x')
  })

  it('keeps a nested key named Signature, which is not the Signature parameter', () => {
    expect(buildStringToSign({ A: { Signature: 's' } }, 'K')).toBe('A.SignaturesK')
  })

  it('sorts case-sensitively by code unit: CPU before ChargeType', () => {
    expect(buildStringToSign({ ChargeType: 'Month', CPU: 2 }, 'K')).toBe('CPU2ChargeTypeMonthK')
  })

  it('sorts array indices as strings: TaskId.10 before TaskId.2', () => {
    const TaskId = Array.from({ length: 11 }, (_, i) => `t${i}`)
    expect(buildStringToSign({ TaskId }, '')).toBe(
      'TaskId.0t0TaskId.1t1TaskId.10t10TaskId.2t2TaskId.3t3TaskId.4t4TaskId.5t5TaskId.6t6TaskId.7t7TaskId.8t8TaskId.9t9',
    )
  })

  it('signs an empty string as the bare key', () => {
    expect(buildStringToSign({ A: '', B: 'b' }, 'K')).toBe('ABbK')
  })

  it('orders a nested key after a sibling that extends its name with a character below "."', () => {
    // "A-b" < "A.0" because '-' < '.', though "A" < "A-b".
    expect(buildStringToSign({ A: ['x'], 'A-b': 'y' }, '')).toBe('A-byA.0x')
    expect(buildStringToSign({ A: { k: 'x' }, 'A b': 'y', 'A+': 'z' }, '')).toBe('A byA+zA.kx')
  })

  it('orders already-flat keys mixed with nested ones', () => {
    expect(buildStringToSign({ A: ['x', 'y'], 'A.2': 'z', 'A.10': 'w' }, '')).toBe('A.0xA.1yA.10wA.2z')
  })

  it('rejects two parameters that flatten to the same key', () => {
    expect(() => buildStringToSign({ A: { b: 1 }, 'A.b': 2 }, 'K')).toThrow(
      expect.objectContaining({ code: 'PARAMETER_DUPLICATE', key: 'A.b' }),
    )
  })

  it('rejects values with no wire form, naming the key path', () => {
    expect(() => buildStringToSign({ Tags: [{ V: Number.NaN }] }, 'K')).toThrow(
      expect.objectContaining({ code: 'PARAMETER_INVALID', key: 'Tags.0.V' }),
    )
    expect(() => buildStringToSign({ A: ['x'], 'A.1': () => 1 }, 'K')).toThrow(SigningError)
  })

  it('rejects a circular reference and an empty name', () => {
    const loop: Record<string, unknown> = {}
    loop.Self = loop
    expect(() => buildStringToSign({ Loop: loop }, 'K')).toThrow(
      expect.objectContaining({ key: 'Loop.Self' }),
    )
    expect(() => buildStringToSign({ A: { '': 1 } }, 'K')).toThrow(
      expect.objectContaining({ code: 'PARAMETER_INVALID' }),
    )
  })

  it('matches an independent reference on random nested parameters, including prefix-sharing names', () => {
    // Names drawn from a small alphabet with '.', '-' and ' ' so prefixes and interleavings are common.
    const name = fc.stringMatching(/^[A-C][A-C.\- ]{0,3}$/)
    const scalar = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null))
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('tree'), { maxLength: 12 }), tie('object')),
      object: fc.dictionary(name, tie('tree'), { maxKeys: 5 }),
    }))
    const params = fc.dictionary(name, tree, { maxKeys: 8 })
    fc.assert(
      fc.property(params, (input) => {
        let expected: string | SigningError
        try {
          flattenParams(input)
          expected = referenceStringToSign(input, 'K')
        } catch (error) {
          expected = error as SigningError
        }
        // Both ways to the string: flattenParams then stringToSign, and signParams' sorted traversal.
        const listed = () => listStringToSign(flattenToSign(input), 'K')
        if (typeof expected === 'string') {
          expect(buildStringToSign(input, 'K')).toBe(expected)
          expect(listed()).toBe(expected)
        } else {
          expect(() => buildStringToSign(input, 'K')).toThrow(SigningError)
          expect(listed).toThrow(SigningError)
        }
      }),
      { numRuns: 1500 },
    )
  })
})
