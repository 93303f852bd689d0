import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UcdnClient } from '@scloud/ucdn'
import {
  createDemoBackend,
  createFaultInjector,
  createManualClock,
  createUcdnHandlers,
  DEMO_CREDENTIALS,
  DEMO_SETTLE_MS,
} from '@scloud/ucdn-mock'
import { http, passthrough } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type RunningBff, startBff } from '../../server/bff-server.js'

// The BFF over real HTTP, its SDK calls answered by @scloud/ucdn-mock's msw handlers. Requests to the BFF
// itself (127.0.0.1) pass through msw untouched; any other request msw does not know fails the test.
const T0 = Date.UTC(2026, 0, 1)
const T0_S = T0 / 1000
const clock = createManualClock(T0)
const faults = createFaultInjector({ sleep: () => Promise.resolve() })
let backend = createDemoBackend(clock)
const apiRequests: string[] = []

const api = setupServer(
  http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()),
  ...createUcdnHandlers({
    backend: { DescribeNewUcdnPrefetchCacheTask: (r) => backend.DescribeNewUcdnPrefetchCacheTask(r) },
    faults,
  }),
)

const errors: unknown[] = []
const logger = { error: (message: string, details?: unknown) => errors.push({ message, details }) }
const newClient = (credentials = DEMO_CREDENTIALS) =>
  new UcdnClient({ credentials, baseUrl: 'https://api.scloudsg.com', maxRetries: 0, timeoutMs: 2_000 })

let bff: RunningBff
let staticDir: string

beforeAll(async () => {
  api.listen({ onUnhandledRequest: 'error' })
  api.events.on('request:start', ({ request }) => {
    if (request.url.startsWith('https://api.scloudsg.com')) apiRequests.push(request.url)
  })
  staticDir = await mkdtemp(join(tmpdir(), 'bff-static-'))
  await mkdir(join(staticDir, 'assets'))
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>page</title>')
  await writeFile(join(staticDir, 'assets', 'app-123.js'), 'console.log(1)')
  await writeFile(join(staticDir, '.env'), 'SECRET=1')
  bff = await startBff({
    ucdn: newClient(),
    staticDir,
    logger,
    port: 0,
    host: '127.0.0.1',
    now: () => clock.now(),
  })
})

beforeEach(() => {
  clock.set(T0)
  backend = createDemoBackend(clock)
  apiRequests.length = 0
  errors.length = 0
  faults.clear()
})

afterEach(() => api.resetHandlers())

afterAll(async () => {
  await bff.close()
  api.close()
  await rm(staticDir, { recursive: true, force: true })
})

/** The endpoint's answers, loosely: a listing or an error. */
type ApiBody = {
  readonly tasks: readonly { readonly taskId: string }[]
  readonly summary: Record<string, unknown>
  readonly totalCount: number
  readonly error: { readonly code: string; readonly message: string } & Record<string, unknown>
}

const get = (path: string, init?: RequestInit) => fetch(`${bff.url}${path}`, { redirect: 'manual', ...init })
const getJson = async (path: string) => {
  const response = await get(path)
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as ApiBody,
  }
}

/** A BFF on the same msw API, with another client (other keys, other options). */
async function withBff(ucdn: UcdnClient, run: (url: string) => Promise<void>): Promise<void> {
  const other = await startBff({ ucdn, logger, port: 0, host: '127.0.0.1', now: () => clock.now() })
  try {
    await run(other.url)
  } finally {
    await other.close()
  }
}

describe('GET /api/prefetch-tasks', () => {
  it('answers the window’s tasks and their summary, uncached', async () => {
    clock.advance(5_000)
    const { status, headers, body } = await getJson(
      `/api/prefetch-tasks?since=${T0_S - 3_600}&until=${T0_S + 5}`,
    )
    expect(status).toBe(200)
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(headers.get('cache-control')).toBe('no-store')
    expect(Object.keys(body).sort()).toEqual(['summary', 'tasks', 'totalCount'])
    expect(body.totalCount).toBe(5)
    expect(body.tasks.map((t) => t.taskId).sort()).toEqual([
      'demoDocs',
      'demoFont',
      'demoHome',
      'demoImgs',
      'demoVids',
    ])
    expect(body.tasks[0]).toEqual(
      expect.objectContaining({
        taskId: expect.any(String),
        createTime: expect.any(Number),
        urlLists: expect.any(Array),
      }),
    )
    expect(body.summary).toMatchObject({ tasks: { total: 5 }, urls: { total: 18 }, done: false })
  })

  it('passes the status filter to the API', async () => {
    clock.advance(DEMO_SETTLE_MS)
    const { status, body } = await getJson(`/api/prefetch-tasks?status=failure&since=${T0_S - 60}`)
    expect(status).toBe(200)
    expect(body.tasks.map((t) => t.taskId)).toEqual(['demoDocs'])
    expect(body.summary).toMatchObject({ tasks: { total: 1 }, failedUrls: [{ taskId: 'demoDocs' }] })
  })

  it('answers an empty listing for a window without tasks', async () => {
    const { status, body } = await getJson(`/api/prefetch-tasks?since=${T0_S - 7_200}&until=${T0_S - 3_600}`)
    expect(status).toBe(200)
    expect(body).toMatchObject({ tasks: [], summary: { tasks: { total: 0 }, done: true } })
  })

  it.each([
    ['status=done', /status must be one of/],
    ['since=yesterday', /since must be a Unix time/],
    ['since=20&until=10', /since must be before until/],
    ['limit=5', /Unknown query parameter "limit"/],
  ])('refuses ?%s with 400 and a sentence, without calling the API', async (query, message) => {
    const { status, body } = await getJson(`/api/prefetch-tasks?${query}`)
    expect(status).toBe(400)
    expect(body).toEqual({ error: { code: 'INVALID_QUERY', message: expect.stringMatching(message) } })
    expect(apiRequests).toEqual([])
  })

  it('never forwards a key or a signature, even when the API refuses the signature', async () => {
    const stranger = { publicKey: 'not-a-known-public-key', privateKey: 'stranger-private-key-1234' }
    await withBff(newClient(stranger), async (url) => {
      const response = await fetch(`${url}/api/prefetch-tasks`)
      const text = await response.text()
      expect(response.status).toBe(502)
      expect(JSON.parse(text)).toEqual({
        error: expect.objectContaining({
          code: 'API_ERROR',
          retCode: 172,
          retryable: false,
          requestId: expect.any(String),
        }),
      })
      expect(text).not.toContain(stranger.privateKey)
      expect(text).not.toContain(stranger.publicKey)
      expect(text).not.toMatch(/signature=/i)
    })
    const ok = await (await get('/api/prefetch-tasks')).text()
    expect(ok).not.toContain(DEMO_CREDENTIALS.privateKey)
    expect(ok).not.toContain(DEMO_CREDENTIALS.publicKey)
    expect(ok).not.toMatch(/signature/i)
  })

  it('maps a retryable API error to 503', async () => {
    faults.add({ kind: 'retCode', retCode: 153, message: 'Rate limited' })
    const { status, body } = await getJson('/api/prefetch-tasks')
    expect(status).toBe(503)
    expect(body.error).toMatchObject({ code: 'API_ERROR', retCode: 153, retryable: true })
  })

  it('maps throttling with Retry-After to 503 with Retry-After', async () => {
    faults.add({ kind: 'http', status: 429, retryAfter: 7 })
    const { status, headers, body } = await getJson('/api/prefetch-tasks')
    expect(status).toBe(503)
    expect(headers.get('retry-after')).toBe('7')
    expect(body.error).toMatchObject({ code: 'HTTP_ERROR', upstreamStatus: 429 })
  })

  it.each([
    ['a gateway failure', { kind: 'http', status: 502 }, 'HTTP_ERROR', 503],
    ['an internal server error', { kind: 'http', status: 500 }, 'HTTP_ERROR', 502],
    ['a lost connection', { kind: 'connectionReset' }, 'NETWORK_ERROR', 503],
    ['a broken answer', { kind: 'malformedJson' }, 'INVALID_RESPONSE', 502],
    ['a refused signature', { kind: 'retCode', retCode: 171 }, 'API_ERROR', 502],
  ] as const)(
    'maps %s to %s → %i (503 exactly when trying again can help)',
    async (_, fault, code, status) => {
      faults.add(fault)
      const answer = await getJson('/api/prefetch-tasks')
      expect(answer.body.error.code).toBe(code)
      expect(answer.status).toBe(status)
      expect(answer.body.error.retryable).toBe(status === 503)
    },
  )

  it('maps a timeout to 504', async () => {
    const slow = createFaultInjector() // real sleeping: the client's 50 ms timeout must trip
    api.use(...createUcdnHandlers({ backend, faults: slow }))
    slow.add({ kind: 'latency', ms: 500 })
    await withBff(
      new UcdnClient({
        credentials: DEMO_CREDENTIALS,
        baseUrl: 'https://api.scloudsg.com',
        maxRetries: 0,
        timeoutMs: 50,
      }),
      async (url) => {
        const response = await fetch(`${url}/api/prefetch-tasks`)
        expect(response.status).toBe(504)
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('TIMEOUT')
      },
    )
  })

  it('answers 500 without details when the server has no credentials, and logs why', async () => {
    const noCredentials = () =>
      Promise.reject(
        Object.assign(new Error('No credentials in UCLOUD_PRIVATE_KEY or /root/.ucloud'), {
          name: 'CredentialsError',
        }),
      )
    await withBff(
      new UcdnClient({ credentials: noCredentials, baseUrl: 'https://api.scloudsg.com', maxRetries: 0 }),
      async (url) => {
        const response = await fetch(`${url}/api/prefetch-tasks`)
        const body = await response.text()
        expect(response.status).toBe(500)
        expect(JSON.parse(body).error.code).toBe('SERVER_MISCONFIGURED')
        expect(body).not.toContain('/root/.ucloud')
      },
    )
    expect(errors).toHaveLength(1)
  })
})

describe('the rest of the BFF', () => {
  it('answers unknown API paths and other methods in JSON', async () => {
    expect(await getJson('/api/tasks')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } })
    const post = await get('/api/prefetch-tasks', { method: 'POST' })
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET')
  })

  it('sends / to the page in live mode and serves the built files with security headers', async () => {
    const root = await get('/')
    expect(root.status).toBe(302)
    expect(root.headers.get('location')).toBe('/?mode=live')
    const page = await get('/?mode=live')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    const asset = await get('/assets/app-123.js')
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect(await asset.text()).toBe('console.log(1)')
  })

  it('serves nothing outside the build, no dot-files and no unknown paths', async () => {
    for (const path of ['/%2e%2e/package.json', '/..%2fpackage.json', '/.env', '/missing.js', '/assets/']) {
      expect((await get(path)).status, path).toBe(404)
    }
  })

  it('bound to loopback, answers only requests addressed to loopback (no DNS rebinding)', async () => {
    const guarded = await startBff({
      ucdn: newClient(),
      logger,
      port: 0,
      host: '127.0.0.1',
      hosts: 'loopback',
    })
    const statusFor = (host: string) =>
      new Promise<number | undefined>((resolve, reject) => {
        request(`${guarded.url}/api/prefetch-tasks`, { headers: { Host: host } }, (res) => {
          res.resume()
          resolve(res.statusCode)
        })
          .on('error', reject)
          .end()
      })
    try {
      expect(await statusFor('rebound.example:80')).toBe(421)
      expect(await statusFor(new URL(guarded.url).host)).toBe(200)
      expect(await statusFor(`localhost:${new URL(guarded.url).port}`)).toBe(200)
    } finally {
      await guarded.close()
    }
  })
})
