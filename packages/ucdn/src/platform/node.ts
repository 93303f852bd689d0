// What differs in Node (package.json `imports` "#platform", condition "node"): the undici wire transport (the
// global fetch under msw and the like, see transport/default-node.ts), credentials from the environment and
// ~/.ucloud/credential.json, the shared config file ~/.ucloud/config.json, and a User-Agent.
import type { CredentialProvider } from '@scloud/signer'
import { defaultCredentialProvider } from '@scloud/signer/node'

export { readSharedConfig } from '../shared-config.js'
export { createDefaultWireTransport } from '../transport/default-node.js'
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
