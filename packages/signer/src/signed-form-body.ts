import { assertPrivateKey } from './assert-private-key.js'
import type { Credentials } from './credentials.js'
import { CredentialsError } from './credentials-error.js'
import { encodeFormBody, encodeFormBodyOf } from './form-body.js'
import { platformSha1Hex, type Sha1HexDigest } from './sha1.js'
import { flatValues, pairsText } from './string-to-sign.js'

/**
 * The `application/x-www-form-urlencoded` body of a signed request (PROTOCOL.md), from parameters already in
 * wire form (what {@link flattenParams} returns, `Action` included): every parameter, then `PublicKey` (any
 * given is replaced) and last the `Signature` over exactly what is sent (any given is dropped), so a caller that
 * flattened once never flattens again. `flat` is not changed.
 *
 * The SHA-1 is the platform's: in Node the body comes at once, in browsers (Web Crypto) as a promise; `await`
 * the result either way.
 *
 * @throws {CredentialsError} `CREDENTIALS_INVALID` for a public key that is not a non-empty string.
 * @throws {SigningError} `PRIVATE_KEY_INVALID` for an unusable private key, `PARAMETER_INVALID` for a value that
 *   is not a string or has no UTF-8 form (an unpaired surrogate).
 */
export function signedFormBody(
  flat: Readonly<Record<string, string>>,
  credentials: Credentials,
): string | Promise<string> {
  return signedFormBodyWith(flat, credentials, platformSha1Hex)
}

/** {@link signedFormBody} with the SHA-1 given: a synchronous one gives the body at once. */
export function signedFormBodyWith(
  flat: Readonly<Record<string, string>>,
  credentials: Credentials,
  digest: (text: string) => string,
): string
export function signedFormBodyWith(
  flat: Readonly<Record<string, string>>,
  credentials: Credentials,
  digest: Sha1HexDigest,
): string | Promise<string>
export function signedFormBodyWith(
  flat: Readonly<Record<string, string>>,
  credentials: Credentials,
  digest: Sha1HexDigest,
): string | Promise<string> {
  const { publicKey, privateKey } = credentials
  if (typeof publicKey !== 'string' || publicKey === '') {
    throw new CredentialsError('CREDENTIALS_INVALID', 'The public key must be a non-empty string.', {
      field: 'publicKey',
    })
  }
  assertPrivateKey(privateKey)
  const sent = withPublicKey(flat, publicKey)
  // Listed once for both: on a null-prototype object (flattenParams') that is a good part of the work.
  const keys = Object.keys(sent)
  const values = flatValues(sent, keys)
  let pairs: string
  try {
    pairs = pairsText(sent, keys, values)
  } catch (error) {
    // A body that cannot be encoded (an unpaired surrogate) is reported first, as it always was.
    encodeFormBody(sent, keys)
    throw error
  }
  const body = encodeFormBodyOf(sent, keys, values, pairs)
  const signature = digest(pairs + privateKey)
  if (typeof signature === 'string') return `${body}&Signature=${signature}`
  return signature.then((resolved) => `${body}&Signature=${resolved}`)
}

// A copy only when `flat` lacks this PublicKey or has a Signature (the middleware's never does).
function withPublicKey(
  flat: Readonly<Record<string, string>>,
  publicKey: string,
): Readonly<Record<string, string>> {
  if (flat.PublicKey === publicKey && !Object.hasOwn(flat, 'Signature')) return flat
  const sent: Record<string, string> = Object.assign(Object.create(null), flat)
  delete sent.Signature
  sent.PublicKey = publicKey
  return sent
}
