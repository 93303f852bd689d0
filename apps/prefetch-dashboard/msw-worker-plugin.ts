import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Plugin } from 'vite'

/** Where the page registers msw's service worker (scope: the whole site). */
export const MSW_WORKER_FILE = 'mockServiceWorker.js'

/**
 * Serves msw's service worker in `vite dev` and emits it into the build, read from the installed msw each time.
 * Why not a copy in public/: pnpm here denies msw's postinstall (which would copy it), and a committed copy goes
 * stale when msw is upgraded (msw warns when the worker and the library disagree).
 */
export function mswWorkerPlugin(): Plugin {
  const workerSource = (): string =>
    readFileSync(createRequire(import.meta.url).resolve(`msw/${MSW_WORKER_FILE}`), 'utf8')
  return {
    name: 'scloud:msw-worker',
    configureServer(server) {
      server.middlewares.use(`${server.config.base}${MSW_WORKER_FILE}`, (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8')
        res.setHeader('Cache-Control', 'no-cache')
        res.end(workerSource())
      })
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: MSW_WORKER_FILE, source: workerSource() })
    },
  }
}
