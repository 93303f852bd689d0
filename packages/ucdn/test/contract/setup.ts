// Shared msw setup for the contract tests: @scloud/ucdn-mock's handlers behind msw's setupServer.
import {
  createFaultInjector,
  createManualClock,
  createPrefetchBackend,
  createUcdnHandlers,
  DEMO_CREDENTIALS,
  type PrefetchTaskSeed,
  type UcdnBackend,
} from '@scloud/ucdn-mock'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { UcdnClient, type UcdnClientOptions } from '../../src/index.js'

export const BASE_URL = 'https://api.scloudsg.com'
export const START = Date.UTC(2026, 10, 29, 10, 0, 0)

/** One msw server per test file; each test installs its own handlers with `useApi`. */
export function mockApi() {
  const server = setupServer()
  const requests: Request[] = []
  const bodies: Promise<string>[] = []
  server.events.on('request:start', ({ request }) => {
    requests.push(request)
    bodies.push(request.clone().text()) // a copy, before the handlers read the body
  })
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    server.resetHandlers()
    requests.length = 0
    bodies.length = 0
  })
  afterAll(() => server.close())

  return {
    requests,
    /** The form parameters of each request, in order. */
    forms: () => Promise.all(bodies.map(async (body) => new URLSearchParams(await body))),
    /** A stateful backend on a manual clock (or `backend`), with a fault injector, behind the handlers. */
    use(options: { tasks?: readonly PrefetchTaskSeed[]; backend?: UcdnBackend } = {}) {
      const clock = createManualClock(START)
      const backend = createPrefetchBackend({ clock, tasks: options.tasks ?? [] })
      const faults = createFaultInjector({ sleep: () => new Promise(() => {}) })
      server.use(...createUcdnHandlers({ backend: options.backend ?? backend, faults }))
      return { clock, backend, faults }
    },
  }
}

/** A client of the mocked API: demo credentials, no real backoff waits. */
export function mockClient(options: UcdnClientOptions = {}): UcdnClient {
  return new UcdnClient({ credentials: DEMO_CREDENTIALS, env: {}, sleep: async () => {}, ...options })
}
