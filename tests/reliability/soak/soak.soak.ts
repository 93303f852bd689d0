// The soak: 10,000 calls at concurrency 50 from one UcdnClient (the default Node transport: undici keep-alive
// pool) to the standalone mock server in another process, 1% of requests hit by a transient fault. Proves: no
// call fails, memory settles (RSS growth after warm-up bounded, GC forced), no socket or handle is leaked.
// Run: pnpm --filter @scloud/reliability-tests test:soak (SOAK_CALLS, SOAK_CONCURRENCY to change the load).
import { type ChildProcess, fork } from 'node:child_process'
import { setTimeout as delay } from 'node:timers/promises'
import { UcdnClient, UcdnError } from '@scloud/ucdn'
import { DEMO_CREDENTIALS } from '@scloud/ucdn-mock'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { activeResources, leftAbove } from '../test/support/leaks.js'

const CALLS = Number(process.env.SOAK_CALLS ?? 10_000)
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 50)
const WARM_UP_CALLS = 1_000
const MAX_RSS_GROWTH_MB = 100
/** The default transport's sockets per origin (DEFAULT_CONNECTIONS in packages/ucdn/src/transport/undici-fetch.ts). */
const POOL_SIZE = 64
const MB = 1024 * 1024

interface ServerStats {
  readonly accepted: number
  readonly open: number
  readonly requests: number
}

let child: ChildProcess
let url: string

function ask(): Promise<ServerStats> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message as ServerStats))
    child.send('stats')
  })
}

beforeAll(async () => {
  child = fork(new URL('./mock-server-process.mjs', import.meta.url), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { url: string }).url))
    child.once('exit', (code) => reject(new Error(`the mock server process exited (${code})`)))
  })
})

afterAll(async () => {
  if (child.connected) child.send('stop')
  await new Promise((resolve) => child.once('exit', resolve))
})

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc
  if (collect === undefined) throw new Error('run with --expose-gc (vitest.soak.config.ts does)')
  for (let i = 0; i < 3; i++) collect()
}

const rss = () => process.memoryUsage().rss

/** The call made the i-th time: a mix of the parameter sets a real caller sends. */
function call(client: UcdnClient, i: number) {
  switch (i % 4) {
    case 0:
      return client.describePrefetchTasks({ taskIds: [`soak-${i % 40}`, `soak-${(i + 7) % 40}`] })
    case 1:
      return client.describePrefetchTasks({ status: 'success', limit: 10, offset: i % 30 })
    case 2:
      return client.describePrefetchTasks({ beginTime: Math.floor(Date.now() / 1000) - 7_200 })
    default:
      return client.describePrefetchTasks()
  }
}

/** Runs `count` calls, `concurrency` at a time; returns each call's latency (ms) and the errors. */
async function load(client: UcdnClient, count: number, concurrency: number, onTick?: () => void) {
  const latencies = new Float64Array(count)
  const errors: unknown[] = []
  let next = 0
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const started = performance.now()
      try {
        const page = await call(client, i)
        if (i % 4 === 0 && page.taskList.length !== 2)
          errors.push(new Error(`call ${i}: ${page.taskList.length} tasks`))
      } catch (error) {
        errors.push(error)
      }
      latencies[i] = performance.now() - started
      if (i % 250 === 0) onTick?.()
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return { latencies: latencies.sort(), errors }
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!

it(`${CALLS} calls at concurrency ${CONCURRENCY}: no failure, bounded memory, no leaked socket`, async () => {
  const handlesBefore = activeResources()
  const client = new UcdnClient({
    credentials: DEMO_CREDENTIALS,
    baseUrl: url,
    env: {},
    timeoutMs: 10_000,
    maxRetries: 3,
    retry: { baseDelayMs: 20, maxDelayMs: 200 },
  })

  gc()
  const rssBeforeWarmUp = rss()
  const warmUp = await load(client, WARM_UP_CALLS, CONCURRENCY)
  expect(warmUp.errors).toEqual([])
  gc()
  const rssStart = rss()
  let rssPeak = rssStart
  const sample = () => {
    rssPeak = Math.max(rssPeak, rss())
  }
  const sampler = setInterval(sample, 100)
  const before = await ask()

  const started = performance.now()
  const { latencies, errors } = await load(client, CALLS, CONCURRENCY, sample)
  const durationMs = performance.now() - started
  clearInterval(sampler)
  sample()
  const during = await ask()
  gc()
  const rssEnd = rss()

  await client.close()
  // The server notices each close a few event-loop turns later: poll (up to ~3 s), do not sleep blindly.
  let openAfterClose = (await ask()).open
  for (let i = 0; i < 300 && openAfterClose > 0; i++) {
    await delay(10)
    openAfterClose = (await ask()).open
  }
  const handlesLeft = await leftAbove(handlesBefore)

  const figures = {
    calls: CALLS,
    concurrency: CONCURRENCY,
    errors: errors.length,
    'requests at the server (retries included)': during.requests - before.requests,
    'duration (s)': (durationMs / 1000).toFixed(2),
    'req/s': Math.round(CALLS / (durationMs / 1000)),
    'latency p50 (ms)': percentile(latencies, 0.5).toFixed(2),
    'latency p99 (ms)': percentile(latencies, 0.99).toFixed(2),
    'latency max (ms)': latencies[latencies.length - 1]!.toFixed(2),
    'RSS before warm-up (MB)': (rssBeforeWarmUp / MB).toFixed(1),
    'RSS after warm-up (MB)': (rssStart / MB).toFixed(1),
    'RSS end, after GC (MB)': (rssEnd / MB).toFixed(1),
    'RSS peak (MB)': (rssPeak / MB).toFixed(1),
    'RSS growth (MB)': ((rssEnd - rssStart) / MB).toFixed(1),
    'server connections accepted (whole run)': during.accepted,
    'server connections open at the end, before close()': `${during.open} (pool size ${POOL_SIZE})`,
    'server connections open after close()': openAfterClose,
  }
  console.log(
    `\nSoak figures\n${Object.entries(figures)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join('\n')}\n`,
  )

  expect(errors.map((e) => (e instanceof UcdnError ? `${e.code}: ${e.message}` : String(e)))).toEqual([])
  expect(during.requests - before.requests).toBeGreaterThanOrEqual(CALLS)
  expect((rssEnd - rssStart) / MB).toBeLessThan(MAX_RSS_GROWTH_MB)
  // The SDK's undici pool holds at most POOL_SIZE sockets per origin; calls beyond that queue.
  expect(during.open, 'connections within the pool size').toBeLessThanOrEqual(POOL_SIZE)
  expect(openAfterClose).toBe(0)
  expect(handlesLeft).toEqual({})
})
