// What the per-operation helpers need from a client beyond its public methods, kept off the public type.
import type { DescribeNewUcdnPrefetchCacheTaskRequest } from '@scloud/ucdn-client'
import type { scopedSignal } from './abort.js'
import type { ResolvedConfig } from './config.js'
import type { abortedError, isUcdnError, UcdnError } from './errors.js'
import type { ParsedPage } from './parse-response.js'
import type { isTerminalStatus, summarizePrefetchTasks } from './summarize.js'

/**
 * The runtime helpers the code loaded on first use (lazy-helpers.ts: the walk and the poller) shares with the
 * code loaded at start. That code imports only types and receives these here: a bundler then has no module
 * shared by both to split into a third file, and an app loads one file at start (measured: 451 bytes of gzip
 * less than entry + shared chunk; see bench/README.md).
 */
export interface LazyKit {
  readonly UcdnError: typeof UcdnError
  readonly isUcdnError: typeof isUcdnError
  readonly abortedError: typeof abortedError
  readonly scopedSignal: typeof scopedSignal
  readonly isTerminalStatus: typeof isTerminalStatus
  readonly summarizePrefetchTasks: typeof summarizePrefetchTasks
}

export interface ClientInternals {
  readonly config: ResolvedConfig
  /** One describe call with retries; `request` is already validated. */
  send(request: DescribeNewUcdnPrefetchCacheTaskRequest, signal: AbortSignal | undefined): Promise<ParsedPage>
  readonly kit: LazyKit
}

const registry = new WeakMap<object, ClientInternals>()

export function registerInternals(client: object, internals: ClientInternals): void {
  registry.set(client, internals)
}

export function internalsOf(client: object): ClientInternals {
  const internals = registry.get(client)
  if (internals === undefined) {
    throw new TypeError('Expected a UcdnClient.')
  }
  return internals
}
