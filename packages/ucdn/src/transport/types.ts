import type { FetchAPI } from '@scloud/ucdn-client'

/** How requests reach the network: a fetch-compatible function and a way to release its connections. */
export interface Transport {
  readonly fetch: FetchAPI
  /** Closes kept-alive connections. The transport stays usable: a later call opens new ones. */
  close(): Promise<void>
}
