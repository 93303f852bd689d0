import { createHash, webcrypto } from 'node:crypto'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nativeSha1Hex } from './native-sha1-hex.js'
import { nobleSha1Hex } from './noble-sha1-hex.js'
import { lazyNobleSha1Hex, platformSha1Hex, webSha1Hex } from './platform-sha1-hex.js'

// The same @noble/hashes SHA-1, watched: which calls reach the lazily imported module.
vi.mock('./noble-sha1-hex.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./noble-sha1-hex.js')>()
  return { nobleSha1Hex: vi.fn(original.nobleSha1Hex) }
})

const nodeSha1Hex = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex')

afterEach(() => {
  vi.unstubAllGlobals()
  vi.mocked(nobleSha1Hex).mockClear()
})

describe('platformSha1Hex', () => {
  it("is Node's synchronous crypto.hash in Node: no promise on the request path", () => {
    expect(nativeSha1Hex).toBeTypeOf('function')
    expect(platformSha1Hex).toBe(nativeSha1Hex)
    expect(platformSha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d')
  })
})

describe('webSha1Hex', () => {
  it('matches the FIPS 180 test vectors', async () => {
    expect(await webSha1Hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709')
    expect(await webSha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d')
    expect(await webSha1Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    )
  })

  it('uses crypto.subtle where there is one, and no @noble/hashes', async () => {
    const digest = vi.fn((algorithm: string, data: Uint8Array) => webcrypto.subtle.digest(algorithm, data))
    vi.stubGlobal('crypto', { subtle: { digest } })
    expect(await webSha1Hex('é😀')).toBe(nodeSha1Hex('é😀'))
    expect(digest).toHaveBeenCalledWith('SHA-1', new TextEncoder().encode('é😀'))
    expect(nobleSha1Hex).not.toHaveBeenCalled()
  })

  it('gives what node:crypto and @noble/hashes give for any text, lone surrogates as U+FFFD', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (text) => {
        const digest = await webSha1Hex(text)
        expect(digest).toBe(nodeSha1Hex(text))
        expect(digest).toBe(nobleSha1Hex(text))
      }),
      { numRuns: 1000 },
    )
    expect(await webSha1Hex('a\uD800b')).toBe(nodeSha1Hex('a\uFFFDb'))
    expect(await webSha1Hex('\uDC00\uD83D')).toBe(nodeSha1Hex('\uFFFD\uFFFD'))
  })

  it.each([
    ['no crypto.subtle (an insecure context)', {}],
    ['no crypto at all', undefined],
  ])('falls back to the lazily imported @noble/hashes where there is %s', async (_, crypto) => {
    vi.stubGlobal('crypto', crypto)
    expect(await webSha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d')
    expect(nobleSha1Hex).toHaveBeenCalledWith('abc')
    vi.mocked(nobleSha1Hex).mockClear()
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (text) => {
        expect(await webSha1Hex(text)).toBe(nodeSha1Hex(text))
      }),
      { numRuns: 200 },
    )
    expect(nobleSha1Hex).toHaveBeenCalledTimes(200)
  })
})

describe('lazyNobleSha1Hex', () => {
  it('hashes with @noble/hashes once it is loaded', async () => {
    const [first, second] = await Promise.all([lazyNobleSha1Hex('a'), lazyNobleSha1Hex('b')])
    expect(first).toBe(nodeSha1Hex('a'))
    expect(second).toBe(nodeSha1Hex('b'))
    expect(nobleSha1Hex).toHaveBeenCalledTimes(2)
  })
})
