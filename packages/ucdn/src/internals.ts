// What the per-operation helpers need from a client beyond its public methods, kept off the public type.
import type { DescribeNewUcdnPrefetchCacheTaskRequest } from '@scloud/ucdn-client'
import type { ResolvedConfig } from './config.js'
import type { ParsedPage } from './parse-response.js'

export interface ClientInternals {
  readonly config: ResolvedConfig
  /** One describe call with retries; `request` is already validated. */
  send(request: DescribeNewUcdnPrefetchCacheTaskRequest, signal: AbortSignal | undefined): Promise<ParsedPage>
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
