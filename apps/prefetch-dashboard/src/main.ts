// The page's entry: pick the mode, build its PrefetchSource, mount the dashboard. Demo mode's code (the SDK
// client, msw, the fake API) is a separate chunk that live mode never downloads.
import { takeAccessToken } from './access-token.js'
import { mountDashboard } from './dashboard.js'
import { queryDashboardElements } from './dom.js'
import { createLiveSource } from './live-source.js'
import { resolveMode } from './mode.js'
import { browserPollerEnvironment } from './poller.js'
import type { PrefetchSource } from './prefetch-source.js'
import { mountSubmitForm } from './submit-form.js'

async function start(): Promise<void> {
  const elements = queryDashboardElements(document)
  try {
    const settings = resolveMode(location.search, import.meta.env.VITE_UCDN_MODE)
    document.documentElement.dataset.mode = settings.mode
    const source: PrefetchSource =
      settings.mode === 'live'
        ? createLiveSource({ token: takeAccessToken({ location, history, storage: sessionStorage }) })
        : await (await import('./demo-source.js')).createDemoSource({
            speed: settings.demoSpeed,
            workerUrl: `${import.meta.env.BASE_URL}mockServiceWorker.js`,
          })
    const dashboard = mountDashboard({
      source,
      elements,
      location,
      history,
      events: window,
      pollerEnvironment: browserPollerEnvironment(document),
    })
    mountSubmitForm({ elements, source, onSubmitted: (kind) => dashboard.follow(kind) })
  } catch (error) {
    elements.error.hidden = false
    elements.error.textContent = startupMessage(error)
    elements.summary.textContent = 'The dashboard could not start.'
  }
}

function startupMessage(error: unknown): string {
  if (!('serviceWorker' in navigator)) {
    return 'Demo mode needs service workers: open the page over https:// or http://localhost.'
  }
  return error instanceof Error ? error.message : 'The dashboard could not start.'
}

void start()
