import type { FetchParams, Middleware, RequestContext } from '@scloud/ucdn-client'
import { type CredentialProvider, type Credentials, checkedCredentials } from './credentials.js'
import { CredentialsError } from './credentials-error.js'
import { platformSha1Hex, type Sha1HexDigest } from './sha1.js'
import { signRequestWith } from './wire-request.js'

/**
 * The generated client's middleware that turns each request into the signed wire request (see
 * {@link signRequestWith}): `new Configuration({ middleware: [signingMiddleware(credentials)] })`.
 *
 * Give it credentials (validated now) or a provider, which is called for every request, retries included,
 * so rotated credentials take effect at once (providers cache themselves if resolving is slow). Put it
 * after any retry middleware, so every attempt is signed afresh.
 *
 * @throws {CredentialsError} `CREDENTIALS_INVALID` at once for unusable static credentials; the
 *   middleware's `pre` rejects with the provider's error or a {@link SigningError}.
 */
export function signingMiddleware(credentials: Credentials | CredentialProvider): Middleware {
  return signingMiddlewareWith(credentials, platformSha1Hex)
}

/**
 * {@link signingMiddleware} with the SHA-1 backend given (tests sign with each one). The default,
 * `platformSha1Hex`, is Node's synchronous `crypto.hash` where it exists — then signing fixed credentials
 * takes no await — else Web Crypto, else our fallback SHA-1 imported on first use.
 */
export function signingMiddlewareWith(
  credentials: Credentials | CredentialProvider,
  digest: Sha1HexDigest,
): Middleware {
  if (typeof credentials !== 'function') {
    // Fixed keys need no provider call: sign at once (one promise, no await on the request path).
    const fixed = checkedCredentials(credentials)
    return {
      pre(context: RequestContext): Promise<FetchParams> {
        try {
          return Promise.resolve(signRequestWith(context, fixed, digest))
        } catch (error) {
          return Promise.reject(error)
        }
      },
    }
  }
  const provider = credentials
  return {
    pre(context: RequestContext): Promise<FetchParams> {
      // A provider may (wrongly) return the credentials themselves, or throw: either way one promise.
      return new Promise<Credentials | undefined>((resolve) => resolve(provider())).then((resolved) => {
        if (!isUsable(resolved)) {
          throw new CredentialsError(
            'CREDENTIALS_INVALID',
            'The credential provider did not return a publicKey and a privateKey that are non-empty strings.',
          )
        }
        return signRequestWith(context, resolved, digest)
      })
    },
  }
}

function isUsable(credentials: Credentials | undefined | null): credentials is Credentials {
  return (
    typeof credentials?.publicKey === 'string' &&
    credentials.publicKey !== '' &&
    typeof credentials.privateKey === 'string' &&
    credentials.privateKey !== ''
  )
}
