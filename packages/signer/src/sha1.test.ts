import { createHash, webcrypto } from 'node:crypto'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { lazyFallbackSha1Hex, loadNativeSha1Hex, nativeSha1Hex, platformSha1Hex, webSha1Hex } from './sha1.js'
import { fallbackSha1Hex } from './sha1-fallback.js'

// The same fallback SHA-1, watched: which calls reach the module the lazy path imports.
vi.mock('./sha1-fallback.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./sha1-fallback.js')>()
  return { fallbackSha1Hex: vi.fn(original.fallbackSha1Hex) }
})

const nodeSha1Hex = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex')

afterEach(() => {
  vi.unstubAllGlobals()
  vi.mocked(fallbackSha1Hex).mockClear()
})

const VECTORS: [string, string][] = [
  ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
  ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
  ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '84983e441c3bd26ebaae4aa1f95129e5e54670f1'],
]

describe.each([
  ['crypto.hash (native)', loadNativeSha1Hex()!],
  ['fallback SHA-1', fallbackSha1Hex],
  ['Web Crypto', webSha1Hex],
  ['fallback SHA-1, imported lazily', lazyFallbackSha1Hex],
])('%s', (_, hash) => {
  it('matches the FIPS 180 test vectors', async () => {
    for (const [text, digest] of VECTORS) expect(await hash(text)).toBe(digest)
  })

  it('hashes the UTF-8 bytes of any text, lone surrogates as U+FFFD (as TextEncoder does)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (text) => {
        expect(await hash(text)).toBe(nodeSha1Hex(text))
      }),
      { numRuns: 500 },
    )
    expect(await hash('a\uD800b')).toBe(nodeSha1Hex('a\uFFFDb'))
    expect(await hash('\uDC00\uD83D')).toBe(nodeSha1Hex('\uFFFD\uFFFD'))
  })
})

describe('platformSha1Hex', () => {
  it("is Node's synchronous crypto.hash in Node: no promise on the request path", () => {
    expect(nativeSha1Hex).toBeTypeOf('function')
    expect(platformSha1Hex).toBe(nativeSha1Hex)
    expect(platformSha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d')
  })
})

describe('webSha1Hex', () => {
  it('uses crypto.subtle where there is one, and not the fallback SHA-1', async () => {
    const digest = vi.fn((algorithm: string, data: Uint8Array) => webcrypto.subtle.digest(algorithm, data))
    vi.stubGlobal('crypto', { subtle: { digest } })
    expect(await webSha1Hex('é😀')).toBe(nodeSha1Hex('é😀'))
    expect(digest).toHaveBeenCalledWith('SHA-1', new TextEncoder().encode('é😀'))
    expect(fallbackSha1Hex).not.toHaveBeenCalled()
  })

  it.each([
    ['no crypto.subtle (an insecure context)', {}],
    ['no crypto at all', undefined],
  ])('falls back to the lazily imported fallback SHA-1 where there is %s', async (_, crypto) => {
    vi.stubGlobal('crypto', crypto)
    expect(await webSha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d')
    expect(fallbackSha1Hex).toHaveBeenCalledWith('abc')
  })
})

describe('loadNativeSha1Hex', () => {
  it('finds nothing where there is no process (a browser)', () => {
    vi.stubGlobal('process', undefined)
    const loaded = loadNativeSha1Hex()
    vi.unstubAllGlobals()
    expect(loaded).toBeUndefined()
  })

  it('finds nothing where process has no getBuiltinModule or crypto has no hash', () => {
    vi.stubGlobal('process', { env: {} })
    const withoutGetter = loadNativeSha1Hex()
    vi.stubGlobal('process', { getBuiltinModule: () => ({}) })
    const withoutHash = loadNativeSha1Hex()
    vi.unstubAllGlobals()
    expect(withoutGetter).toBeUndefined()
    expect(withoutHash).toBeUndefined()
  })

  it('refuses a hash that fails its self-test, or throws', () => {
    vi.stubGlobal('process', { getBuiltinModule: () => ({ hash: () => 'not sha-1' }) })
    const wrong = loadNativeSha1Hex()
    vi.stubGlobal('process', {
      getBuiltinModule: () => {
        throw new Error('no crypto')
      },
    })
    const throwing = loadNativeSha1Hex()
    vi.unstubAllGlobals()
    expect(wrong).toBeUndefined()
    expect(throwing).toBeUndefined()
  })
})
