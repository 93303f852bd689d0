// The Node transport: undici pools by default, the global fetch when something expects to see our requests
// there (msw's setupServer, vi.stubGlobal, a polyfill): then the global fetch has been replaced since this
// module loaded, or @mswjs/interceptors has registered its fetch interceptor.
import { withSignal } from '../abort.js'
import { globalFetchIsIntercepted } from './default-node.js'
import type { Transport, TransportOptions } from './types.js'
import { createUndiciTransport } from './undici-fetch.js'

export { globalFetchIsIntercepted }

export function createDefaultTransport(options: TransportOptions): Transport {
  const undici = createUndiciTransport({ maxResponseBytes: options.maxResponseBytes })
  return {
    // Decided per call: msw's server.listen() usually runs after the client was created.
    fetch: (input, init) =>
      globalFetchIsIntercepted() ? globalThis.fetch(input, withSignal(init)) : undici.fetch(input, init),
    close: () => undici.close(),
  }
}
