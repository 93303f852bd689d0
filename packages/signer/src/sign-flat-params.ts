import { assertPrivateKey } from './assert-private-key.js'
import { nativeSha1Hex, type Sha1Hex } from './sha1.js'
import { fallbackSha1Hex } from './sha1-fallback.js'
import { stringToSign } from './string-to-sign.js'

/**
 * The `Signature` of parameters already in wire form (PROTOCOL.md): SHA-1 over the sorted parameters and the
 * private key, as 40 lowercase hex characters. `flat` is what {@link flattenParams} returns, `PublicKey`
 * included; a `Signature` among them is ignored. Synchronous: Node's `crypto.hash`, our fallback SHA-1 elsewhere.
 *
 * @throws {SigningError} `PRIVATE_KEY_INVALID` unless the private key is a non-empty string without surrounding
 *   whitespace; `PARAMETER_INVALID` for a value that is not a string.
 */
export function signFlatParams(flat: Readonly<Record<string, string>>, privateKey: string): string {
  assertPrivateKey(privateKey)
  return syncSha1Hex(stringToSign(flat, privateKey))
}

/** Synchronous SHA-1: the one static import of the fallback SHA-1, which only this needs (sha1.ts). */
export const syncSha1Hex: Sha1Hex = nativeSha1Hex ?? fallbackSha1Hex
