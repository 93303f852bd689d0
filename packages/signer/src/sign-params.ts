import { assertPrivateKey } from './assert-private-key.js'
import { sha1Hex } from './sha1-hex.js'
import { buildStringToSign } from './string-to-sign.js'

export { assertPrivateKey } from './assert-private-key.js'

/**
 * The `Signature` of a parameter set (PROTOCOL.md): SHA-1 over the sorted, flattened parameters and the
 * private key, as 40 lowercase hex characters. Nested or flat parameters both work; a `Signature` among
 * them is ignored. Include `PublicKey`: the signature must cover every parameter that is sent.
 *
 * @throws {SigningError} `PRIVATE_KEY_INVALID` unless the private key is a non-empty string, and what
 *   {@link flattenParams} throws for parameters that have no wire form.
 */
export function signParams(params: Readonly<Record<string, unknown>>, privateKey: string): string {
  assertPrivateKey(privateKey)
  return sha1Hex(buildStringToSign(params, privateKey))
}
