// What differs in Node (package.json `imports` "#platform", condition "node"): undici transport, credentials
// from the environment and ~/.ucloud/credential.json, a User-Agent, and the fast response check.
import type { CredentialProvider } from '@scloud/signer'
import { defaultCredentialProvider } from '@scloud/signer/node'

export { fastCheckAndMap } from '../fast-response-check.js'
export { createDefaultTransport } from '../transport/node.js'
export { buildUserAgent } from '../user-agent.js'

export function defaultCredentials(env?: Readonly<Record<string, string | undefined>>): CredentialProvider {
  return defaultCredentialProvider(env === undefined ? {} : { env })
}
