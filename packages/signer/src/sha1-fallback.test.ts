import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fallbackSha1Hex } from './sha1-fallback.js'

/** `node:crypto` over the same bytes: what the fallback must equal, byte for byte. */
const nodeSha1Hex = (text: string) =>
  createHash('sha1')
    .update(Buffer.from(new TextEncoder().encode(text)))
    .digest('hex')

describe('fallbackSha1Hex', () => {
  it.each([
    ['the empty string', '', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['"abc"', 'abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    [
      'the 448-bit message',
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    ],
    [
      'the 896-bit message',
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'a49b2446a02c645bf419f995b67091253a04a259',
    ],
    ['one million "a"', 'a'.repeat(1_000_000), '34aa973cd4c4daa4f61eeb2bdbad27316534016f'],
  ])('matches the FIPS 180 / NIST test vector for %s', (_, text, digest) => {
    expect(fallbackSha1Hex(text)).toBe(digest)
  })

  // 55/56, 63/64 and 119/120 bytes: the length still fits the last block, or needs one more.
  it('pads every length around the block boundaries (0..130 bytes) as node:crypto does', () => {
    for (let length = 0; length <= 130; length++) {
      const ascii = String.fromCharCode(...Array.from({ length }, (_, i) => i % 128))
      for (const text of ['a'.repeat(length), ascii]) {
        expect(fallbackSha1Hex(text), `${length} bytes`).toBe(nodeSha1Hex(text))
      }
    }
  })

  it('hashes multi-byte UTF-8, with a length in bytes, not characters', () => {
    for (const text of ['é', '€uro', '😀', 'é'.repeat(28), '😀'.repeat(14), '日本語'.repeat(40)]) {
      expect(fallbackSha1Hex(text), text).toBe(createHash('sha1').update(text, 'utf8').digest('hex'))
    }
  })

  it('hashes a lone surrogate as U+FFFD, as TextEncoder does', () => {
    expect(fallbackSha1Hex('a\uD800b')).toBe(nodeSha1Hex('a\uFFFDb'))
    expect(fallbackSha1Hex('\uDC00\uD83D')).toBe(nodeSha1Hex('\uFFFD\uFFFD'))
  })

  it('equals node:crypto over the UTF-8 bytes of any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expect(fallbackSha1Hex(text)).toBe(nodeSha1Hex(text))
      }),
      { numRuns: 1000 },
    )
  })
})
