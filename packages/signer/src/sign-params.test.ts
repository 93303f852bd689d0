import { describe, expect, it } from 'vitest'
import { signParams } from './sign-params.js'
import { SigningError } from './signing-error.js'

const PUBLIC_KEY = 'ucloudsomeone@example.com1296235120854146120'
const PRIVATE_KEY = '46f09bb9fab4f12dfc160dae12273d5332b5debe'

describe('signParams', () => {
  it('gives the signature of the worked example in PROTOCOL.md', () => {
    const params = { Action: 'DescribeUHostInstance', Region: 'cn-bj2', Limit: 10, PublicKey: PUBLIC_KEY }
    expect(signParams(params, PRIVATE_KEY)).toBe('cba5cf5ec4d4233d206b1b54951e3787350a642f')
  })

  it('returns 40 lowercase hex characters, synchronously', () => {
    const signature = signParams({ Action: 'A' }, PRIVATE_KEY)
    expect(typeof signature).toBe('string')
    expect(signature).toMatch(/^[0-9a-f]{40}$/)
  })

  it('ignores a Signature among the parameters', () => {
    const params = { Action: 'DescribeUHostInstance', Region: 'cn-bj2', Limit: 10, PublicKey: PUBLIC_KEY }
    expect(signParams({ ...params, Signature: 'whatever' }, PRIVATE_KEY)).toBe(
      signParams(params, PRIVATE_KEY),
    )
  })

  it('gives the same signature for nested parameters and their flattened form', () => {
    const nested = {
      Action: 'X',
      TaskId: ['a', 'b'],
      Filter: { Limit: 5, Tags: [{ K: 'v' }] },
      IsDcdn: false,
    }
    const flat = {
      Action: 'X',
      'TaskId.0': 'a',
      'TaskId.1': 'b',
      'Filter.Limit': '5',
      'Filter.Tags.0.K': 'v',
      IsDcdn: 'false',
    }
    expect(signParams(nested, PRIVATE_KEY)).toBe(signParams(flat, PRIVATE_KEY))
  })

  it('depends on the private key', () => {
    expect(signParams({ Action: 'A' }, 'key-1')).not.toBe(signParams({ Action: 'A' }, 'key-2'))
  })

  it('rejects an empty or non-string private key without showing it', () => {
    for (const bad of ['', undefined, 42, null]) {
      expect(() => signParams({ Action: 'A' }, bad as never)).toThrow(
        expect.objectContaining({ name: 'SigningError', code: 'PRIVATE_KEY_INVALID' }),
      )
    }
    expect(() => signParams({ Action: 'A' }, 42 as never)).toThrow(
      'The private key must be a non-empty string without surrounding whitespace (got number).',
    )
  })

  it('rejects a private key with surrounding whitespace (a pasted newline), as fromStatic does, without showing it', () => {
    for (const bad of [' SECRET-KEY', 'SECRET-KEY\n', '\tSECRET-KEY ']) {
      const error = (() => {
        try {
          signParams({ Action: 'A' }, bad)
        } catch (e) {
          return e as Error
        }
        throw new Error('expected a SigningError')
      })()
      expect(error).toMatchObject({ name: 'SigningError', code: 'PRIVATE_KEY_INVALID' })
      expect(error.message).toContain('leading or trailing whitespace')
      expect(error.message).not.toContain('SECRET')
    }
  })

  it('throws a SigningError naming the key for a value with no wire form', () => {
    expect(() => signParams({ Limit: Number.NaN }, PRIVATE_KEY)).toThrow(SigningError)
    expect(() => signParams({ Limit: Number.NaN }, PRIVATE_KEY)).toThrow('"Limit" is NaN')
  })
})
