// One demo-mode test file's Chromium and the built page, served by the dashboard's own server as in production
// (same headers, CSP included). Demo mode must never call the server's API: every listing it is asked for counts.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'
import { type RunningBff, startBff } from '../../server/bff-server.js'
import { hasChromium, launchChromium } from './chromium.js'

export interface DemoPage {
  readonly browser: Browser
  /** The server's address; open `${url}/?mode=demo…`. */
  readonly url: string
  /** Listings the page asked the server for (demo mode must ask none). */
  readonly serverListings: number
}

/** Starts Chromium and the server before the file's tests and closes both after them. */
export function useDemoPage(): DemoPage {
  let browser: Browser | undefined
  let bff: RunningBff | undefined
  let serverListings = 0
  beforeAll(async () => {
    if (!hasChromium) return
    browser = await launchChromium()
    const ucdn = {
      paginatePrefetchTasks: () => {
        serverListings++
        throw new Error('demo mode must not call the server')
      },
    }
    bff = await startBff({
      ucdn,
      staticDir: inject('pageDir'),
      port: 0,
      host: '127.0.0.1',
      logger: { error() {} },
    })
  })
  afterAll(async () => {
    await browser?.close()
    await bff?.close()
  })
  const started = <T>(value: T | undefined): T => {
    if (value === undefined)
      throw new Error('useDemoPage: used before its beforeAll ran (or without Chromium)')
    return value
  }
  return {
    get browser() {
      return started(browser)
    },
    get url() {
      return started(bff).url
    },
    get serverListings() {
      return serverListings
    },
  }
}
