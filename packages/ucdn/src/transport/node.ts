// The Node transport: undici pools by default, the global fetch when something expects to see our requests
// there (msw's setupServer, vi.stubGlobal, a polyfill): then the global fetch has been replaced since this
// module loaded, or @mswjs/interceptors has registered its fetch interceptor.
import { withSignal } from '../abort.js'
import type { Transport, TransportOptions } from './types.js'
import { createUndiciTransport } from './undici-fetch.js'

const fetchAtLoad = globalThis.fetch
// @mswjs/interceptors' FetchInterceptor sets this global while it patches fetch.
const FETCH_INTERCEPTOR = Symbol.for('fetch-interceptor')

/** True when calls must go through the global fetch so that whoever replaced or intercepts it sees them. */
export function globalFetchIsIntercepted(): boolean {
  return (
    globalThis.fetch !== fetchAtLoad || (globalThis as Record<symbol, unknown>)[FETCH_INTERCEPTOR] != null
  )
}

export function createDefaultTransport(options: TransportOptions): Transport {
  const undici = createUndiciTransport({ maxResponseBytes: options.maxResponseBytes })
  return {
    // Decided per call: msw's server.listen() usually runs after the client was created.
    fetch: (input, init) =>
      globalFetchIsIntercepted() ? globalThis.fetch(input, withSignal(init)) : undici.fetch(input, init),
    close: () => undici.close(),
  }
}
