import { UcdnClient } from '@scloud/ucdn'
import {
  createDemoBackend,
  createManualClock,
  createUcdnHandlers,
  DEMO_CREDENTIALS,
  DEMO_DOMAIN,
} from '@scloud/ucdn-mock'
import { http, passthrough } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningBff, startBff } from '../../server/bff-server.js'
import { cacheActionsOf } from '../../src/cache-actions.js'

// The BFF's submits and refresh listing with the real SDK (src/cache-actions.ts wired to UcdnClient), answered
// by @scloud/ucdn-mock's handlers over its demo backend (the demo domain, quotas, pacing) through msw.
const T0 = Date.UTC(2026, 0, 1)
const clock = createManualClock(T0)
const backend = createDemoBackend(clock)
const api = setupServer(
  http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()),
  ...createUcdnHandlers({ backend, keyPairs: [DEMO_CREDENTIALS] }),
)
const HOST = `https://${DEMO_DOMAIN.host}`
// The mock paces submits 10 s apart per project: each test starts past the previous one's.
const nextSubmitSlot = () => clock.advance(11_000)

const apiActions: string[] = []
let bff: RunningBff
beforeAll(async () => {
  api.listen({ onUnhandledRequest: 'error' })
  api.events.on('request:start', async ({ request }) => {
    if (!request.url.startsWith('https://api.scloudsg.com')) return
    const body = await request.clone().text()
    apiActions.push(new URLSearchParams(body).get('Action') ?? request.url)
  })
  const ucdn = new UcdnClient({
    credentials: DEMO_CREDENTIALS,
    baseUrl: 'https://api.scloudsg.com',
    maxRetries: 0,
  })
  bff = await startBff({
    ucdn,
    cache: cacheActionsOf(ucdn),
    port: 0,
    host: '127.0.0.1',
    logger: { error() {} },
    now: () => clock.now(),
  })
})
afterAll(async () => {
  await bff.close()
  api.close()
})

/** The submit endpoints' answer: task ids, or an error. */
type SubmitAnswer = {
  readonly taskIds: readonly string[]
  readonly error?: { readonly code: string; readonly retCode?: number }
}
const post = async (path: string, body: unknown) => {
  const response = await fetch(`${bff.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: bff.url },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as SubmitAnswer }
}
const list = async (path: string) => {
  const now = Math.floor(clock.now() / 1000)
  const response = await fetch(`${bff.url}${path}?since=${now - 3_600}&until=${now + 60}`)
  return (await response.json()) as { tasks: { taskId: string; status: string; type?: string }[] }
}

describe('submits through the BFF, the SDK and the mock', () => {
  it('prefetches demo-domain URLs; the new task is listed and finishes on the mock’s clock', async () => {
    nextSubmitSlot()
    const answer = await post('/api/prefetch', { urls: [`${HOST}/new/a.js`, `${HOST}/new/b.css`] })
    expect(answer.status).toBe(200)
    const [taskId] = answer.body.taskIds
    expect(typeof taskId).toBe('string')
    expect((await list('/api/prefetch-tasks')).tasks.find((t) => t.taskId === taskId)?.status).not.toBe(
      'success',
    )
    clock.advance(16_000)
    expect((await list('/api/prefetch-tasks')).tasks.find((t) => t.taskId === taskId)?.status).toBe('success')
  })

  it('refreshes a directory; the refresh listing carries its type', async () => {
    nextSubmitSlot()
    const answer = await post('/api/refresh', { urls: [`${HOST}/img/`], type: 'dir' })
    expect(answer.status).toBe(200)
    const [taskId] = answer.body.taskIds
    const listed = (await list('/api/refresh-tasks')).tasks.find((t) => t.taskId === taskId)
    expect(listed?.type).toBe('dir')
  })

  it('passes on the API’s refusal of a URL outside the account’s domains (RetCode 1201)', async () => {
    nextSubmitSlot()
    const answer = await post('/api/prefetch', { urls: ['https://not-ours.example/a.js'] })
    expect(answer.status).toBe(502)
    expect(answer.body.error).toMatchObject({ retCode: 1201 })
  })

  it('passes on the pacing refusal of a second submit within 10 s (RetCode 1204); the first one stands', async () => {
    nextSubmitSlot()
    const first = await post('/api/prefetch', { urls: [`${HOST}/paced/1.js`] })
    expect(first.status).toBe(200)
    const second = await post('/api/prefetch', { urls: [`${HOST}/paced/2.js`] })
    expect(second.body.error).toMatchObject({ retCode: 1204 })
    const listed = (await list('/api/prefetch-tasks')).tasks.map((t) => t.taskId)
    expect(listed).toContain(first.body.taskIds[0])
  })

  it('refuses bad URLs itself: nothing reaches the API', async () => {
    nextSubmitSlot()
    apiActions.length = 0
    const answer = await post('/api/refresh', { urls: [`${HOST}/img`], type: 'dir' })
    expect(answer.status).toBe(400)
    expect(apiActions).toEqual([])
  })
})
