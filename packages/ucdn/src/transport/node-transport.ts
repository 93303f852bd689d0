// The Node wire transport: undici's dispatch API on one keep-alive Pool per origin, no WHATWG objects. One
// handler object per call collects the answer (decoding gzip/deflate/br as it arrives), concatenates once and
// decodes the text once. `dispatch` rather than `request`: `request` adds a body stream and an AbortSignal
// listener per call, and hides the moment the request is written, which proves `sent: false`. undici itself is
// imported on the first call, not with the SDK: a process that never calls (`--help`, a usage error) does not
// pay its ~70 ms of loading.
import type { IncomingHttpHeaders } from 'node:http'
import type { Dispatcher, Pool } from 'undici'
import { onAbort } from '../abort.js'
import { BodyDecoder, codingOf, type DecoderSink } from './body-decoder.js'
import {
  type AttemptScope,
  TransportError,
  type WireRequest,
  type WireResponse,
  type WireTransport,
} from './wire.js'
import {
  abortError,
  describeCause,
  errorCode,
  REQUEST_ID_HEADER,
  redirectError,
  stripBom,
  tooLargeError,
} from './wire-errors.js'

export interface NodeTransportOptions {
  /** Most sockets per origin; further calls queue. Default {@link DEFAULT_CONNECTIONS}. */
  readonly connections?: number
  /** How long an idle keep-alive socket is kept, in ms (undici's default: 4000). */
  readonly keepAliveTimeoutMs?: number
}

/** Sockets per origin by default: enough for any fan-out the helpers do, few enough for the API's limits. */
export const DEFAULT_CONNECTIONS = 64

export const ACCEPT_ENCODING = 'gzip, deflate, br'

/** A {@link WireTransport} on undici pools; `close()` closes (or with `force` destroys) every pool it opened. */
export function createNodeTransport(options: NodeTransportOptions = {}): WireTransport {
  return new NodeTransport(options)
}

interface Target {
  readonly pool: Pool
  readonly origin: string
  readonly path: string
}

type PoolClass = typeof Pool

let loadingUndici: Promise<PoolClass> | undefined
let LoadedPool: PoolClass | undefined

/** undici's Pool, imported once, on first use (a failed import is retried by the next call). */
function loadPool(): Promise<PoolClass> {
  loadingUndici ??= import('undici').then(
    (undici: { Pool?: PoolClass; default?: { Pool?: PoolClass } }) => {
      // A bundler may hand the CommonJS module's exports over as `default` only.
      const Pool = ('Pool' in undici ? undici.Pool : undefined) ?? undici.default?.Pool
      if (typeof Pool !== 'function') throw new Error('undici has no Pool export')
      LoadedPool = Pool
      return Pool
    },
    (error: unknown) => {
      loadingUndici = undefined
      throw error
    },
  )
  return loadingUndici
}

class NodeTransport implements WireTransport {
  readonly #pools = new Map<string, Pool>()
  // A client sends the same frozen headers object on every call: undici gets them as a flat array with
  // accept-encoding, built once for that object instead of a spread and an object walk per call.
  #headersIn: Readonly<Record<string, string>> | undefined
  #headersOut: string[] = []
  // Every call of a client goes to the same URL: parse it once, not with `new URL` per call.
  readonly #targets = new Map<string, Target>()

  constructor(private readonly options: NodeTransportOptions) {}

  ready(): Promise<void> | undefined {
    if (LoadedPool !== undefined) return undefined
    return loadPool().then(
      () => {},
      () => {}, // send() loads again and reports the failure as a TransportError
    )
  }

  settlesOnAbort(): boolean {
    return true
  }

  send(request: WireRequest): Promise<WireResponse> {
    if (LoadedPool !== undefined) return this.#send(request, LoadedPool)
    return loadPool().then(
      (poolClass) => this.#send(request, poolClass),
      (cause: unknown) => {
        throw new TransportError({
          kind: 'connect',
          sent: false,
          message: 'undici could not be loaded.',
          cause,
        })
      },
    )
  }

  #send(request: WireRequest, poolClass: PoolClass): Promise<WireResponse> {
    const abortable = request.scope ?? request.signal
    if (abortable?.aborted) return Promise.reject(abortError(abortable.reason, request.scope, false))
    let target: Target
    try {
      target = this.#target(request.url, poolClass)
    } catch (cause) {
      return Promise.reject(
        new TransportError({ kind: 'connect', sent: false, message: 'The API URL cannot be parsed.', cause }),
      )
    }
    return new Promise<WireResponse>((resolve, reject) => {
      const exchange = new Exchange(request, target.origin, resolve, reject)
      try {
        target.pool.dispatch(
          {
            path: target.path,
            method: 'POST',
            headers: this.#headers(request.headers),
            body: request.body,
          },
          exchange,
        )
      } catch (error) {
        exchange.onResponseError(undefined, error as Error)
      }
    })
  }

  async close(options?: { readonly force?: boolean }): Promise<void> {
    const open = [...this.#pools.values()]
    this.#pools.clear()
    this.#targets.clear()
    // The transport stays usable: a later call opens a new pool.
    await Promise.all(open.map((pool) => (options?.force ? pool.destroy() : pool.close())))
  }

  #headers(headers: Readonly<Record<string, string>>): string[] {
    if (headers !== this.#headersIn || !Object.isFrozen(headers)) {
      const flat: string[] = []
      for (const name of Object.keys(headers)) {
        if (name !== 'accept-encoding') flat.push(name, headers[name] as string)
      }
      flat.push('accept-encoding', ACCEPT_ENCODING)
      this.#headersIn = headers
      this.#headersOut = flat
    }
    return this.#headersOut
  }

  #target(url: string, poolClass: PoolClass): Target {
    const cached = this.#targets.get(url)
    if (cached !== undefined) return cached
    const parsed = new URL(url)
    let pool = this.#pools.get(parsed.origin)
    if (pool === undefined) {
      const { keepAliveTimeoutMs, connections } = this.options
      pool = new poolClass(parsed.origin, {
        ...(keepAliveTimeoutMs === undefined ? {} : { keepAliveTimeout: keepAliveTimeoutMs }),
        connections: connections ?? DEFAULT_CONNECTIONS,
      })
      this.#pools.set(parsed.origin, pool)
    }
    const target = { pool, origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` }
    if (this.#targets.size > 100) this.#targets.clear()
    this.#targets.set(url, target)
    return target
  }
}

/** One answer from the pool: status, undici's lower-cased headers, the decoded text. */
class NodeWireResponse implements WireResponse {
  constructor(
    readonly status: number,
    private readonly headers: IncomingHttpHeaders,
    readonly body: string,
  ) {}

  header(name: string): string | undefined {
    const value = this.headers[name]
    return value === undefined || typeof value === 'string' ? value : value.join(', ')
  }
}

/** One call's undici handler and decoder sink: a single object, its callbacks on the prototype. */
class Exchange implements Dispatcher.DispatchHandler, DecoderSink {
  #controller: Dispatcher.DispatchController | undefined
  /** onRequestStart ran: undici writes the request right after it, so before it nothing left. */
  #started = false
  #settled = false
  #status = 0
  #headers: IncomingHttpHeaders = {}
  #chunks: Buffer[] = []
  #received = 0
  #decoded = 0
  #decoder: BodyDecoder | undefined
  readonly #unsubscribe: (() => void) | undefined
  readonly #max: number

  constructor(
    private readonly request: WireRequest,
    private readonly origin: string,
    private readonly resolve: (response: WireResponse) => void,
    private readonly reject: (error: TransportError) => void,
  ) {
    this.#max = request.maxResponseBytes
    const scope = request.scope
    if (scope !== undefined) this.#unsubscribe = scope.onAbort(() => this.#abort(scope.reason, scope))
    else if (request.signal !== undefined) {
      const signal = request.signal
      this.#unsubscribe = onAbort(signal, () => this.#abort(signal.reason, undefined))
    }
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller
    // Aborted while queued for a socket: undici drops it before writing a byte.
    if (this.#settled) controller.abort(new Error('abandoned'))
    else this.#started = true
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
  ): void {
    if (statusCode < 200 || this.#settled) return // 1xx: the real answer follows
    this.#status = statusCode
    this.#headers = headers
    if (statusCode >= 300 && statusCode < 400) {
      const location = headers.location
      this.#refuse(
        redirectError(
          statusCode,
          typeof location === 'string' ? location : undefined,
          this.request.url,
          this.#requestId(),
        ),
      )
      return
    }
    if (Number(headers['content-length']) > this.#max) {
      this.#refuse(tooLargeError(this.#max, statusCode, this.#requestId()))
      return
    }
    const coding = codingOf(headers['content-encoding'])
    if (coding === undefined) return
    if (typeof coding === 'object') {
      this.#refuse(
        new TransportError({
          kind: 'decode',
          sent: true,
          message: `The answer has a Content-Encoding this SDK cannot decode (${coding.unsupported}).`,
          httpStatus: statusCode,
          requestId: this.#requestId(),
        }),
      )
      return
    }
    this.#decoder = new BodyDecoder(coding, this)
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#settled) return
    this.#received += chunk.length
    if (this.#received > this.#max) this.#refuse(tooLargeError(this.#max, this.#status, this.#requestId()))
    else if (this.#decoder === undefined) this.#chunks.push(chunk)
    else if (!this.#decoder.write(chunk)) controller.pause()
  }

  onResponseEnd(): void {
    if (this.#settled) return
    if (this.#decoder === undefined) this.#finish()
    else this.#decoder.end()
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    if (this.#settled) return
    this.#settle()
    this.reject(this.#failure(error))
  }

  decoded(chunk: Buffer): void {
    if (this.#settled) return
    this.#decoded += chunk.length
    if (this.#decoded > this.#max) this.#refuse(tooLargeError(this.#max, this.#status, this.#requestId()))
    else this.#chunks.push(chunk)
  }

  decodedEnd(): void {
    if (!this.#settled) this.#finish()
  }

  decodeFailed(error: Error): void {
    if (this.#settled) return
    this.#refuse(
      new TransportError({
        kind: 'decode',
        sent: true,
        message: `The answer's ${this.#headers['content-encoding']} body is corrupt: ${error.message}`,
        httpStatus: this.#status,
        requestId: this.#requestId(),
        cause: error,
      }),
    )
  }

  decoderDrained(): void {
    this.#controller?.resume()
  }

  #finish(): void {
    const chunks = this.#chunks
    this.#settle()
    const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
    this.resolve(new NodeWireResponse(this.#status, this.#headers, stripBom(bytes.toString('utf8'))))
  }

  /** Rejects at once and aborts the exchange, which closes its socket if the body is still arriving. */
  #refuse(error: TransportError): void {
    this.#settle()
    this.reject(error)
    this.#controller?.abort(error)
  }

  #abort(reason: unknown, scope: AttemptScope | undefined): void {
    if (this.#settled) return
    this.#refuse(abortError(reason, scope, this.#started))
  }

  #settle(): void {
    this.#settled = true
    this.#chunks = []
    this.#unsubscribe?.()
    this.#decoder?.destroy()
  }

  #requestId(): string | undefined {
    const id = this.#headers[REQUEST_ID_HEADER]
    return typeof id === 'string' ? id : undefined
  }

  #failure(error: Error): TransportError {
    const code = errorCode(error)
    if (code === 'UND_ERR_DESTROYED' || code === 'UND_ERR_CLOSED') {
      return new TransportError({
        kind: 'network',
        sent: this.#started,
        message: 'The client was closed while the call was in flight.',
        cause: error,
      })
    }
    // Before onRequestStart nothing was written (refused, DNS, connect timeout, TLS): safe to repeat anything.
    if (!this.#started) {
      return new TransportError({
        kind: 'connect',
        sent: false,
        message: `Could not connect to ${this.origin}: ${describeCause(error)}`,
        cause: error,
      })
    }
    return new TransportError({
      kind: 'network',
      sent: true,
      message: `The connection to ${this.origin} failed: ${describeCause(error)}`,
      httpStatus: this.#status === 0 ? undefined : this.#status,
      requestId: this.#requestId(),
      cause: error,
    })
  }
}
