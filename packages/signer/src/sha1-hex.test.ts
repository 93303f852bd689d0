import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nativeSha1Hex } from './native-sha1-hex.js'
import { nobleSha1Hex } from './noble-sha1-hex.js'
import { loadNativeSha1Hex, sha1Hex } from './sha1-hex.js'

afterEach(() => {
  vi.unstubAllGlobals()
})

const implementations = { nobleSha1Hex, native: loadNativeSha1Hex()!, sha1Hex }

describe.each(Object.entries(implementations))('%s', (_, hash) => {
  it('matches the FIPS 180 test vectors', () => {
    expect(hash('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709')
    expect(hash('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d')
    expect(hash('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    )
  })

  it('hashes the UTF-8 bytes of the text, astral characters included', () => {
    expect(hash('é😀')).toBe(createHash('sha1').update(Buffer.from('é😀', 'utf8')).digest('hex'))
  })
})

describe('sha1Hex', () => {
  it('uses the native hash in Node', () => {
    expect(loadNativeSha1Hex()).toBeTypeOf('function')
    expect(sha1Hex).toBe(nativeSha1Hex)
  })

  it('gives the same digest natively and by @noble/hashes for any text, lone surrogates included', () => {
    const native = loadNativeSha1Hex()!
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(nobleSha1Hex(text)).toBe(native(text))
      }),
      { numRuns: 2000 },
    )
  })

  it('hashes a lone surrogate as U+FFFD, as TextEncoder does', () => {
    for (const hash of [nobleSha1Hex, loadNativeSha1Hex()!]) {
      expect(hash('a\uD800b')).toBe(hash('a\uFFFDb'))
      expect(hash('\uDC00')).toBe(hash('\uFFFD'))
    }
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
