// The browser (and any non-Node) transport: the global fetch, looked up per call so polyfills and test
// interceptors installed later are used.
import { withSignal } from '../abort.js'
import type { Transport, TransportOptions } from './types.js'

/** The answer-size limit is the client's to check here: a fetch Response is read by whoever asks for it. */
export function createDefaultTransport(_options: TransportOptions): Transport {
  return {
    fetch: (input, init) => globalThis.fetch(input, withSignal(init)),
    close: () => Promise.resolve(),
  }
}
