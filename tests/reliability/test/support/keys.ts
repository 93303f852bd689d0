// The key pairs of these suites. The canary's private key is distinctive so a leak is found by plain search.
import { DEMO_CREDENTIALS } from '@scloud/ucdn-mock'

export const CANARY = Object.freeze({
  publicKey: 'reliability-canary-public-key',
  privateKey: 'CANARY-PRIVATE-KEY-3f9e27c1-must-never-be-printed',
})

export const DEMO = DEMO_CREDENTIALS

/** Both accounts, as the mock's `keyPairs`. */
export const KEY_PAIRS = [CANARY, DEMO] as const
