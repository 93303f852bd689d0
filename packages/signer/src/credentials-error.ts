/** Stable codes of {@link CredentialsError}; match on these, not on messages. */
export type CredentialsErrorCode =
  /** Nothing at this source (or any source, from a chain): a chain moves on to the next one. */
  | 'CREDENTIALS_NOT_FOUND'
  /** Half a key pair (a public key without a private key, or the reverse): fix the configuration. */
  | 'CREDENTIALS_INCOMPLETE'
  /** A key that is not a usable string (empty, not a string, surrounded by whitespace). */
  | 'CREDENTIALS_INVALID'
  /** A shared credential file that exists but cannot be read or is not the expected JSON. */
  | 'CREDENTIAL_FILE_INVALID'

/** Credentials could not be resolved. Messages say where to look and never contain a key's value. */
export class CredentialsError extends Error {
  override readonly name = 'CredentialsError'
  readonly code: CredentialsErrorCode

  constructor(code: CredentialsErrorCode, message: string) {
    super(message)
    this.code = code
  }
}
