import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nodeSha1Hex } from '../test/support/sign-request.js'
import { createCredentials } from './credentials.js'
import { flattenParams } from './flatten-params.js'
import { signedFormBody, signedFormBodyWith } from './signed-form-body.js'
import { verifySignature } from './verify-signature.js'

const SECRET = 'form-private-SECRET-4242'
const credentials = createCredentials('form-public', SECRET, { publicKey: 'p', privateKey: 'k' })
const flat = flattenParams({ Action: 'DescribeNewUcdnPrefetchCacheTask', TaskId: ['a b', 'c'], Limit: 10 })

function formOf(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body))
}

describe('signedFormBody', () => {
  it('sends every parameter, then PublicKey, then the Signature over what is sent', async () => {
    const body = await signedFormBody(flat, credentials)
    expect(body).toMatch(
      /^Action=DescribeNewUcdnPrefetchCacheTask&TaskId\.0=a%20b&TaskId\.1=c&Limit=10&PublicKey=form-public&Signature=[0-9a-f]{40}$/,
    )
    expect(verifySignature(formOf(body), SECRET)).toBe(true)
    expect(body).not.toContain(SECRET)
  })

  it('gives the body at once in Node (crypto.hash), no promise', () => {
    expect(typeof signedFormBody(flat, credentials)).toBe('string')
  })

  it('replaces a PublicKey and drops a Signature given, and leaves the parameters as they were', () => {
    const given = { ...flat, PublicKey: 'stale', Signature: 'old' }
    const before = { ...given }
    const form = formOf(signedFormBodyWith(given, credentials, nodeSha1Hex))
    expect(form.PublicKey).toBe('form-public')
    expect(form.Signature).not.toBe('old')
    expect(verifySignature(form, SECRET)).toBe(true)
    expect(given).toEqual(before)
  })

  it('signs with the digest given, waiting for an asynchronous one', async () => {
    const body = signedFormBodyWith(flat, credentials, async (text) => nodeSha1Hex(text))
    expect(body).toBeInstanceOf(Promise)
    expect(formOf(await body).Signature).toBe(
      formOf(signedFormBodyWith(flat, credentials, nodeSha1Hex)).Signature,
    )
  })

  it('refuses unusable keys, naming which, never showing the private one', () => {
    expect(() => signedFormBody(flat, { publicKey: '', privateKey: SECRET })).toThrow(
      expect.objectContaining({ name: 'CredentialsError', code: 'CREDENTIALS_INVALID', field: 'publicKey' }),
    )
    expect(() => signedFormBody(flat, { publicKey: 'p', privateKey: `${SECRET}\n` })).toThrow(
      expect.objectContaining({ code: 'PRIVATE_KEY_INVALID', message: expect.not.stringContaining(SECRET) }),
    )
  })

  it('sends and signs as a reference does: encodeURIComponent pairs in order, SHA-1 of the sorted pairs', () => {
    // Mostly plain ids (the body's no-escaping path), some needing escapes, shapes coming back (the key cache).
    const plain = fc.stringMatching(/^[\w.-]{0,6}$/)
    const any = fc.string({ maxLength: 4 })
    const flats = fc.array(
      fc.dictionary(fc.stringMatching(/^[A-C][A-C.0-9]{0,3}$/), fc.oneof(plain, plain, plain, any), {
        maxKeys: 25,
      }),
      { minLength: 1, maxLength: 4 },
    )
    fc.assert(
      fc.property(flats, (list) => {
        for (const params of [...list, ...list]) {
          const sent = { ...params, PublicKey: 'pk' }
          const keys = Object.keys(sent)
          const pairs = [...keys].sort().map((k) => k + sent[k as keyof typeof sent])
          const expected = `${keys.map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(sent[k as keyof typeof sent]!)}`).join('&')}&Signature=${nodeSha1Hex(`${pairs.join('')}K`)}`
          expect(signedFormBody(params, { publicKey: 'pk', privateKey: 'K' })).toBe(expected)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('reports a value that cannot be sent (an unpaired surrogate) before one that is not a string', () => {
    const flat = { A: 1, B: 'x\uD800' } as never
    expect(() => signedFormBody(flat, credentials)).toThrow(
      expect.objectContaining({ code: 'PARAMETER_INVALID', key: 'B' }),
    )
  })
})
