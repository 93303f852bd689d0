// What differs in browsers (package.json `imports` "#platform", default condition): the global fetch, no
// credential sources (the caller passes them), no shared config file, no User-Agent (scripts cannot set it), and no fast response
// check (a Node speed-up whose bytes a browser bundle does without; the generated zod schema validates alone).
import type { CredentialProvider } from '@scloud/signer'
import type { DescribeNewUcdnPrefetchCacheTaskResponse } from '@scloud/ucdn-client'
import type { SharedConfig, SharedConfigRequest } from '../config.js'
import { UcdnError } from '../errors.js'

export { createDefaultTransport } from '../transport/fetch.js'

export const buildUserAgent = (_suffix?: string): string | undefined => undefined

export const fastCheckAndMap = (_json: unknown): DescribeNewUcdnPrefetchCacheTaskResponse | undefined =>
  undefined

export const readSharedConfig = (_request: SharedConfigRequest): SharedConfig | undefined => undefined

export function defaultCredentials(
  _env?: Readonly<Record<string, string | undefined>>,
  _profile?: string,
): CredentialProvider {
  return () =>
    Promise.reject(
      new UcdnError({
        code: 'INVALID_INPUT',
        message:
          'No SCloud credentials: pass `credentials` to new UcdnClient({ credentials }); browsers have no environment or credential file to read them from.',
      }),
    )
}
