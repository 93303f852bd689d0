// Browsers have no environment or credential file to read: the caller must pass credentials.
import type { CredentialProvider } from '@scloud/signer'
import { UcdnError } from '../errors.js'

export function defaultCredentials(_env?: Readonly<Record<string, string | undefined>>): CredentialProvider {
  return () =>
    Promise.reject(
      new UcdnError({
        code: 'INVALID_INPUT',
        message:
          'No SCloud credentials: pass `credentials` to new UcdnClient({ credentials }); browsers have no environment or credential file to read them from.',
      }),
    )
}
