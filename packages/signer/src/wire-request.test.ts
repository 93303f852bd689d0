import { describe, expect, it } from 'vitest'
import { signRequest } from '../test/support/sign-request.js'
import { createCredentials } from './credentials.js'
import { verifySignature } from './verify-signature.js'
import { withFormContentType } from './wire-request.js'

const SECRET = 'request-private-SECRET-777'
const credentials = createCredentials('request-public', SECRET, { publicKey: 'p', privateKey: 'k' })
const generated = {
  url: 'http://127.0.0.1:1234/#Action=DescribeNewUcdnPrefetchCacheTask',
  init: {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Trace': 't-1' },
    body: JSON.stringify({
      Action: 'DescribeNewUcdnPrefetchCacheTask',
      TaskId: ['a', 'b'],
      BeginTime: 1700000000,
      IsDcdn: false,
      ProjectId: 'org-1',
    }),
  },
}

function formOf(body: unknown): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body as string))
}

describe('signRequestWith', () => {
  it('posts to the URL without its fragment', () => {
    const { url, init } = signRequest(generated, credentials)
    expect(url).toBe('http://127.0.0.1:1234/')
    expect(init.method).toBe('POST')
  })

  it('keeps a query string that comes before the fragment', () => {
    expect(
      signRequest(
        { ...generated, url: 'http://h/?tenant=1#Action=DescribeNewUcdnPrefetchCacheTask' },
        credentials,
      ).url,
    ).toBe('http://h/?tenant=1')
    expect(signRequest({ ...generated, url: 'http://h/' }, credentials).url).toBe('http://h/')
  })

  it('posts even when asked for another method', () => {
    expect(
      signRequest({ ...generated, init: { ...generated.init, method: 'GET' } }, credentials).init.method,
    ).toBe('POST')
  })

  it('sends every flattened parameter, PublicKey and a valid Signature in a form body', () => {
    const form = formOf(signRequest(generated, credentials).init.body)
    expect(form).toEqual({
      Action: 'DescribeNewUcdnPrefetchCacheTask',
      'TaskId.0': 'a',
      'TaskId.1': 'b',
      BeginTime: '1700000000',
      IsDcdn: 'false',
      ProjectId: 'org-1',
      PublicKey: 'request-public',
      Signature: expect.stringMatching(/^[0-9a-f]{40}$/),
    })
    expect(verifySignature(form, SECRET)).toBe(true)
  })

  it('replaces a JSON Content-Type with form-urlencoded and keeps other headers', () => {
    const { headers } = signRequest(generated, credentials).init
    expect(headers).toEqual({ 'X-Trace': 't-1', 'Content-Type': 'application/x-www-form-urlencoded' })
  })

  it('keeps the other RequestInit fields', () => {
    const signal = new AbortController().signal
    const { init } = signRequest(
      { ...generated, init: { ...generated.init, signal, credentials: 'omit' } },
      credentials,
    )
    expect(init.signal).toBe(signal)
    expect(init.credentials).toBe('omit')
  })

  it('does not change the request it is given', () => {
    const before = structuredClone(generated)
    signRequest(generated, credentials)
    expect(generated).toEqual(before)
  })

  it('re-signs an already-signed request: one Signature, the current PublicKey', () => {
    const once = signRequest(generated, credentials)
    const rotated = createCredentials('rotated-public', 'rotated-private', {
      publicKey: 'p',
      privateKey: 'k',
    })
    const twice = signRequest(once, rotated)
    const body = String(twice.init.body)
    expect(body.match(/(^|&)Signature=/g)).toHaveLength(1)
    expect(body.match(/(^|&)PublicKey=/g)).toHaveLength(1)
    const form = formOf(body)
    expect(form.PublicKey).toBe('rotated-public')
    expect(verifySignature(form, 'rotated-private')).toBe(true)
    expect(twice.url).toBe(once.url)
  })

  it('re-signs a request whose body is URLSearchParams', () => {
    const once = signRequest(generated, credentials)
    const again = signRequest(
      { url: once.url, init: { ...once.init, body: new URLSearchParams(String(once.init.body)) } },
      credentials,
    )
    expect(again.init.body).toBe(once.init.body)
  })

  it('replaces a PublicKey or Signature the caller put among the parameters', () => {
    const body = JSON.stringify({ Action: 'X', PublicKey: 'stale', Signature: 'stale' })
    const form = formOf(
      signRequest({ url: 'http://h/', init: { body, headers: generated.init.headers } }, credentials).init
        .body,
    )
    expect(form.PublicKey).toBe('request-public')
    expect(verifySignature(form, SECRET)).toBe(true)
  })

  it('never puts the private key in the URL, headers or body', () => {
    const { url, init } = signRequest(generated, credentials)
    expect(url).not.toContain(SECRET)
    expect(JSON.stringify(init.headers)).not.toContain(SECRET)
    expect(String(init.body)).not.toContain(SECRET)
  })
})

describe('withFormContentType', () => {
  const FORM = 'application/x-www-form-urlencoded'

  it('replaces Content-Type in any case and drops a stale Content-Length in a plain object', () => {
    expect(
      withFormContentType({ 'content-type': 'application/json', 'Content-Length': '12', Accept: 'a' }),
    ).toEqual({
      Accept: 'a',
      'Content-Type': FORM,
    })
    expect(withFormContentType(undefined)).toEqual({ 'Content-Type': FORM })
  })

  it('returns a new Headers for a Headers instance', () => {
    const original = new Headers({ 'Content-Type': 'application/json', 'Content-Length': '12', Accept: 'a' })
    const headers = withFormContentType(original) as Headers
    expect(headers).toBeInstanceOf(Headers)
    expect([...headers]).toEqual([
      ['accept', 'a'],
      ['content-type', FORM],
    ])
    expect(original.get('content-type')).toBe('application/json')
  })

  it('returns a new array for an array of pairs', () => {
    expect(
      withFormContentType([
        ['CONTENT-TYPE', 'application/json'],
        ['Accept', 'a'],
      ]),
    ).toEqual([
      ['Accept', 'a'],
      ['Content-Type', FORM],
    ])
  })
})
