import type { FetchParams, Middleware, RequestContext } from '@scloud/ucdn-client'
import { type CredentialProvider, type Credentials, checkedCredentials } from './credentials.js'
import { CredentialsError } from './credentials-error.js'
import { signRequest } from './sign-request.js'

/**
 * The generated client's middleware that turns each request into the signed wire request (see
 * {@link signRequest}): `new Configuration({ middleware: [signingMiddleware(credentials)] })`.
 *
 * Give it credentials (validated now) or a provider, which is called for every request, retries included,
 * so rotated credentials take effect at once (providers cache themselves if resolving is slow). Put it
 * after any retry middleware, so every attempt is signed afresh.
 *
 * @throws {CredentialsError} `CREDENTIALS_INVALID` at once for unusable static credentials; the
 *   middleware's `pre` rejects with the provider's error or a {@link SigningError}.
 */
export function signingMiddleware(credentials: Credentials | CredentialProvider): Middleware {
  if (typeof credentials !== 'function') {
    // Fixed keys need no provider call: sign at once (one promise, no await on the request path).
    const fixed = checkedCredentials(credentials)
    return {
      pre(context: RequestContext): Promise<FetchParams> {
        try {
          return Promise.resolve(signRequest(context, fixed))
        } catch (error) {
          return Promise.reject(error)
        }
      },
    }
  }
  const provider = credentials
  return {
    pre(context: RequestContext): Promise<FetchParams> {
      return provider().then((resolved) => {
        if (!isUsable(resolved)) {
          throw new CredentialsError(
            'CREDENTIALS_INVALID',
            'The credential provider did not return a publicKey and a privateKey that are non-empty strings.',
          )
        }
        return signRequest(context, resolved)
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
