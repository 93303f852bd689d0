import { ScloudError } from './scloud-error.js'

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
 * flattened key path, also in `key` and `field`) and never contain a private key. `source` is `'input'`, or
 * `'credentials'` for `PRIVATE_KEY_INVALID`.
 */
export class SigningError extends ScloudError<SigningErrorCode> {
  override readonly name = 'SigningError'
  /** The flattened key path of the offending parameter (`TaskId.3`), when there is one; same as `field`. */
  readonly key: string | undefined

  constructor(code: SigningErrorCode, message: string, key?: string) {
    super(code, message, { field: key, source: code === 'PRIVATE_KEY_INVALID' ? 'credentials' : 'input' })
    this.key = key
  }
}
