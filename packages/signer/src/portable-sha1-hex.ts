/**
 * SHA-1 (FIPS 180-4) of the text's UTF-8 bytes (lone surrogates as U+FFFD, as `TextEncoder` and Node encode
 * them), as 40 lowercase hex characters: the implementation for runtimes without `node:crypto` (browsers).
 *
 * Hand-written, not a hashing library, to keep browser bundles small: it is about 0.4 KB gzipped where
 * @noble/hashes' SHA-1 with its helpers is 1.8 KB. Tested against the FIPS vectors, `node:crypto` and
 * @noble/hashes on arbitrary text.
 */
export function portableSha1Hex(text: string): string {
  const bytes = new TextEncoder().encode(text)
  const length = bytes.length
  // The message, the 0x80 terminator and the 64-bit bit length, in big-endian 32-bit words, padded to 512 bits.
  const words = new Int32Array((((length + 8) >> 6) + 1) * 16)
  for (let i = 0; i < length; i++) words[i >> 2]! |= bytes[i]! << (24 - (i & 3) * 8)
  words[length >> 2]! |= 0x80 << (24 - (length & 3) * 8)
  words[words.length - 2] = Math.floor(length / 0x20000000)
  words[words.length - 1] = length * 8
  const w = new Int32Array(80)
  let h0 = 0x67452301
  let h1 = 0xefcdab89 | 0
  let h2 = 0x98badcfe | 0
  let h3 = 0x10325476
  let h4 = 0xc3d2e1f0 | 0
  for (let block = 0; block < words.length; block += 16) {
    for (let t = 0; t < 16; t++) w[t] = words[block + t]!
    for (let t = 16; t < 80; t++) {
      const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!
      w[t] = (x << 1) | (x >>> 31)
    }
    let a = h0
    let b = h1
    let c = h2
    let d = h3
    let e = h4
    for (let t = 0; t < 80; t++) {
      const f =
        t < 20
          ? ((b & c) | (~b & d)) + 0x5a827999
          : t < 40
            ? (b ^ c ^ d) + 0x6ed9eba1
            : t < 60
              ? ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc
              : (b ^ c ^ d) + 0xca62c1d6
      const next = (((a << 5) | (a >>> 27)) + f + e + w[t]!) | 0
      e = d
      d = c
      c = (b << 30) | (b >>> 2)
      b = a
      a = next
    }
    h0 = (h0 + a) | 0
    h1 = (h1 + b) | 0
    h2 = (h2 + c) | 0
    h3 = (h3 + d) | 0
    h4 = (h4 + e) | 0
  }
  return hex(h0) + hex(h1) + hex(h2) + hex(h3) + hex(h4)
}

function hex(word: number): string {
  return (word >>> 0).toString(16).padStart(8, '0')
}
