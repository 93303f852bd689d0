import { sha1 } from '@noble/hashes/legacy.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

/**
 * SHA-1 by @noble/hashes (audited, synchronous, dependency-free) of the text's UTF-8 bytes (`TextEncoder`: lone
 * surrogates as U+FFFD), as 40 lowercase hex characters: the fallback where the platform has no SHA-1 of its own
 * (sha1.ts). A module of its own so that bundlers can load it lazily and keep only SHA-1 of the library: the
 * synchronous signer imports it, the platform SHA-1 only through `import()` (esbuild loads a package imported both
 * ways eagerly, and keeps all of a module reached by `import()`).
 */
export function nobleSha1Hex(text: string): string {
  return bytesToHex(sha1(utf8ToBytes(text)))
}
