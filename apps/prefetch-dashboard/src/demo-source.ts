// Loaded by main.ts only in demo mode (a dynamic import), so live mode never downloads the fake API.
import { UcdnClient } from '@scloud/ucdn'
import { createDemoBackend, createUcdnHandlers, DEMO_CREDENTIALS } from '@scloud/ucdn-mock'
import { setupWorker } from 'msw/browser'
import { cacheActionsOf } from './cache-actions.js'
import { listPrefetchTasks, listRefreshTasks } from './list-prefetch-tasks.js'
import type { PrefetchSource } from './prefetch-source.js'
import { createScaledClock } from './scaled-clock.js'
import { submitRequest } from './submit-request.js'

/** The API address the demo's client calls and msw's worker answers: the real one, so nothing is special-cased. */
export const DEMO_API_BASE_URL = 'https://api.scloudsg.com'

export type DemoSourceOptions = {
  /** How many times faster than real time the demo tasks progress (the e2e tests use 2 and 3). */
  readonly speed: number
  /** Where msw's service worker script is served. */
  readonly workerUrl: string
}

/**
 * Demo mode: msw's service worker plays the SCloud API inside this tab (@scloud/ucdn-mock's handlers over its
 * demo backend) and the page calls it with @scloud/ucdn, signed with the mock's public demo key pair. The real
 * client, signer and handlers run in the browser; nothing leaves the tab.
 */
export async function createDemoSource(options: DemoSourceOptions): Promise<PrefetchSource> {
  const clock = createScaledClock(options.speed, Date.now())
  const backend = createDemoBackend(clock)
  const worker = setupWorker(
    ...createUcdnHandlers({ baseUrl: DEMO_API_BASE_URL, backend, keyPairs: [DEMO_CREDENTIALS] }),
  )
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: options.workerUrl } })
  const ucdn = new UcdnClient({ credentials: DEMO_CREDENTIALS, baseUrl: DEMO_API_BASE_URL })
  const cache = cacheActionsOf(ucdn)
  const pace = options.speed === 1 ? '' : ` at ${options.speed}× speed`
  return {
    mode: 'demo',
    now: clock.now,
    description:
      `Demo: a fake SCloud API runs in this tab${pace} (msw service worker, public demo key pair). ` +
      'Nothing is sent to SCloud.',
    list: (filters, { signal, kind } = {}) =>
      kind === 'refresh'
        ? listRefreshTasks(cache, filters, { signal })
        : listPrefetchTasks(ucdn, filters, { signal }),
    submit: (request, { signal } = {}) => submitRequest(cache, request, { signal }),
  }
}
