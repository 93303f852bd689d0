import type { RequestContext } from '@scloud/ucdn-client'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { signRequest } from '../test/support/sign-request.js'
import { type CredentialProvider, fromStatic } from './credentials.js'
import { CredentialsError } from './credentials-error.js'
import { lazyFallbackSha1Hex, nativeSha1Hex, type Sha1HexDigest, webSha1Hex } from './sha1.js'
import { fallbackSha1Hex } from './sha1-fallback.js'
import { signingMiddleware, signingMiddlewareWith } from './signing-middleware.js'
import { verifySignature } from './verify-signature.js'

afterEach(() => {
  vi.unstubAllGlobals()
})

const SECRET = 'middleware-private-SECRET-0101'

function context(): RequestContext {
  return {
    fetch: () => Promise.reject(new Error('not used')),
    url: 'https://api.example.com/#Action=DescribeThing',
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Action: 'DescribeThing', TaskId: ['a', 'b'] }),
    },
  }
}

function formOf(body: unknown): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body as string))
}

describe('signingMiddleware', () => {
  it('signs with static credentials', async () => {
    const middleware = signingMiddleware({ publicKey: 'mw-public', privateKey: SECRET })
    const signed = await middleware.pre!(context())
    expect(signed).toBeDefined()
    const form = formOf(signed!.init.body)
    expect(form).toMatchObject({
      Action: 'DescribeThing',
      'TaskId.0': 'a',
      'TaskId.1': 'b',
      PublicKey: 'mw-public',
    })
    expect(verifySignature(form, SECRET)).toBe(true)
  })

  it('rejects unusable static credentials when it is made', () => {
    expect(() => signingMiddleware({ publicKey: 'mw-public', privateKey: '' })).toThrow(
      expect.objectContaining({ code: 'CREDENTIALS_INVALID' }),
    )
  })

  it('asks the provider on every request, so rotated keys apply at once', async () => {
    let calls = 0
    const provider: CredentialProvider = async () => {
      calls++
      return fromStatic({ publicKey: `public-${calls}`, privateKey: `private-${calls}` })()
    }
    const middleware = signingMiddleware(provider)
    const first = formOf((await middleware.pre!(context()))!.init.body)
    const second = formOf((await middleware.pre!(context()))!.init.body)
    expect(calls).toBe(2)
    expect(first.PublicKey).toBe('public-1')
    expect(second.PublicKey).toBe('public-2')
    expect(verifySignature(second, 'private-2')).toBe(true)
  })

  it("passes on the provider's error", async () => {
    const failure = new CredentialsError('CREDENTIALS_NOT_FOUND', 'nothing here')
    const middleware = signingMiddleware(() => Promise.reject(failure))
    await expect(middleware.pre!(context())).rejects.toBe(failure)
  })

  it('copes with a provider that is not async: one returning the keys works, one throwing rejects', async () => {
    const keys = { publicKey: 'sync-public', privateKey: 'sync-private' }
    const returning = signingMiddleware((() => keys) as never)
    const body = formOf((await returning.pre!(context()))!.init.body)
    expect(body.PublicKey).toBe('sync-public')
    expect(verifySignature(body, 'sync-private')).toBe(true)
    const failure = new CredentialsError('CREDENTIALS_NOT_FOUND', 'nothing here')
    const throwing = signingMiddleware((() => {
      throw failure
    }) as never)
    await expect(throwing.pre!(context())).rejects.toBe(failure)
  })

  it('rejects what a provider returns when it is not a usable key pair', async () => {
    for (const bad of [
      undefined,
      {},
      { publicKey: 'p', privateKey: '' },
      { publicKey: 1, privateKey: 'k' },
    ]) {
      const middleware = signingMiddleware(async () => bad as never)
      await expect(middleware.pre!(context())).rejects.toMatchObject({ code: 'CREDENTIALS_INVALID' })
    }
  })

  it('run twice on the same request (a retry) still sends exactly one valid Signature', async () => {
    const middleware = signingMiddleware({ publicKey: 'mw-public', privateKey: SECRET })
    const request = context()
    const once = (await middleware.pre!(request))!
    const twice = (await middleware.pre!({ ...request, ...once }))!
    const body = String(twice.init.body)
    expect(body.match(/(^|&)Signature=/g)).toHaveLength(1)
    expect(verifySignature(formOf(body), SECRET)).toBe(true)
    expect(twice).toEqual(once)
    const again = (await middleware.pre!(request))!
    expect(again).toEqual(once)
  })
})

const RESERVED = ['Action', 'PublicKey', 'Signature']

describe('signingMiddlewareWith (each SHA-1 backend)', () => {
  const backends: Record<string, Sha1HexDigest> = {
    'crypto.hash (Node, synchronous)': nativeSha1Hex!,
    'crypto.subtle (Web Crypto)': webSha1Hex,
    'fallback SHA-1, imported lazily': lazyFallbackSha1Hex,
    'fallback SHA-1, synchronous': fallbackSha1Hex,
  }
  const credentials = { publicKey: 'mw-public', privateKey: SECRET }

  it.each(Object.entries(backends))('%s signs exactly as the synchronous signer does', async (_, digest) => {
    const expected = signRequest(context(), credentials)
    expect(await signingMiddlewareWith(credentials, digest).pre!(context())).toEqual(expected)
    expect(await signingMiddlewareWith(async () => credentials, digest).pre!(context())).toEqual(expected)
  })

  it('every backend gives the same signed request for any parameters, lone surrogates included', async () => {
    const middlewares = Object.values(backends).map((digest) => signingMiddlewareWith(credentials, digest))
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).filter((key) => !RESERVED.includes(key)),
          fc.string({ unit: 'binary' }),
        ),
        async (params) => {
          const body = JSON.stringify({ ...params, Action: 'DescribeThing' })
          const request = { ...context(), init: { method: 'POST', body } }
          const expected = signRequest(request, credentials)
          for (const middleware of middlewares) expect(await middleware.pre!(request)).toEqual(expected)
          expect(verifySignature(formOf(expected.init.body), SECRET)).toBe(true)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('signs in a runtime without crypto.subtle (an insecure page) through the lazily imported fallback SHA-1', async () => {
    vi.stubGlobal('crypto', {})
    const signed = await signingMiddlewareWith(credentials, webSha1Hex).pre!(context())
    expect(signed).toEqual(signRequest(context(), credentials))
  })

  it("passes on a digest's failure as the request's rejection", async () => {
    const failure = new Error('no digest')
    const middleware = signingMiddlewareWith(credentials, () => Promise.reject(failure))
    await expect(middleware.pre!(context())).rejects.toBe(failure)
  })

  it('signs synchronously with a synchronous backend: the promise is already settled', async () => {
    const middleware = signingMiddlewareWith(credentials, nativeSha1Hex!)
    let settled = false
    void middleware.pre!(context()).then(() => {
      settled = true
    })
    await Promise.resolve()
    expect(settled).toBe(true)
  })
})
