/** Stable codes of {@link SigningError}; match on these, not on messages. */
export type SigningErrorCode =
  | 'PARAMETER_INVALID'
  | 'PARAMETER_DUPLICATE'
  | 'PRIVATE_KEY_INVALID'
  | 'REQUEST_BODY_INVALID'
  | 'ACTION_MISSING'
  | 'ACTION_MISMATCH'

/**
 * A request that cannot be signed as given: a parameter value with no wire form, two parameters that
 * flatten to the same key, a body the signing middleware cannot read. Messages name the parameter (its
 * flattened key path) and never contain a private key.
 */
export class SigningError extends Error {
  override readonly name = 'SigningError'
  readonly code: SigningErrorCode
  /** The flattened key path of the offending parameter (`TaskId.3`), when there is one. */
  readonly key: string | undefined

  constructor(code: SigningErrorCode, message: string, key?: string) {
    super(message)
    this.code = code
    this.key = key
  }
}
