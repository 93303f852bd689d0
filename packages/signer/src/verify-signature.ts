import { assertPrivateKey } from './assert-private-key.js'
import { signParams } from './sign-params.js'
import { SigningError } from './signing-error.js'

/**
 * Whether `params.Signature` is the signature of the other parameters under `privateKey`, compared in
 * constant time. False when `Signature` is missing or not a string, and when the parameters have no wire
 * form (a JSON body's `1e400` parses to Infinity: no client could have signed it).
 *
 * @throws {SigningError} `PRIVATE_KEY_INVALID` unless the private key is a non-empty string.
 */
export function verifySignature(params: Readonly<Record<string, unknown>>, privateKey: string): boolean {
  assertPrivateKey(privateKey)
  const given = typeof params === 'object' && params !== null ? params.Signature : undefined
  if (typeof given !== 'string') return false
  let expected: string
  try {
    expected = signParams(params, privateKey)
  } catch (error) {
    if (error instanceof SigningError) return false
    throw error
  }
  return constantTimeEqual(expected, given)
}

/**
 * String equality whose running time depends only on the lengths, never on where the strings differ.
 * A length difference returns at once: a signature's length (40) is public.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let difference = 0
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return difference === 0
}
