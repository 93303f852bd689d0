import type { Credentials } from '@scloud/ucdn'
import { createDemoBackend, DEMO_CREDENTIALS } from '@scloud/ucdn-mock'
import { startMockServer } from '@scloud/ucdn-mock/node'

/** The built-in demo API: the mock server on a free loopback port, serving tasks that finish within ~30 s. */
export interface DemoApi {
  readonly baseUrl: string
  readonly credentials: Credentials
  close(): Promise<void>
}

export const DEMO_NOTICE = 'No SCloud credentials found; using the built-in demo API (pass --live to refuse)'
export const FORCED_DEMO_NOTICE = 'Using the built-in demo API (--mock); its tasks are not real'

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
