import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nodeSha1Hex } from '../test/support/sign-request.js'
import { flattenParams } from './flatten-params.js'
import { signFlatParams } from './sign-flat-params.js'
import { signParams } from './sign-params.js'

const PUBLIC_KEY = 'ucloudsomeone@example.com1296235120854146120'
const PRIVATE_KEY = '46f09bb9fab4f12dfc160dae12273d5332b5debe'

describe('signFlatParams', () => {
  it('gives the signature of the worked example in PROTOCOL.md', () => {
    const flat = { Action: 'DescribeUHostInstance', Region: 'cn-bj2', Limit: '10', PublicKey: PUBLIC_KEY }
    expect(signFlatParams(flat, PRIVATE_KEY)).toBe('cba5cf5ec4d4233d206b1b54951e3787350a642f')
  })

  it('is the SHA-1 of the sorted key-value pairs and the private key, Signature left out', () => {
    const flat = { 'TaskId.10': 'k', 'TaskId.2': 'c', Action: 'A', Signature: 'old' }
    expect(signFlatParams(flat, 'K')).toBe(nodeSha1Hex('ActionATaskId.10kTaskId.2cK'))
  })

  it('agrees with signParams on whatever flattenParams makes', () => {
    const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean())
    const params = fc.dictionary(
      fc.stringMatching(/^[A-Z][a-z.]{0,4}$/),
      fc.oneof(scalar, fc.array(scalar, { maxLength: 12 })),
    )
    fc.assert(
      fc.property(params, (input) => {
        let flat: Record<string, string>
        try {
          flat = flattenParams(input)
        } catch {
          return // two names flattening to one key: nothing to sign
        }
        expect(signFlatParams(flat, PRIVATE_KEY)).toBe(signParams(input, PRIVATE_KEY))
      }),
      { numRuns: 500 },
    )
  })

  it('refuses an unusable private key without showing it, and parameters that are not flat', () => {
    expect(() => signFlatParams({ A: 'a' }, ' SECRET ')).toThrow(
      expect.objectContaining({
        code: 'PRIVATE_KEY_INVALID',
        message: expect.not.stringContaining('SECRET'),
      }),
    )
    expect(() => signFlatParams({ TaskId: ['a'] } as never, PRIVATE_KEY)).toThrow(
      expect.objectContaining({ code: 'PARAMETER_INVALID', field: 'TaskId' }),
    )
  })
})
