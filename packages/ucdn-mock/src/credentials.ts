import type { Credentials } from '@scloud/signer'

/**
 * The mock's documented demo key pair. **Public, not a secret**: it only opens this mock, which accepts it
 * by default. Use it in tests, the standalone server, the CLI demo and the dashboard.
 */
export const DEMO_CREDENTIALS: Credentials = Object.freeze({
  publicKey: 'ucdn-demo-public-key',
  privateKey: 'ucdn-demo-private-key-not-a-secret',
})
