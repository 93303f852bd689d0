import type { FetchAPI } from '@scloud/ucdn-client'

/** How requests reach the network: a fetch-compatible function and a way to release its connections. */
export interface Transport {
  readonly fetch: FetchAPI
  /** Closes kept-alive connections. The transport stays usable: a later call opens new ones. */
  close(): Promise<void>
}

/** What a client tells its transport. */
export interface TransportOptions {
  /** Stop reading an answer past this many bytes and reject with a {@link ResponseTooLargeError}. */
  readonly maxResponseBytes: number
}

/**
 * The transport's refusal of an answer longer than `maxResponseBytes` (the client turns it into
 * `INVALID_RESPONSE`). Recognised by `name`, so the browser bundle needs no class for it.
 */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError'
  constructor(
    readonly maxResponseBytes: number,
    readonly httpStatus: number,
    readonly requestId: string | undefined,
  ) {
    super(`the answer is longer than ${maxResponseBytes} bytes`)
  }
}
