import axe from 'axe-core'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium, screenshot, watchConsole } from './chromium.js'
import { useDemoPage } from './demo-page.js'

// How the finished demo looks to people: no sideways scrolling down to 360 px, URLs broken at "/" and ".",
// WCAG AA (axe-core, injected into the page) in both colour schemes, failure in red and in words. The
// screenshots (1280 and 390 px, light and dark) are saved to test-results/ for a person to look at.
const WIDTHS = [1280, 768, 390, 360] as const
const SCHEMES = ['light', 'dark'] as const
const SCREENSHOT_WIDTHS: readonly number[] = [1280, 768, 390]

const demo = useDemoPage()

/** axe-core's WCAG 2.x A and AA rules, run in the page; returns the violations, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  // evaluate() is not subject to the page's CSP, which forbids inline scripts.
  await page.evaluate(axe.source)
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    })
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`),
    )
  })
}

/** Each line break inside a URL cell, as the character it follows: only "/", ".", "-" and the like are sensible. */
function urlBreaks(page: Page): Promise<string[]> {
  return page.$$eval('#url-rows th.url', (cells) =>
    cells.flatMap((cell) => {
      const breaks: string[] = []
      let lastTop: number | undefined
      let lastChar = ''
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = node.textContent ?? ''
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange()
          range.setStart(node, i)
          range.setEnd(node, i + 1)
          const top = range.getClientRects()[0]?.top
          if (top !== undefined && lastTop !== undefined && top > lastTop + 2) breaks.push(lastChar)
          if (top !== undefined) lastTop = top
          lastChar = text[i] ?? ''
        }
      }
      return breaks
    }),
  )
}

describe.skipIf(!hasChromium)('layout and accessibility in Chromium', () => {
  it('fits 360–1280 px without sideways scrolling, passes axe in both schemes and shows failure as failure', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1280, height: 900 } })
    const problems = watchConsole(page)
    await page.goto(`${demo.url}/?mode=demo&speed=10#task=demoDocs`)
    await page.waitForFunction(
      () => document.querySelector('#summary')?.textContent?.endsWith('All finished.'),
      null,
      {
        timeout: 30_000,
        polling: 200,
      },
    )
    await page.locator('#url-rows tr').nth(3).waitFor()

    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme })
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 })
        const where = `${width} px, ${scheme}`
        const overflow = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
        }))
        expect(overflow.scrollWidth, where).toBeLessThanOrEqual(overflow.viewport)
        expect(await axeViolations(page), where).toEqual([])
        for (const after of await urlBreaks(page))
          expect('/.-_?&=', `${where}: a URL broke after "${after}"`).toContain(after)
        if (SCREENSHOT_WIDTHS.includes(width)) await screenshot(page, `dashboard-${width}-${scheme}.png`)
      }
      // The failed task's bar is red, not the done tasks' colour; its words and ✗ are there without colour.
      const failedRow = page.locator('tr[data-task-id="demoDocs"]')
      const barColour = (row: string) =>
        page.locator(`${row} progress`).evaluate((bar) => getComputedStyle(bar).color)
      expect(await barColour('tr[data-task-id="demoDocs"]')).not.toBe(
        await barColour('tr[data-task-id="demoHome"]'),
      )
      expect(await failedRow.locator('.status-cell').textContent()).toBe('✗Failed')
      expect(await failedRow.locator('.task-type').isVisible(), 'prefetch tasks have no type column').toBe(
        false,
      )
      expect(await failedRow.locator('progress').evaluate((bar: HTMLProgressElement) => bar.value)).toBe(75)
      const failedUrl = page.locator('#url-rows tr', { hasText: 'removed-page.html' })
      expect(await failedUrl.locator('.status-cell').textContent()).toBe('✗Failed')
      expect(await failedUrl.locator('progress').evaluate((bar: HTMLProgressElement) => bar.value)).toBe(0)
    }
    expect(problems).toEqual([])
  })

  it('stops polling once all is finished, resumes on Refresh, and keeps the filters in the address', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1280, height: 900 } })
    const problems = watchConsole(page)
    let apiCalls = 0
    page.on('request', (request) => {
      if (request.url().startsWith('https://api.scloudsg.com/')) apiCalls++
    })
    await page.goto(`${demo.url}/?mode=demo&speed=10`)
    await page.waitForFunction(
      () => document.querySelector('#summary')?.textContent?.endsWith('All finished.'),
      null,
      {
        timeout: 30_000,
        polling: 200,
      },
    )
    // The summary is not a live region; the polite announcer said that all finished (once, on the change).
    expect(
      await page
        .locator('#summary')
        .evaluate((node) => [node.getAttribute('role'), node.getAttribute('aria-live')]),
    ).toEqual([null, null])
    expect(await page.locator('#announcer').getAttribute('aria-live')).toBe('polite')
    await expect
      .poll(() => page.locator('#announcer').textContent(), { timeout: 5_000 })
      .toMatch(/All finished\./)
    const settled = apiCalls
    await page.waitForTimeout(3_500) // two poll intervals
    expect(apiCalls, 'no polling once every task shown has finished').toBe(settled)
    expect(await page.locator('#updated').textContent()).toMatch(/updates are paused/)
    await page.getByRole('button', { name: 'Refresh' }).click()
    await expect.poll(() => apiCalls, { timeout: 10_000 }).toBeGreaterThan(settled)

    await page.locator('#status-filter').selectOption('failure')
    await page.locator('#window-filter').selectOption('1h')
    await expect
      .poll(() => new URL(page.url()).search, { timeout: 5_000 })
      .toBe('?mode=demo&speed=10&status=failure&window=1h')
    await page.reload()
    // Nothing has failed yet in the restarted demo: an empty view has nothing to watch, so it pauses too.
    await page.waitForFunction(
      () => document.querySelector('#updated')?.textContent?.includes('paused'),
      null,
      {
        timeout: 20_000,
        polling: 100,
      },
    )
    expect(await page.locator('#status-filter').inputValue()).toBe('failure')
    expect(await page.locator('#window-filter').inputValue()).toBe('1h')
    await page.waitForTimeout(2_000) // the demo's failing URL fails 1.3 s after the start at 10× speed
    await page.getByRole('button', { name: 'Refresh' }).click()
    await page.locator('tr[data-task-id="demoDocs"]').waitFor({ timeout: 10_000 })
    expect(await page.locator('#task-rows tr[data-task-id]').count()).toBe(1)
    expect(problems).toEqual([])
  })
})
