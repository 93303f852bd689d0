// The transport contract of the generic call path (ADR 0004): one signed form POST out, one decoded answer in.
// Implementations: the Node transport (undici, no WHATWG objects) and the fetch transport (browsers, a
// caller's `fetch`, msw). Neither ever follows a redirect with a signed request.

/** One attempt's request, already flattened and signed. */
export interface WireRequest {
  /** The API endpoint, `<baseUrl>/`. */
  readonly url: string
  /** `application/x-www-form-urlencoded` body, signature included. */
  readonly body: string
  /** Lower-case names. The transport adds `accept-encoding` itself. */
  readonly headers: Readonly<Record<string, string>>
  /** Aborts this attempt (the caller's signal and the attempt's timeout, combined). */
  readonly signal: AbortSignal | undefined
  /**
   * The same attempt's cancellation without an AbortSignal (abort.ts's `ScopedSignal` fits): preferred over
   * `signal` when set, so an attempt on the Node transport needs no AbortController (its largest cost).
   */
  readonly scope?: AttemptScope | undefined
  /** Stop reading past this many bytes of the decoded answer (and of the compressed one). */
  readonly maxResponseBytes: number
}

/** An attempt's cancellation as the client's scope offers it: state, a callback, and a signal made on demand. */
export interface AttemptScope {
  readonly aborted: boolean
  readonly reason: unknown
  /** True when the attempt's timeout (not the caller) fired. */
  readonly timedOut: boolean
  /** Calls `callback` once when the scope aborts; returns the unsubscribe. */
  onAbort(callback: () => void): () => void
  /** A real AbortSignal following the scope, for a `fetch`. */
  readonly signal: AbortSignal
}

/** One answer, body decoded (gzip, deflate, br) to text, a leading UTF-8 BOM removed. */
export interface WireResponse {
  readonly status: number
  /** A response header by lower-case name. */
  header(name: string): string | undefined
  readonly body: string
}

/** What can go wrong below the API. */
export type TransportErrorKind =
  /** No connection could be made (DNS, refused, TLS before any byte of the request was written). */
  | 'connect'
  /** The connection broke after the request may have been sent. */
  | 'network'
  /** The attempt's signal fired because of its timeout. */
  | 'timeout'
  /** The caller's signal fired. */
  | 'aborted'
  /** The answer was longer than `maxResponseBytes` (compressed or decoded). */
  | 'too-large'
  /** The server answered 3xx: never followed with a signed request. */
  | 'redirect'
  /** The body could not be decoded (bad gzip/deflate/br, unknown content-encoding). */
  | 'decode'

export interface TransportErrorDetails {
  readonly kind: TransportErrorKind
  /** False only when the request provably never reached the server (safe to repeat any action). */
  readonly sent: boolean
  readonly message: string
  readonly httpStatus?: number | undefined
  readonly requestId?: string | undefined
  /** For `redirect`: the origin (scheme, host, port) of `Location`, never its path or query. */
  readonly redirectOrigin?: string | undefined
  readonly cause?: unknown
}

/** A failure below the API; the pipeline turns it into a `UcdnError` with `source: 'transport'`. */
export class TransportError extends Error {
  override readonly name = 'TransportError'
  readonly kind: TransportErrorKind
  readonly sent: boolean
  readonly httpStatus: number | undefined
  readonly requestId: string | undefined
  readonly redirectOrigin: string | undefined

  constructor(details: TransportErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause })
    this.kind = details.kind
    this.sent = details.sent
    this.httpStatus = details.httpStatus
    this.requestId = details.requestId
    this.redirectOrigin = details.redirectOrigin
  }
}

/** Sends wire requests; keeps connections alive where the platform lets it. */
export interface WireTransport {
  send(request: WireRequest): Promise<WireResponse>
  /**
   * Settles once the transport can send without loading code first; undefined when it already can (the hot path
   * pays nothing). Never rejects: a failed load is reported by `send`.
   */
  ready?(): Promise<void> | undefined
  /**
   * True when the next `send` settles by itself as soon as its request's `scope` aborts (the Node transport's
   * exchange rejects at once): the retry loop then does not race it against the scope.
   */
  settlesOnAbort?(): boolean
  /** Closes kept-alive connections once calls in flight end; `force` destroys in-flight sockets at once. */
  close(options?: { readonly force?: boolean }): Promise<void>
}
