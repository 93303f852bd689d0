import { describe, expect, it } from 'vitest'
import { hasChromium, watchConsole } from './chromium.js'
import { useDemoPage } from './demo-page.js'

// Demo mode end to end: the form's submits go through @scloud/ucdn in the page to the mock's demo backend in
// msw's service worker (the demo domain cdn.example.com), and the new tasks are followed until they finish.

const demo = useDemoPage()

const allFinished = () => document.querySelector('#summary')?.textContent?.endsWith('All finished.')

describe.skipIf(!hasChromium)('submitting in demo mode', () => {
  it('prefetches and refreshes demo-domain URLs and follows the new tasks until done', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1280, height: 900 } })
    const problems = watchConsole(page)
    await page.goto(`${demo.url}/?mode=demo&speed=10`)
    await page.waitForFunction(allFinished, null, { timeout: 30_000, polling: 200 })

    await page
      .getByLabel('URLs, one per line')
      .fill('https://cdn.example.com/new/app.js\nhttps://cdn.example.com/new/app.css')
    await page.getByRole('button', { name: 'Submit' }).click()
    await page.locator('#submit-result a').first().waitFor({ timeout: 10_000 })
    const prefetchId = await page.locator('#submit-result a').first().textContent()
    await page.locator(`tr[data-task-id="${prefetchId}"]`).waitFor({ timeout: 10_000 })
    await page.waitForFunction(allFinished, null, { timeout: 30_000, polling: 200 })
    expect(await page.locator(`tr[data-task-id="${prefetchId}"] .status`).textContent()).toBe('Done')

    await page.waitForTimeout(1_500) // the mock paces submits 10 s apart on its clock (1 s at 10×)
    await page.getByLabel('Refresh (purge)').check()
    await page.getByLabel('Refresh type').selectOption('dir')
    await page.getByLabel('URLs, one per line').fill('https://cdn.example.com/img/')
    await page.getByRole('button', { name: 'Submit' }).click()
    await page.waitForFunction(() => new URLSearchParams(location.search).get('tasks') === 'refresh', null, {
      timeout: 10_000,
    })
    const refreshId = await page.locator('#submit-result a').first().textContent()
    await page.locator(`tr[data-task-id="${refreshId}"]`).waitFor({ timeout: 10_000 })
    expect(await page.locator(`tr[data-task-id="${refreshId}"] .task-type`).textContent()).toBe('dir')
    await page.waitForFunction(allFinished, null, { timeout: 30_000, polling: 200 })
    expect(problems).toEqual([])
  })
})
