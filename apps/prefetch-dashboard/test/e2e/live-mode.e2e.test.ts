import { randomUUID } from 'node:crypto'
import { UcdnClient } from '@scloud/ucdn'
import { createDemoBackend, createUcdnHandlers, DEMO_CREDENTIALS } from '@scloud/ucdn-mock'
import { setupServer } from 'msw/node'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type RunningBff, startBff } from '../../server/bff-server.js'
import { createScaledClock } from '../../src/scaled-clock.js'
import { hasChromium, launchChromium, screenshot, taskProgress, watchConsole } from './chromium.js'

// Live mode in real Chromium: page → BFF (this process) → @scloud/ucdn → the API, here msw's node handlers
// over the demo backend. The BFF holds a key pair made for this run; the browser must never see its secret.
const keys = { publicKey: 'e2e-live-public-key', privateKey: `e2e-live-private-${randomUUID()}` }
const api = setupServer(
  ...createUcdnHandlers({ backend: createDemoBackend(createScaledClock(3, Date.now())), keyPairs: [keys] }),
)

let browser: Browser
let bff: RunningBff

beforeAll(async () => {
  if (!hasChromium) return
  api.listen({ onUnhandledRequest: 'error' })
  browser = await launchChromium()
  const ucdn = new UcdnClient({ credentials: keys, baseUrl: 'https://api.scloudsg.com' })
  bff = await startBff({ ucdn, staticDir: inject('pageDir'), port: 0, host: '127.0.0.1' })
})

afterAll(async () => {
  await browser?.close()
  await bff?.close()
  if (hasChromium) api.close()
})

describe.skipIf(!hasChromium)('live mode in Chromium', () => {
  it('reads tasks through the BFF until they finish, and the browser never sees the key', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const problems = watchConsole(page)
    const seen: { url: string; body: string }[] = []
    page.on('response', async (response) => {
      const body = await response.text().catch(() => '')
      seen.push({ url: response.url(), body })
    })

    await page.goto(`${bff.url}/`) // the BFF sends the page to /?mode=live
    expect(new URL(page.url()).search).toBe('?mode=live')
    await page.locator('#task-rows tr[data-task-id]').nth(4).waitFor({ timeout: 15_000 })
    expect(await page.locator('#mode-note').textContent()).toMatch(/^Live: /)

    await page.waitForFunction(
      () => document.querySelector('#summary')?.textContent?.endsWith('All finished.'),
      null,
      {
        timeout: 25_000,
        polling: 200,
      },
    )
    expect(await taskProgress(page)).toEqual({
      demoDocs: 75, // one URL failed at 0 %, as the API reported
      demoFont: 100,
      demoHome: 100,
      demoImgs: 100,
      demoVids: 100,
    })
    await screenshot(page, 'dashboard-live.png')

    const origins = new Set(seen.filter((r) => /^https?:/.test(r.url)).map((r) => new URL(r.url).origin))
    expect([...origins]).toEqual([bff.url])
    expect(seen.some((r) => r.url.includes('/api/prefetch-tasks?'))).toBe(true)
    for (const response of seen) expect(response.body.includes(keys.privateKey), response.url).toBe(false)
    for (const response of seen.filter((r) => r.url.includes('/api/'))) {
      expect(response.body).not.toMatch(/signature|publickey/i)
    }
    // Live mode does not even download the demo's code.
    expect(seen.some((r) => r.body.includes(DEMO_CREDENTIALS.privateKey))).toBe(false)
    expect(problems).toEqual([])
  })
})
