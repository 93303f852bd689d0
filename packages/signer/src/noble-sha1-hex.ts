import { sha1 } from '@noble/hashes/legacy.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

/**
 * SHA-1 by @noble/hashes (audited, synchronous, dependency-free) of the text's UTF-8 bytes (`TextEncoder`:
 * lone surrogates as U+FFFD), as 40 lowercase hex characters: the fallback where the platform has no SHA-1
 * of its own to offer. The synchronous signer imports it; the middleware only through `import()`.
 */
export function nobleSha1Hex(text: string): string {
  return bytesToHex(sha1(utf8ToBytes(text)))
}
