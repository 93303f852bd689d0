import { type Clock, systemClock } from '../clock.js'
import { DEMO_DOMAIN } from './cache-domains.js'
import { createPrefetchBackend, type PrefetchBackend } from './prefetch-backend.js'
import type { PrefetchUrlSeed } from './task-store.js'

/** The longest any demo task takes from creation to its final state, ms. */
export const DEMO_SETTLE_MS = 28_000

type DemoTask = { readonly taskId: string; readonly ageMs: number; readonly urls: readonly PrefetchUrlSeed[] }

const CDN = `https://${DEMO_DOMAIN.host}`

// Hand-tuned so the demo shows every state within half a minute: queued, processing at different paces,
// one URL failing (so exactly one task ends `failure`), everything settled by DEMO_SETTLE_MS.
const DEMO_TASKS: readonly DemoTask[] = [
  {
    taskId: 'demoHome',
    ageMs: 4_000,
    urls: [
      { url: `${CDN}/index.html`, waitMs: 0, processMs: 6_000 },
      { url: `${CDN}/assets/app.3f9c2b.js`, waitMs: 1_000, processMs: 9_000 },
      { url: `${CDN}/assets/app.3f9c2b.css`, waitMs: 1_000, processMs: 5_000 },
    ],
  },
  {
    taskId: 'demoImgs',
    ageMs: 3_000,
    urls: [
      { url: `${CDN}/img/hero-2400w.webp`, waitMs: 2_000, processMs: 14_000 },
      { url: `${CDN}/img/hero-1200w.webp`, waitMs: 2_000, processMs: 10_000 },
      { url: `${CDN}/img/logo.svg`, waitMs: 1_000, processMs: 3_000 },
      { url: `${CDN}/img/team/alice.jpg`, waitMs: 3_000, processMs: 8_000 },
      { url: `${CDN}/img/team/bob.jpg`, waitMs: 3_000, processMs: 8_000 },
      { url: `${CDN}/img/og-card.png`, waitMs: 4_000, processMs: 6_000 },
    ],
  },
  {
    taskId: 'demoVids',
    ageMs: 2_000,
    urls: [
      { url: `${CDN}/video/launch-1080p.mp4`, waitMs: 5_000, processMs: 21_000 },
      { url: `${CDN}/video/launch-720p.mp4`, waitMs: 5_000, processMs: 15_000 },
    ],
  },
  {
    taskId: 'demoDocs',
    ageMs: 1_000,
    urls: [
      { url: `${CDN}/docs/getting-started.html`, waitMs: 2_000, processMs: 7_000 },
      { url: `${CDN}/docs/api-reference.html`, waitMs: 2_000, processMs: 11_000 },
      { url: `${CDN}/docs/removed-page.html`, waitMs: 3_000, processMs: 9_000, outcome: 'failure' },
      { url: `${CDN}/docs/search-index.json`, waitMs: 4_000, processMs: 12_000 },
    ],
  },
  {
    taskId: 'demoFont',
    ageMs: 0,
    urls: [
      { url: `${CDN}/fonts/inter-var.woff2`, waitMs: 8_000, processMs: 10_000 },
      { url: `${CDN}/fonts/inter-var-italic.woff2`, waitMs: 8_000, processMs: 12_000 },
      { url: `${CDN}/downloads/app-setup-2.4.1.exe`, waitMs: 10_000, processMs: 18_000 },
    ],
  },
]

// Refresh (purge) tasks beside them, so `ucdn tasks --refresh` and the dashboard's refresh view show something:
// a file refresh and a directory refresh after the same release, both done within the same half minute.
const DEMO_REFRESH_TASKS: readonly (DemoTask & { readonly type: 'file' | 'dir' })[] = [
  {
    taskId: 'demoPurgeHtml',
    type: 'file',
    ageMs: 5_000,
    urls: [
      { url: `${CDN}/index.html`, waitMs: 0, processMs: 4_000 },
      { url: `${CDN}/docs/getting-started.html`, waitMs: 1_000, processMs: 5_000 },
    ],
  },
  {
    taskId: 'demoPurgeAssets',
    type: 'dir',
    ageMs: 4_500,
    urls: [{ url: `${CDN}/assets/`, waitMs: 2_000, processMs: 12_000 }],
  },
]

/**
 * The demo data set of the CLI and the dashboard: 5 prefetch tasks of 2–6 URLs on `https://cdn.example.com`, and
 * 2 refresh tasks (a file and a directory refresh), created in the few seconds before `clock.now()`, progressing in
 * real time (with the default clock) and all finished within {@link DEMO_SETTLE_MS} of creation. Exactly one URL
 * fails, so exactly one prefetch task ends `failure`; both refresh tasks succeed.
 */
export function createDemoBackend(clock: Clock = systemClock): PrefetchBackend {
  const now = clock.now()
  const backend = createPrefetchBackend({
    clock,
    tasks: DEMO_TASKS.map(({ taskId, ageMs, urls }) => ({ taskId, createdAt: now - ageMs, urls })),
  })
  for (const { taskId, type, ageMs, urls } of DEMO_REFRESH_TASKS) {
    backend.addRefreshTask({ taskId, type, createdAt: now - ageMs, urls })
  }
  return backend
}
