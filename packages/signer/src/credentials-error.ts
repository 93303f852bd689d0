import { ScloudError, type ScloudErrorOptions } from './scloud-error.js'

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
  /** An option of a credential provider is unknown or of the wrong type (`field` names it). */
  | 'OPTION_INVALID'

/**
 * Credentials could not be resolved. Messages say where to look and never contain a key's value. `source` is
 * `'credentials'`, or `'config'` for a provider's bad option.
 */
export class CredentialsError extends ScloudError<CredentialsErrorCode> {
  override readonly name = 'CredentialsError'

  constructor(code: CredentialsErrorCode, message: string, options: ScloudErrorOptions = {}) {
    super(code, message, { source: 'credentials', ...options })
  }
}
