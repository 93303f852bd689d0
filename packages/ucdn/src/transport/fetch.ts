// The browser (and any non-Node) transport: the global fetch, looked up per call so polyfills and test
// interceptors installed later are used.
import { withSignal } from '../abort.js'
import type { Transport } from './types.js'

export function createDefaultTransport(): Transport {
  return {
    fetch: (input, init) => globalThis.fetch(input, withSignal(init)),
    close: () => Promise.resolve(),
  }
}
