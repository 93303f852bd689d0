import { nativeSha1Hex } from './native-sha1-hex.js'
import { nobleSha1Hex } from './noble-sha1-hex.js'

export { loadNativeSha1Hex } from './native-sha1-hex.js'

/**
 * Synchronous SHA-1 of the text's UTF-8 bytes (lone surrogates as U+FFFD), as 40 lowercase hex characters,
 * for `signParams` and `verifySignature`: Node's `crypto.hash` where the runtime has it (checked by a
 * self-test), @noble/hashes elsewhere. The platform's other SHA-1, Web Crypto, is asynchronous only, so
 * a synchronous API cannot use it; the signing middleware, which is asynchronous, does (platform-sha1-hex.ts).
 */
export const sha1Hex: (text: string) => string = nativeSha1Hex ?? nobleSha1Hex
