import type { Response } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium, screenshot, taskProgress, watchConsole } from './chromium.js'
import { useDemoPage } from './demo-page.js'

// Demo mode in real Chromium: @scloud/ucdn signs and sends requests in the page, msw's service worker answers
// them with @scloud/ucdn-mock's handlers and demo backend. ?speed=2 runs the demo's ~28 s in 14 s (the
// same code, a faster clock).
const DEMO_TASK_IDS = ['demoDocs', 'demoFont', 'demoHome', 'demoImgs', 'demoVids']

const demo = useDemoPage()

describe.skipIf(!hasChromium)('demo mode in Chromium', () => {
  it('lists the demo tasks, moves their progress bars to done and shows a task’s URLs', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1280, height: 1000 } })
    const problems = watchConsole(page)
    const apiResponses: Response[] = []
    page.on('response', (response) => {
      if (response.url().startsWith('https://api.scloudsg.com/')) apiResponses.push(response)
    })

    await page.goto(`${demo.url}/?mode=demo&speed=2`)
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
    expect(demo.serverListings).toBe(0)
    expect(problems).toEqual([])
  })
})
