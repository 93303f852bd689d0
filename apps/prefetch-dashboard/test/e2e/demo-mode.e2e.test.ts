import type { Browser, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type RunningBff, startBff } from '../../server/bff-server.js'
import { hasChromium, launchChromium, screenshot, taskProgress, watchConsole } from './chromium.js'

// Demo mode in real Chromium: @scloud/ucdn signs and sends requests in the page, msw's service worker answers
// them with @scloud/ucdn-mock's handlers and demo backend. ?speed=2 runs the demo's ~28 s in 14 s (the
// same code, a faster clock).
const DEMO_TASK_IDS = ['demoDocs', 'demoFont', 'demoHome', 'demoImgs', 'demoVids']

let browser: Browser
let bff: RunningBff
let bffListings = 0

beforeAll(async () => {
  if (!hasChromium) return
  browser = await launchChromium()
  // The built page served as in production (same headers, CSP included); its API must not be used in demo mode.
  const ucdn = {
    paginatePrefetchTasks: () => {
      bffListings++
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

describe.skipIf(!hasChromium)('demo mode in Chromium', () => {
  it('lists the demo tasks, moves their progress bars to done and shows a task’s URLs', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
    const problems = watchConsole(page)
    const apiResponses: Response[] = []
    page.on('response', (response) => {
      if (response.url().startsWith('https://api.scloudsg.com/')) apiResponses.push(response)
    })

    await page.goto(`${bff.url}/?mode=demo&speed=2`)
    await page
      .locator('#task-rows tr[data-task-id]')
      .nth(DEMO_TASK_IDS.length - 1)
      .waitFor({ timeout: 15_000 })
    expect(await page.locator('#mode-note').textContent()).toMatch(
      /^Demo: a fake SCloud API runs in this tab at 2× speed/,
    )
    const first = await taskProgress(page)
    expect(Object.keys(first).sort()).toEqual(DEMO_TASK_IDS)
    expect(first.demoFont, 'the slowest demo task has not finished at first sight').toBeLessThan(100)

    await page.getByRole('link', { name: 'demoDocs' }).click()
    // expect.poll gives up after 1 s by default; a loaded CI machine can take longer to render.
    await expect
      .poll(() => page.getByRole('heading', { name: 'URLs of task demoDocs' }).isVisible(), {
        timeout: 15_000,
      })
      .toBe(true)

    // A bar moves: the slowest task is seen strictly between where it started and done.
    await page.waitForFunction(
      (start) => {
        const bar = document.querySelector<HTMLProgressElement>('tr[data-task-id="demoFont"] progress')
        return bar !== null && bar.value > start && bar.value < 100
      },
      first.demoFont ?? 0,
      { timeout: 20_000, polling: 100 },
    )
    await screenshot(page, 'dashboard.png')

    await page.waitForFunction(
      () => document.querySelector('#summary')?.textContent?.endsWith('All finished.'),
      null,
      {
        timeout: 25_000,
        polling: 200,
      },
    )
    // Every task finished; the failed one shows the figure the API reported (its failed URL is at 0).
    expect(await taskProgress(page)).toEqual({
      ...Object.fromEntries(DEMO_TASK_IDS.map((id) => [id, 100])),
      demoDocs: 75,
    })
    expect(await page.locator('tr[data-task-id="demoDocs"] .status').textContent()).toBe('Failed')
    expect(await page.locator('tr[data-task-id="demoHome"] .status').textContent()).toBe('Done')
    expect(await page.locator('#summary').textContent()).toBe(
      '5 prefetch tasks: 4 done, 1 failed. 18 of 18 URLs finished (1 failed). All finished.',
    )
    const failedUrl = page.locator('#url-rows tr', { hasText: 'removed-page.html' })
    expect(await failedUrl.locator('.status').textContent()).toBe('Failed')
    await screenshot(page, 'dashboard-done.png')

    // The API calls were answered inside the browser, by msw's service worker; the server was never asked.
    expect(apiResponses.length).toBeGreaterThan(0)
    expect(apiResponses.every((response) => response.fromServiceWorker())).toBe(true)
    expect(bffListings).toBe(0)
    expect(problems).toEqual([])
  })
})
