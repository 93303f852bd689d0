import { createHash } from 'node:crypto'
import { sha1 } from '@noble/hashes/legacy.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { portableSha1Hex } from './portable-sha1-hex.js'
import { loadNativeSha1Hex, sha1Hex } from './sha1-hex.js'

const nobleSha1Hex = (text: string) => bytesToHex(sha1(utf8ToBytes(text)))

afterEach(() => {
  vi.unstubAllGlobals()
})

const implementations = { portableSha1Hex, native: loadNativeSha1Hex()!, sha1Hex }

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
  })

  it('gives the same digest natively, in JavaScript and by @noble/hashes for any text, lone surrogates included', () => {
    const native = loadNativeSha1Hex()!
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(portableSha1Hex(text)).toBe(native(text))
        expect(portableSha1Hex(text)).toBe(nobleSha1Hex(text))
      }),
      { numRuns: 2000 },
    )
  })

  it('pads every length around the 64-byte block edges correctly', () => {
    const native = loadNativeSha1Hex()!
    for (let length = 0; length < 300; length++) {
      const text = 'é'.repeat(length >> 1) + 'x'.repeat(length & 1)
      expect(portableSha1Hex(text)).toBe(native(text))
    }
    const large = 'a'.repeat(1_000_000)
    expect(portableSha1Hex(large)).toBe('34aa973cd4c4daa4f61eeb2bdbad27316534016f')
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
