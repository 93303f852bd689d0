import type { Credentials } from '@scloud/ucdn'
import { createDemoBackend, DEMO_CREDENTIALS } from '@scloud/ucdn-mock'
import { startMockServer } from '@scloud/ucdn-mock/node'

/** The built-in demo API: the mock server on a free loopback port, serving tasks that finish within ~30 s. */
export interface DemoApi {
  readonly baseUrl: string
  readonly credentials: Credentials
  close(): Promise<void>
}

export { DEMO_NOTICE, FORCED_DEMO_NOTICE } from './demo-notices.js'

/**
 * Starts the demo API. The demo tasks progress on `clock` — the real time in the CLI, a fake one in tests —
 * and are created just before it starts, so every run shows the whole story from the beginning.
 */
export async function startDemoApi(clock: { now(): number }): Promise<DemoApi> {
  const server = await startMockServer({
    port: 0,
    host: '127.0.0.1',
    backend: createDemoBackend(clock),
    clock,
  })
  return { baseUrl: server.url, credentials: DEMO_CREDENTIALS, close: () => server.close() }
}
