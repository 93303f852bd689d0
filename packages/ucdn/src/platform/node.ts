// What differs in Node (package.json `imports` "#platform", condition "node"): the undici wire transport (the
// global fetch under msw and the like, see transport/default-node.ts), credentials from the environment and
// ~/.ucloud/credential.json, the shared config file ~/.ucloud/config.json, a User-Agent, and every timeout and wait
// of the SDK on one shared Node timer (shared-timers.ts).
import type { CredentialProvider } from '@scloud/signer'
import { defaultCredentialProvider } from '@scloud/signer/node'
import type { Timers } from '../clock.js'
import { createSharedTimers } from '../shared-timers.js'

export { readSharedConfig } from '../shared-config.js'
export { createDefaultWireTransport } from '../transport/default-node.js'
export { buildUserAgent } from '../user-agent.js'

/** The timers of clients not given `timers`: one Node timer for all their timeouts and waits. */
export const systemTimers: Timers = createSharedTimers()

export function defaultCredentials(
  env?: Readonly<Record<string, string | undefined>>,
  profile?: string,
): CredentialProvider {
  return defaultCredentialProvider({
    ...(env === undefined ? {} : { env }),
    ...(profile === undefined ? {} : { profile }),
  })
}
