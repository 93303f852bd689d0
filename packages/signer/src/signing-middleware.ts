import type { FetchParams, Middleware, RequestContext } from '@scloud/ucdn-client'
import { type CredentialProvider, type Credentials, fromStatic } from './credentials.js'
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
  const provider = typeof credentials === 'function' ? credentials : fromStatic(credentials)
  return {
    async pre(context: RequestContext): Promise<FetchParams> {
      const resolved = await provider()
      if (!isUsable(resolved)) {
        throw new CredentialsError(
          'CREDENTIALS_INVALID',
          'The credential provider did not return a publicKey and a privateKey that are non-empty strings.',
        )
      }
      return signRequest({ url: context.url, init: context.init }, resolved)
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
