import { SigningError } from './signing-error.js'

/** Throws unless `privateKey` is a non-empty string; the message never contains the value. */
export function assertPrivateKey(privateKey: unknown): asserts privateKey is string {
  if (typeof privateKey !== 'string' || privateKey === '') {
    throw new SigningError(
      'PRIVATE_KEY_INVALID',
      `The private key must be a non-empty string (got ${typeof privateKey === 'string' ? 'an empty string' : typeof privateKey}).`,
    )
  }
}
