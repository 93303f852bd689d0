// Debian's Chromium driven by playwright-core: no browser download (none can be fetched here), no sandbox
// (tests run as root), and no background traffic (this machine refuses outside connections).
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Whether the end-to-end tests can run. CI must run them (.ci/run installs Chromium): there a missing browser
 * fails the suite; on a laptop without one they are skipped, loudly.
 */
export const hasChromium = existsSync(CHROMIUM_PATH)
if (!hasChromium) {
  const missing = `No Chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH`
  if (process.env.CI) throw new Error(`${missing}; CI must run the browser tests.`)
  console.warn(`${missing}; skipping the browser tests (CI runs them).`)
}

/** Where screenshots go: apps/prefetch-dashboard/test-results/ (git-ignored). */
export const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url))

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    )
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Collects what the page complains about, so a test can show it when it fails. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  return problems
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true })
  const path = `${RESULTS_DIR}${name}`
  await page.screenshot({ path, fullPage: true })
  return path
}

/** The value of each task's progress bar, by task id. */
export async function taskProgress(page: Page): Promise<Record<string, number>> {
  return page.$$eval('#task-rows tr[data-task-id]', (rows) =>
    Object.fromEntries(
      rows.map((row) => [
        (row as HTMLElement).dataset.taskId ?? '',
        (row.querySelector('progress') as HTMLProgressElement).value,
      ]),
    ),
  )
}
