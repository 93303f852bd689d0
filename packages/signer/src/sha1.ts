// The SHA-1 of a string to sign (its UTF-8 bytes, lone surrogates as U+FFFD, as 40 lowercase hex characters), by
// the platform wherever there is one, so browsers load no hashing library:
// - Node (Deno, Bun): `crypto.hash`, synchronous, reached without a `node:` import;
// - browsers and other runtimes: Web Crypto's `crypto.subtle.digest` (secure contexts: https, localhost), which
//   is asynchronous only;
// - neither (a page served over plain http): our own small SHA-1 (sha1-fallback.ts), which the asynchronous path
//   imports with `import()` on first use, so bundlers give it a chunk only such pages fetch. The synchronous
//   signer (sign-flat-params.ts) imports it statically: a synchronous API cannot wait for a chunk.

/** A synchronous SHA-1 of the text, as hex. */
export type Sha1Hex = (text: string) => string

/** A SHA-1 of the text, as hex: at once when the backend is synchronous, else as a promise. */
export type Sha1HexDigest = (text: string) => string | Promise<string>

/**
 * Node's one-shot `crypto.hash`, when the runtime has one: about five times faster than any JS SHA-1 on a
 * typical request, and synchronous. Reached through `process.getBuiltinModule` (Node ≥ 20.16, Deno, Bun)
 * rather than an import, so this module stays loadable in browsers, where it is simply absent.
 */
export function loadNativeSha1Hex(): Sha1Hex | undefined {
  try {
    const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    const crypto = runtime?.getBuiltinModule?.('node:crypto') as { hash?: unknown } | undefined
    const hash = crypto?.hash
    if (typeof hash !== 'function') return undefined
    const native = (text: string): string => hash('sha1', text, 'hex') as string
    // A runtime that only looks like Node (a shim, a FIPS build without SHA-1) must not sign requests.
    return native('abc') === 'a9993e364706816aba3e25717850c26c9cd0d89d' ? native : undefined
  } catch {
    return undefined
  }
}

/** The platform's synchronous SHA-1, where there is one. */
export const nativeSha1Hex: Sha1Hex | undefined = loadNativeSha1Hex()

/** The platform's SHA-1 for asynchronous callers (the signing middleware): see the top of this file. */
export const platformSha1Hex: Sha1HexDigest = nativeSha1Hex ?? webSha1Hex

interface DigestOnly {
  digest(algorithm: 'SHA-1', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>
}

/** Web Crypto's SHA-1, or the lazily loaded fallback SHA-1 where `crypto.subtle` is missing. */
export function webSha1Hex(text: string): Promise<string> {
  const subtle = (globalThis as { crypto?: { subtle?: DigestOnly } }).crypto?.subtle
  if (typeof subtle?.digest !== 'function') return lazyFallbackSha1Hex(text)
  return subtle
    .digest('SHA-1', new TextEncoder().encode(text))
    .then((digest) => toHex(new Uint8Array(digest)))
}

let loadingFallback: Promise<Sha1Hex> | undefined

/** The fallback SHA-1, imported on first use (a failed load, say of a chunk over a bad network, is retried). */
export function lazyFallbackSha1Hex(text: string): Promise<string> {
  loadingFallback ??= import('./sha1-fallback.js').then(
    (module) => module.fallbackSha1Hex,
    (error: unknown) => {
      loadingFallback = undefined
      throw error
    },
  )
  return loadingFallback.then((hash) => hash(text))
}

function toHex(bytes: Uint8Array): string {
  let hex = ''
  for (let i = 0; i < bytes.length; i++) hex += (bytes[i]! + 0x100).toString(16).slice(1)
  return hex
}
