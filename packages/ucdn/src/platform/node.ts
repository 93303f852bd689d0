// What differs in Node (package.json `imports` "#platform", condition "node"): undici transport, credentials
// from the environment and ~/.ucloud/credential.json, the shared config file ~/.ucloud/config.json, a User-Agent,
// and the fast response check.
import type { CredentialProvider } from '@scloud/signer'
import { defaultCredentialProvider } from '@scloud/signer/node'

export { fastCheckAndMap } from '../fast-response-check.js'
export { readSharedConfig } from '../shared-config.js'
export { createDefaultTransport } from '../transport/node.js'
export { buildUserAgent } from '../user-agent.js'

export function defaultCredentials(
  env?: Readonly<Record<string, string | undefined>>,
  profile?: string,
): CredentialProvider {
  return defaultCredentialProvider({
    ...(env === undefined ? {} : { env }),
    ...(profile === undefined ? {} : { profile }),
  })
}
