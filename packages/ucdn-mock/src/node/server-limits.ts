/// <reference types="node" />
import type { ServerOptions } from 'node:http'
import { UcdnMockError } from '../errors.js'

/**
 * How long the server waits for a client, and for how many at once. Node's own defaults hold a stalled body
 * for five minutes and take any number of connections: a mock on a developer's machine should not.
 */
export const DEFAULT_SERVER_LIMITS = Object.freeze({
  /** The whole request (headers and body) must arrive within this, ms; else HTTP 408 and the connection closes. */
  requestTimeoutMs: 30_000,
  /** The headers must arrive within this, ms (at most `requestTimeoutMs`). */
  headersTimeoutMs: 10_000,
  /** An idle keep-alive connection is closed after this, ms. */
  keepAliveTimeoutMs: 5_000,
  /** Connections open at once; one more is closed at once, unanswered. */
  maxConnections: 1_000,
})

export type ServerLimits = { -readonly [K in keyof typeof DEFAULT_SERVER_LIMITS]: number }

/** The limits in force: each given one, else its default (the header timeout never above the request timeout). */
export function resolveServerLimits(options: Partial<ServerLimits>): ServerLimits {
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_SERVER_LIMITS.requestTimeoutMs
  const headersTimeoutMs =
    options.headersTimeoutMs ?? Math.min(DEFAULT_SERVER_LIMITS.headersTimeoutMs, requestTimeoutMs)
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new UcdnMockError(
      'INVALID_OPTION',
      `startMockServer: headersTimeoutMs (${headersTimeoutMs}) must not exceed requestTimeoutMs (${requestTimeoutMs}).`,
      { field: 'headersTimeoutMs' },
    )
  }
  return {
    requestTimeoutMs,
    headersTimeoutMs,
    keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? DEFAULT_SERVER_LIMITS.keepAliveTimeoutMs,
    maxConnections: options.maxConnections ?? DEFAULT_SERVER_LIMITS.maxConnections,
  }
}

/** node:http's options for `limits`. */
export function nodeServerOptions(limits: ServerLimits): ServerOptions {
  return {
    requestTimeout: limits.requestTimeoutMs,
    headersTimeout: limits.headersTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node checks the two timeouts only this often (30 s by default), so short timeouts need a faster check.
    connectionsCheckingInterval: Math.max(
      10,
      Math.min(1_000, Math.floor(Math.min(limits.requestTimeoutMs, limits.headersTimeoutMs) / 4)),
    ),
  }
}
