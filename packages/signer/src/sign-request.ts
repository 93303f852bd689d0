import type { FetchParams } from '@scloud/ucdn-client'
import type { Credentials } from './credentials.js'
import { sha1Hex } from './sha1-hex.js'
import { signRequestWith } from './wire-request.js'

export { FORM_CONTENT_TYPE, withFormContentType } from './wire-request.js'

/**
 * The signed wire request ({@link signRequestWith}), synchronously: SHA-1 by `crypto.hash` in Node,
 * @noble/hashes elsewhere. The middleware does not use this: it signs through {@link signRequestWith} with
 * the platform's digest (platform-sha1-hex.ts), so browsers load no hashing library.
 *
 * @throws {SigningError} for a request whose body or parameters cannot be signed.
 */
export function signRequest(request: FetchParams, credentials: Credentials): FetchParams {
  return signRequestWith(request, credentials, sha1Hex)
}
