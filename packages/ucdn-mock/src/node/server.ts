/// <reference types="node" />
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { getResponse } from 'msw'
import type { PrefetchBackend } from '../backend/prefetch-backend.js'
import type { UcdnBackend } from '../backend/ucdn-backend.js'
import { checkMockOptions, HANDLER_OPTION_RULES, SERVER_OPTION_RULES } from '../check-options.js'
import { createFaultInjector, type FaultInjector } from '../faults.js'
import { backendOf, createUcdnHandlers, type UcdnHandlersOptions } from '../handlers.js'
import { DEFAULT_MAX_BODY_BYTES } from '../read-params.js'
import { API_METHODS, methodNotAllowed } from '../responses.js'
import { rawAnswer, readBody, sendAnswer, sendResponse, sendText, toHeaders } from './http-io.js'
import { requestTargetUrl } from './request-target.js'
import { nodeServerOptions, resolveServerLimits, type ServerLimits } from './server-limits.js'

/** startMockServer has no baseUrl (it is `url`, once listening): the option is refused, not ignored. */
const NONE = ["not given (the server's URL is `url`; set basePath for a prefix)", () => false] as const

export type MockServerOptions<B extends UcdnBackend = PrefetchBackend> = Omit<
  UcdnHandlersOptions,
  'baseUrl' | 'backend' | 'faults'
> & {
  /** Default 0: any free port (read it from `url`). */
  readonly port?: number
  /** Default `127.0.0.1`: loopback only. */
  readonly host?: string
  /** Path the API answers at, e.g. `/ucdn`. Default `/`. */
  readonly basePath?: string
  /** Default: a {@link createPrefetchBackend} without tasks, on `clock`, `domains` and `prefetchIntervalMs`. */
  readonly backend?: B
  /** Default: a fresh, empty {@link createFaultInjector}, returned as `faults`. */
  readonly faults?: FaultInjector
  /** Answer CORS preflights and allow any origin, so a page in a browser can call the server. Default true. */
  readonly cors?: boolean
} & {
  /**
   * Connection limits (defaults in `DEFAULT_SERVER_LIMITS`): `requestTimeoutMs` (whole request, 30 s; then
   * HTTP 408), `headersTimeoutMs` (10 s, at most `requestTimeoutMs`), `keepAliveTimeoutMs` (idle keep-alive
   * connection, 5 s), `maxConnections` (open at once; one more is closed unanswered).
   */
  readonly [K in keyof ServerLimits]?: number
}

export type MockServer<B extends UcdnBackend = PrefetchBackend> = {
  /** The API's base URL, e.g. `http://127.0.0.1:49152` (no trailing slash). */
  readonly url: string
  readonly backend: B
  readonly faults: FaultInjector
  /** Stops listening and closes every connection, idle or busy. */
  close(): Promise<void>
}

/**
 * Serves the mock API (the very handlers of {@link createUcdnHandlers}) over real HTTP on loopback, for
 * clients that cannot be intercepted in-process: other languages, CLIs, a browser page. Keep-alive is on.
 */
export async function startMockServer<B extends UcdnBackend = PrefetchBackend>(
  options: MockServerOptions<B> = {},
): Promise<MockServer<B>> {
  checkMockOptions(options, 'startMockServer', {
    ...SERVER_OPTION_RULES,
    ...HANDLER_OPTION_RULES,
    baseUrl: NONE,
  })
  const {
    port = 0,
    host = '127.0.0.1',
    basePath = '/',
    cors = true,
    requestTimeoutMs,
    headersTimeoutMs,
    keepAliveTimeoutMs,
    maxConnections,
    // Configure the default backend only (made here, so the handlers get it as `backend`).
    domains: _domains,
    prefetchIntervalMs: _prefetchIntervalMs,
    ...handlerOptions
  } = options
  const limits = resolveServerLimits({
    ...(requestTimeoutMs === undefined ? {} : { requestTimeoutMs }),
    ...(headersTimeoutMs === undefined ? {} : { headersTimeoutMs }),
    ...(keepAliveTimeoutMs === undefined ? {} : { keepAliveTimeoutMs }),
    ...(maxConnections === undefined ? {} : { maxConnections }),
  })
  // Without a backend, B is its default (PrefetchBackend) unless a caller names another type explicitly.
  const backend = backendOf(options) as B
  const faults = options.faults ?? createFaultInjector()
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const inFlight = new Set<AbortController>()
  let handlers: ReturnType<typeof createUcdnHandlers> = []
  let origin = ''

  const server = createServer(nodeServerOptions(limits), (req, res) => {
    const started = performance.now()
    const controller = new AbortController()
    inFlight.add(controller)
    res.on('close', () => {
      inFlight.delete(controller)
      if (!res.writableFinished) controller.abort(new Error('The client closed the connection.'))
    })
    serve(req, res, controller.signal).then(
      (viaHandlers) => {
        if (!viaHandlers) reportOwn(req.method, res.statusCode, started)
      },
      (error: unknown) => {
        if (!res.headersSent) sendText(res, 500, `Mock server error: ${(error as Error)?.message ?? error}`)
        else res.destroy()
        reportOwn(req.method, res.statusCode, started)
      },
    )
  })
  server.maxConnections = limits.maxConnections
  // node:http hands CONNECT to this event instead of the request handler, and drops the connection when nobody
  // listens: answer it like any other method the API does not take.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => {}) // the client may be gone already; there is nothing left to tell it
    socket.end(rawAnswer(methodNotAllowed()))
    reportOwn('CONNECT', 405, performance.now())
  })

  /** Answers one request; true when the handlers answered it (they report it to onRequest themselves). */
  async function serve(req: IncomingMessage, res: ServerResponse, signal: AbortSignal): Promise<boolean> {
    if (cors) {
      res.setHeader('Access-Control-Allow-Origin', '*')
      res.setHeader('Access-Control-Expose-Headers', 'X-UCLOUD-REQUEST-UUID, Retry-After')
      if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
        res.writeHead(204, {
          'Access-Control-Allow-Methods': 'GET, POST',
          'Access-Control-Allow-Headers': 'Content-Type',
          'Access-Control-Max-Age': '600',
        })
        res.end()
        return false
      }
    }
    if (!API_METHODS.includes(req.method ?? '')) {
      // Answered here, before a fetch Request exists: Request refuses some methods outright (TRACE, CONNECT,
      // TRACK), and there is no body worth reading for a method the API does not take.
      sendAnswer(res, methodNotAllowed())
      return false
    }
    const url = requestTargetUrl(req.url ?? '/', origin)
    if (url === undefined) {
      sendText(res, 400, 'Bad Request: the request target is not a valid URL path')
      return false
    }
    const body = await readBody(req, maxBodyBytes)
    if (body === 'tooLarge') {
      // The rest of the body is never read, so the connection cannot carry another request.
      res.setHeader('Connection', 'close')
      sendText(res, 413, `Request body larger than ${maxBodyBytes} bytes`)
      return false
    }
    const request = new Request(url, {
      method: req.method ?? 'GET',
      headers: toHeaders(req),
      signal,
      ...(body === undefined ? {} : { body }),
    })
    const response = await getResponse(handlers, request)
    if (response === undefined) {
      sendText(res, 404, `Not Found: the UCDN mock API answers at ${origin}${basePath}`)
      return false
    }
    if (response.type === 'error') {
      req.socket.destroy() // the connectionReset fault: the client sees the connection drop
      return true
    }
    await sendResponse(res, response)
    return true
  }

  /** Reports an answer the server gave itself (no action read, no RetCode) to onRequest. */
  function reportOwn(method: string | undefined, status: number, started: number): void {
    options.onRequest?.({
      method: method ?? '',
      action: undefined,
      retCode: undefined,
      status,
      fault: undefined,
      durationMs: Math.round(performance.now() - started),
    })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
  const url = `${origin}${basePath.replace(/\/+$/, '')}`
  let closing: Promise<void> | undefined
  try {
    handlers = createUcdnHandlers({ ...handlerOptions, baseUrl: url, backend, faults, maxBodyBytes })
  } catch (error) {
    server.close() // a bad option must not leave a server listening
    throw error
  }

  return {
    url,
    backend,
    faults,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        for (const controller of inFlight) controller.abort(new Error('The mock server is closing.'))
        server.closeAllConnections()
      })
      return closing
    },
  }
}
