// The signed wire request, synchronously, for tests and the benchmarks: what the signing middleware sends, with
// node:crypto's SHA-1 (the middleware itself signs with the platform's digest, see src/sha1.ts).
import { createHash } from 'node:crypto'
import type { FetchParams } from '@scloud/ucdn-client'
import type { Credentials } from '../../src/credentials.js'
import { signRequestWith } from '../../src/wire-request.js'

/** The signed wire request for a request of the generated client (see `signRequestWith`). */
export function signRequest(request: FetchParams, credentials: Credentials): FetchParams {
  return signRequestWith(request, credentials, nodeSha1Hex)
}

/** SHA-1 by node:crypto: an oracle independent of the package's own hashing. */
export function nodeSha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex')
}
