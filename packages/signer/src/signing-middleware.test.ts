import type { RequestContext } from '@scloud/ucdn-client'
import { describe, expect, it } from 'vitest'
import { type CredentialProvider, fromStatic } from './credentials.js'
import { CredentialsError } from './credentials-error.js'
import { signingMiddleware } from './signing-middleware.js'
import { verifySignature } from './verify-signature.js'

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
