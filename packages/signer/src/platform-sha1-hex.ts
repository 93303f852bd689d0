import { nativeSha1Hex } from './native-sha1-hex.js'

/**
 * A SHA-1 for the signing middleware: of the text's UTF-8 bytes (lone surrogates as U+FFFD), as 40
 * lowercase hex characters, given at once when the backend is synchronous, else as a promise.
 */
export type Sha1HexDigest = (text: string) => string | Promise<string>

/**
 * The platform's SHA-1 wherever there is one, so browsers load no hashing library:
 * - Node (Deno, Bun): `crypto.hash`, synchronous, no promise on the request path;
 * - browsers and other runtimes: Web Crypto's `crypto.subtle.digest` (secure contexts: https, localhost);
 * - no `crypto.subtle` (a page served over plain http): @noble/hashes, loaded with `import()` on first use,
 *   so bundlers put it in a chunk of its own that only such pages fetch.
 */
export const platformSha1Hex: Sha1HexDigest = nativeSha1Hex ?? webSha1Hex

interface DigestOnly {
  digest(algorithm: 'SHA-1', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>
}

/** Web Crypto's SHA-1, or the lazily loaded @noble/hashes where `crypto.subtle` is missing. */
export function webSha1Hex(text: string): Promise<string> {
  const subtle = (globalThis as { crypto?: { subtle?: DigestOnly } }).crypto?.subtle
  if (typeof subtle?.digest !== 'function') return lazyNobleSha1Hex(text)
  return subtle.digest('SHA-1', new TextEncoder().encode(text)).then(toHex)
}

let loadingNoble: Promise<(text: string) => string> | undefined

/** @noble/hashes' SHA-1, imported on first use (a failed load, say of a chunk over a bad network, is retried). */
export function lazyNobleSha1Hex(text: string): Promise<string> {
  loadingNoble ??= import('./noble-sha1-hex.js').then(
    (module) => module.nobleSha1Hex,
    (error: unknown) => {
      loadingNoble = undefined
      throw error
    },
  )
  return loadingNoble.then((hash) => hash(text))
}

function toHex(digest: ArrayBuffer): string {
  const bytes = new Uint8Array(digest)
  let hex = ''
  for (let i = 0; i < bytes.length; i++) hex += (bytes[i]! + 0x100).toString(16).slice(1)
  return hex
}
