// What differs in browsers (package.json `imports` "#platform", default condition): the fetch wire transport,
// no credential sources (the caller passes them), no shared config file, no User-Agent (scripts cannot set it).
import type { CredentialProvider } from '@scloud/signer'
import type { SharedConfig, SharedConfigRequest } from '../config.js'
import { UcdnError } from '../errors.js'

export { systemTimers } from '../clock.js'
export { createDefaultWireTransport } from '../transport/default-browser.js'

export const buildUserAgent = (_suffix?: string): string | undefined => undefined

export const readSharedConfig = (_request: SharedConfigRequest): SharedConfig | undefined => undefined

export function defaultCredentials(
  _env?: Readonly<Record<string, string | undefined>>,
  _profile?: string,
): CredentialProvider {
  return () =>
    Promise.reject(
      new UcdnError({
        code: 'INVALID_INPUT',
        source: 'credentials',
        field: 'credentials',
        message:
          'No SCloud credentials: pass `credentials` to new UcdnClient({ credentials }); browsers have no environment or credential file to read them from.',
      }),
    )
}
