import { SigningError } from './signing-error.js'

/**
 * Throws unless `privateKey` is a non-empty string without surrounding whitespace (a pasted newline would be
 * signed and fail as RetCode 171, as `fromStatic` says too); the message never contains the value.
 */
export function assertPrivateKey(privateKey: unknown): asserts privateKey is string {
  const problem =
    typeof privateKey !== 'string'
      ? `got ${typeof privateKey}`
      : privateKey === ''
        ? 'got an empty string'
        : privateKey.trim() !== privateKey
          ? 'it has leading or trailing whitespace'
          : undefined
  if (problem !== undefined) {
    throw new SigningError(
      'PRIVATE_KEY_INVALID',
      `The private key must be a non-empty string without surrounding whitespace (${problem}).`,
    )
  }
}
