// Which wire transport a browser (or any non-Node) client uses: fetch, the caller's or the global one.

import type { DefaultTransportOptions } from './default-node.js'
import { createFetchTransport } from './fetch-transport.js'
import type { WireTransport } from './wire.js'

export type { DefaultTransportOptions } from './default-node.js'

export function createDefaultWireTransport(options: DefaultTransportOptions = {}): WireTransport {
  return createFetchTransport({ fetch: options.fetch })
}
