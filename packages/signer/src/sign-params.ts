import { assertPrivateKey } from './assert-private-key.js'
import { flattenToSign } from './flatten-to-sign.js'
import { syncSha1Hex } from './sign-flat-params.js'
import { sortedStringToSign } from './sorted-string-to-sign.js'
import { listStringToSign } from './string-to-sign.js'

/**
 * The `Signature` of a parameter set (PROTOCOL.md): the parameters flattened ({@link flattenParams}), then
 * {@link signFlatParams}. Nested or flat parameters both work; a top-level `Signature` among them is ignored,
 * whatever its value. Include `PublicKey`: the signature must cover every parameter that is sent.
 *
 * @throws {SigningError} `PRIVATE_KEY_INVALID` unless the private key is a non-empty string, and what
 *   {@link flattenParams} throws for parameters that have no wire form.
 */
export function signParams(params: Readonly<Record<string, unknown>>, privateKey: string): string {
  assertPrivateKey(privateKey)
  const text = sortedStringToSign(params, privateKey) ?? listStringToSign(flattenToSign(params), privateKey)
  return syncSha1Hex(text)
}
