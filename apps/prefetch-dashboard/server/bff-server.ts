import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { UcdnClient } from '@scloud/ucdn'
import type { CacheActions } from '../src/cache-actions.js'
import { PREFETCH_TASKS_PATH, REFRESH_TASKS_PATH } from '../src/prefetch-query.js'
import { PREFETCH_SUBMIT_PATH, REFRESH_SUBMIT_PATH } from '../src/submit-request.js'
import type { BffLogger } from './error-response.js'
import { type JsonResponse, jsonError, writeJson } from './json-response.js'
import { handlePrefetchTasks, handleRefreshTasks } from './prefetch-endpoint.js'
import { readJsonBody } from './read-json-body.js'
import { checkSubmitRequest, checkToken } from './request-guard.js'
import { serveStatic } from './static-files.js'
import { handleSubmit } from './submit-endpoint.js'

export type BffOptions = {
  /** Calls the API with the server's credentials. */
  readonly ucdn: Pick<UcdnClient, 'paginatePrefetchTasks'>
  /** Submits and refresh listings (`cacheActionsOf(client)`); without it those endpoints answer 501. */
  readonly cache?: CacheActions | undefined
  /**
   * When set, every `/api/` request needs it in the `X-Dashboard-Token` header (main.ts sets one whenever the
   * server listens beyond loopback).
   */
  readonly token?: string | undefined
  /** The built page (dist/client); without it only the JSON API is served. */
  readonly staticDir?: string | undefined
  readonly logger?: BffLogger
  readonly now?: () => number
  /**
   * `loopback`: answer only requests addressed to 127.0.0.1, localhost or [::1] (any port), so a web page
   * cannot reach this server through DNS rebinding and read tasks with your keys. Default `any`.
   */
  readonly hosts?: 'loopback' | 'any'
}

const LOOPBACK_NAMES: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** True when a request's Host header names this machine's loopback interface. */
export function isLoopbackHost(hostHeader: string | undefined): boolean {
  if (hostHeader === undefined) return false
  try {
    return LOOPBACK_NAMES.has(new URL(`http://${hostHeader}`).hostname)
  } catch {
    return false
  }
}

// The page talks to its own origin only; in demo mode its fetches to the API address never leave the tab
// (msw's service worker answers them), but the browser checks them against connect-src first.
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; connect-src 'self' https://api.scloudsg.com; img-src 'self' data:; " +
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const

/**
 * The backend-for-frontend's request handler: `GET /api/prefetch-tasks` (JSON), the built page, 404/405 as
 * JSON for the API and plain text elsewhere. `/` without `?mode=` redirects to `/?mode=live`, so the page this
 * server serves reads from this server.
 */
export function createBffHandler(options: BffOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const logger = options.logger ?? { error: (message, details) => console.error(message, details) }
  const deps = { ucdn: options.ucdn, cache: options.cache, logger, now: options.now }
  type Route = {
    readonly method: 'GET' | 'POST'
    readonly answer: (req: IncomingMessage, url: URL, signal: AbortSignal) => Promise<JsonResponse>
  }
  const submit = (kind: 'prefetch' | 'refresh'): Route => ({
    method: 'POST',
    async answer(req) {
      const refused = checkSubmitRequest(req)
      if (refused !== undefined) return refused
      const read = await readJsonBody(req)
      // Not aborted when the browser goes away: a submit cut off midway would leave its outcome unknown.
      return read.ok ? handleSubmit(kind, read.body, deps) : read.response
    },
  })
  const routes: Readonly<Record<string, Route>> = {
    [PREFETCH_TASKS_PATH]: {
      method: 'GET',
      answer: (_req, url, signal) => handlePrefetchTasks(url.searchParams, deps, signal),
    },
    [REFRESH_TASKS_PATH]: {
      method: 'GET',
      answer: (_req, url, signal) => handleRefreshTasks(url.searchParams, deps, signal),
    },
    [PREFETCH_SUBMIT_PATH]: submit('prefetch'),
    [REFRESH_SUBMIT_PATH]: submit('refresh'),
  }
  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error('The BFF failed to answer a request.', error)
      if (!res.headersSent)
        writeJson(res, jsonError(500, 'INTERNAL_ERROR', 'The dashboard’s server failed unexpectedly.'))
      else res.destroy()
    })
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    if (options.hosts === 'loopback' && !isLoopbackHost(req.headers.host)) {
      res
        .writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Use http://127.0.0.1 or localhost.\n')
      return
    }
    const url = new URL(req.url ?? '/', 'http://bff.invalid')
    const readOnly = req.method === 'GET' || req.method === 'HEAD'
    if (url.pathname.startsWith('/api/')) {
      const refused = checkToken(req, options.token)
      if (refused !== undefined) return writeJson(res, refused)
      const route = Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : undefined
      if (route === undefined) {
        return writeJson(
          res,
          jsonError(
            404,
            'NOT_FOUND',
            `No API at ${url.pathname}; the dashboard uses ${Object.keys(routes).join(', ')}.`,
          ),
        )
      }
      if (req.method !== route.method) {
        return writeJson(
          res,
          jsonError(
            405,
            'METHOD_NOT_ALLOWED',
            `${url.pathname} only answers ${route.method}.`,
            {},
            { Allow: route.method },
          ),
        )
      }
      const abort = new AbortController()
      res.on('close', () => abort.abort())
      return writeJson(res, await route.answer(req, url, abort.signal))
    }
    if (options.staticDir !== undefined && readOnly) {
      if (url.pathname === '/' && !url.searchParams.has('mode')) {
        res.writeHead(302, { Location: '/?mode=live' }).end()
        return
      }
      if (await serveStatic(options.staticDir, url.pathname, req, res)) return
    }
    if (!readOnly) {
      res
        .writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Method not allowed.\n')
      return
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found.\n')
  }
}

export type RunningBff = {
  /** `http://host:port`, with the port actually bound. */
  readonly url: string
  readonly server: Server
  close(): Promise<void>
}

/** Starts the BFF on `host:port` (port 0: any free port). */
export async function startBff(
  options: BffOptions & { readonly port: number; readonly host: string },
): Promise<RunningBff> {
  const server = createServer(createBffHandler(options))
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port, options.host, () => done())
  })
  const { port } = server.address() as AddressInfo
  const host = options.host.includes(':') ? `[${options.host}]` : options.host
  return {
    url: `http://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()))
        server.closeAllConnections()
      }),
  }
}
