// Node: environment, then the shared credential file (~/.ucloud/credential.json), from @scloud/signer/node.
import type { CredentialProvider } from '@scloud/signer'
import { defaultCredentialProvider } from '@scloud/signer/node'

export function defaultCredentials(env?: Readonly<Record<string, string | undefined>>): CredentialProvider {
  return defaultCredentialProvider(env === undefined ? {} : { env })
}
