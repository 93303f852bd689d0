// Which wire transport a Node client uses (ADR 0002): the caller's `fetch` when given; else undici, except while
// something expects to see our requests in the global fetch (msw's setupServer, vi.stubGlobal, a polyfill) —
// the global fetch was replaced since this module loaded, or @mswjs/interceptors registered its interceptor.
import { createFetchTransport, type FetchLike } from './fetch-transport.js'
import { createNodeTransport } from './node-transport.js'
import type { WireTransport } from './wire.js'

export interface DefaultTransportOptions {
  /** The caller's fetch: every call goes through it. */
  readonly fetch?: FetchLike | undefined
}

const fetchAtLoad = globalThis.fetch
// @mswjs/interceptors' FetchInterceptor sets this global while it patches fetch.
const FETCH_INTERCEPTOR = Symbol.for('fetch-interceptor')

/** True when calls must go through the global fetch so that whoever replaced or intercepts it sees them. */
export function globalFetchIsIntercepted(): boolean {
  return (
    globalThis.fetch !== fetchAtLoad || (globalThis as Record<symbol, unknown>)[FETCH_INTERCEPTOR] != null
  )
}

export function createDefaultWireTransport(options: DefaultTransportOptions = {}): WireTransport {
  if (options.fetch !== undefined) return createFetchTransport({ fetch: options.fetch })
  const node = createNodeTransport()
  const viaGlobalFetch = createFetchTransport()
  return {
    // Decided per call: msw's server.listen() usually runs after the client was created.
    send: (request) => (globalFetchIsIntercepted() ? viaGlobalFetch.send(request) : node.send(request)),
    ready: () => (globalFetchIsIntercepted() ? undefined : node.ready?.()),
    settlesOnAbort: () => !globalFetchIsIntercepted(),
    close: (options) => node.close(options),
  }
}
