// A "type": "commonjs" project under `moduleResolution: nodenext` resolves its own `msw/node` to msw's CommonJS
// types and ours to the ESM ones: the two handler types do not match (TS2345). Building the server here, from the
// same msw the handlers come from, leaves the consumer no msw import of its own to mismatch.
import { type SetupServer, setupServer } from 'msw/node'
import type { UcdnHandlersOptions } from '../handlers.js'
import { createUcdnHandlers } from '../handlers.js'

/** msw's `setupServer` with the mock's handlers (`createUcdnHandlers(options)`); call `listen()` to start. */
export function setupUcdnServer(options: UcdnHandlersOptions = {}): SetupServer {
  return setupServer(...createUcdnHandlers(options))
}
