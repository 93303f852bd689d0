import type { TaskInfo } from '@scloud/ucdn'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type RunningBff, startBff } from '../../server/bff-server.js'
import type { CacheActions, RefreshTaskInfo } from '../../src/cache-actions.js'
import { hasChromium, launchChromium, screenshot, watchConsole } from './chromium.js'

// The submit form in real Chromium, in live mode: the browser's own Origin / Sec-Fetch-Site headers must pass
// the BFF's cross-site guard, and the access token must travel from the start-up address to every call. The
// SDK's cache actions are faked (src/cache-actions.ts is the seam): a submitted refresh shows up in the
// refresh listing and finishes on the next poll.
const TOKEN = 'e2e-access-token-0123456789'
const submitted: { urls: readonly string[]; type?: string | undefined }[] = []
let refreshTasks: RefreshTaskInfo[] = []
let polls = 0

const cache: CacheActions = {
  async prefetchUrls() {
    return { taskIds: ['pf-new'] }
  },
  async refreshUrls(urls, options) {
    submitted.push({ urls, type: options?.type })
    const now = Math.floor(Date.now() / 1000)
    refreshTasks = [
      {
        taskId: 'rf-new',
        type: options?.type ?? 'file',
        createTime: now,
        status: 'process',
        urlLists: urls.map((url) => ({ url, status: 'process', progress: 40 })),
      },
    ]
    return { taskIds: ['rf-new'] }
  },
  async *paginateRefreshTasks() {
    // The second listing after the submit sees the task finished.
    if (refreshTasks.length > 0 && ++polls > 1) {
      refreshTasks = refreshTasks.map((t) => ({
        ...t,
        status: 'success',
        urlLists: (t.urlLists ?? []).map((u) => ({ ...u, status: 'success', progress: 100 })),
      }))
    }
    yield { totalCount: refreshTasks.length, taskList: refreshTasks, requestId: 'r' }
  },
}
const ucdn = {
  async *paginatePrefetchTasks() {
    yield { totalCount: 0, taskList: [] as TaskInfo[], requestId: 'r' }
  },
}

let browser: Browser
let bff: RunningBff

beforeAll(async () => {
  if (!hasChromium) return
  browser = await launchChromium()
  bff = await startBff({
    ucdn,
    cache,
    token: TOKEN,
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

describe.skipIf(!hasChromium)('submitting in Chromium (live mode)', () => {
  it('submits a directory refresh through the guarded BFF and follows the new task until it is done', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } })
    const problems = watchConsole(page)
    await page.goto(`${bff.url}/?mode=live&token=${TOKEN}`)
    await expect.poll(() => new URL(page.url()).search, { timeout: 10_000 }).toBe('?mode=live')
    await page.waitForFunction(() =>
      document.querySelector('#summary')?.textContent?.startsWith('No prefetch'),
    )

    await page.getByLabel('Refresh (purge)').check()
    await page.getByLabel('Refresh type').selectOption('dir')
    await page.getByLabel('URLs, one per line').fill('https://cdn.example.com/img\nftp://cdn.example.com/x/')
    await page.getByRole('button', { name: 'Submit' }).click()
    expect(await page.locator('#submit-problem-list li').allTextContents()).toEqual([
      'Line 1: https://cdn.example.com/img — a directory refresh needs a URL ending in "/"',
      'Line 2: ftp://cdn.example.com/x/ — must start with http:// or https://',
    ])
    expect(submitted).toEqual([])

    await page.getByLabel('URLs, one per line').fill('https://cdn.example.com/img/')
    await page.getByRole('button', { name: 'Submit' }).click()
    await page.getByRole('link', { name: 'rf-new' }).first().waitFor({ timeout: 10_000 })
    expect(submitted).toEqual([{ urls: ['https://cdn.example.com/img/'], type: 'dir' }])
    expect(await page.locator('#submit-result').textContent()).toBe(
      'Submitted 1 URL for refresh: task rf-new. Progress is shown below.',
    )
    await page.waitForFunction(
      () => document.querySelector('#summary')?.textContent?.endsWith('All finished.'),
      null,
      {
        timeout: 15_000,
      },
    )
    expect(new URL(page.url()).search).toBe('?mode=live&tasks=refresh')
    expect(await page.locator('tr[data-task-id="rf-new"] .task-type').textContent()).toBe('dir')
    await screenshot(page, 'dashboard-submit-390.png')
    expect(problems).toEqual([])
  })
})
