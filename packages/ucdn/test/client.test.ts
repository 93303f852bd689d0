// UcdnClient end to end over real sockets (the undici transport) against a local node:http server.

import { getEventListeners } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { verifySignature } from '@scloud/signer'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { UcdnClient, type UcdnClientOptions, UcdnError } from '../src/index.js'
import { createFakeTime } from './helpers/fake-time.js'
import {
  type Handler,
  hang,
  json,
  type LocalServer,
  reset,
  startLocalServer,
} from './helpers/local-server.js'

const CREDENTIALS = { publicKey: 'test-public-key', privateKey: 'test-private-key-very-secret' }
const OK = { RetCode: 0, Action: 'DescribeNewUcdnPrefetchCacheTaskResponse', TotalCount: 0, TaskList: [] }
const oneTask = {
  ...OK,
  TotalCount: 1,
  TaskList: [
    {
      TaskId: 'task-1',
      CreateTime: 1_780_000_000,
      Status: 'process',
      UrlLists: [
        {
          Url: 'https://cdn.example/a.js',
          CreateTime: 1_780_000_000,
          FinishTime: 0,
          Status: 'process',
          Progress: 40,
        },
      ],
    },
  ],
}

let server: LocalServer
const clients: UcdnClient[] = []
beforeAll(async () => {
  server = await startLocalServer(json(OK, 200, { 'x-ucloud-request-uuid': 'req-ok' }))
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()))
  server.reset()
})
afterAll(() => server.close())

function client(options: UcdnClientOptions = {}) {
  const created = new UcdnClient({
    credentials: CREDENTIALS,
    baseUrl: server.url,
    env: {},
    sleep: async () => {},
    ...options,
  })
  clients.push(created)
  return created
}

const formOf = (body: string) => Object.fromEntries(new URLSearchParams(body))
/** Waits (on real I/O, briefly) until the server has seen `n` requests. */
async function requestsSeen(n: number) {
  for (let i = 0; i < 500 && server.requests.length < n; i++) await new Promise((r) => setTimeout(r, 2))
  expect(server.requests.length).toBeGreaterThanOrEqual(n)
}

describe('describePrefetchTasks over the wire', () => {
  it('POSTs a signed form to <baseUrl>/ and returns a typed page with the request id', async () => {
    server.enqueue(json(oneTask, 200, { 'X-UCLOUD-REQUEST-UUID': 'req-123' }))
    const page = await client({ projectId: 'org-1' }).describePrefetchTasks({
      taskIds: ['task-1', 'task-2'],
      offset: 0,
      limit: 10,
    })
    expect(page).toEqual({
      totalCount: 1,
      requestId: 'req-123',
      taskList: [
        {
          taskId: 'task-1',
          createTime: 1_780_000_000,
          status: 'process',
          urlLists: [
            {
              url: 'https://cdn.example/a.js',
              createTime: 1_780_000_000,
              finishTime: 0,
              status: 'process',
              progress: 40,
            },
          ],
        },
      ],
    })
    const [request] = server.requests
    expect(request).toMatchObject({ method: 'POST', url: '/' })
    expect(request?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/)
    const form = formOf(request?.body ?? '')
    expect(form).toMatchObject({
      Action: 'DescribeNewUcdnPrefetchCacheTask',
      ProjectId: 'org-1',
      'TaskId.0': 'task-1',
      'TaskId.1': 'task-2',
      Offset: '0',
      Limit: '10',
      PublicKey: CREDENTIALS.publicKey,
    })
    expect(verifySignature(form, CREDENTIALS.privateKey)).toBe(true)
  })

  it("sends the call's projectId over the client's", async () => {
    await client({ projectId: 'org-default' }).describePrefetchTasks({ projectId: 'org-mine' })
    expect(formOf(server.requests[0]?.body ?? '').ProjectId).toBe('org-mine')
  })

  it('reads baseUrl and projectId from the environment', async () => {
    await client({
      baseUrl: undefined,
      env: { UCLOUD_API_BASE_URL: server.url, UCLOUD_PROJECT_ID: 'org-env' },
    }).describePrefetchTasks()
    expect(formOf(server.requests[0]?.body ?? '').ProjectId).toBe('org-env')
  })

  it('sends a User-Agent naming the SDK, the runtime, Product/UCDN and the custom suffix', async () => {
    await client({ userAgent: 'team-x/2.0' }).describePrefetchTasks()
    expect(server.requests[0]?.headers['user-agent']).toMatch(
      new RegExp(
        `^@scloud/ucdn/\\d+\\.\\d+\\.\\d+ \\(node/${process.version.replaceAll('.', '\\.')}; ${process.platform}\\) Product/UCDN team-x/2\\.0$`,
      ),
    )
  })

  it('rejects bad input with INVALID_INPUT and sends nothing', async () => {
    const error = await client()
      .describePrefetchTasks({ taskIds: ['ok', ''] })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UcdnError)
    expect(error).toMatchObject({ code: 'INVALID_INPUT', retryable: false })
    expect((error as Error).message).toContain('taskIds[1] must be a non-empty string')
    expect(server.requests).toHaveLength(0)
  })

  it('serves the reference example verbatim as a typed page: unknown statuses kept, Test ignored', async () => {
    const { REFERENCE_RESPONSE_EXAMPLE } = await import('@scloud/ucdn-mock')
    server.enqueue(json(REFERENCE_RESPONSE_EXAMPLE))
    const page = await client().describePrefetchTasks()
    expect(page.totalCount).toBe(4)
    expect(page.taskList).toHaveLength(7)
    expect(page.taskList[0]).toMatchObject({ taskId: 'mEuMcQSL', status: 'ySoPLGgE', createTime: 4 })
    expect(page.taskList[0]?.urlLists?.[0]).toEqual({
      url: 'xChNHhYo',
      createTime: 6,
      finishTime: 1,
      progress: 3,
      status: 'pmUWBVxw',
    })
    expect(page).not.toHaveProperty('test')
    expect(JSON.stringify(page)).not.toContain('ryEuYMgQ')
  })

  it('accepts RetCode as a numeric string', async () => {
    server.enqueue(json({ ...oneTask, RetCode: '0' }))
    expect((await client().describePrefetchTasks()).taskList).toHaveLength(1)
  })
})

describe('retries', () => {
  it('retries HTTP 503 and succeeds, signing every attempt afresh (a rotated key is used)', async () => {
    server.enqueue(json('unavailable', 503))
    const keys = [CREDENTIALS, { publicKey: 'rotated-public', privateKey: 'rotated-private' }]
    let calls = 0
    const provider = async () => keys[Math.min(calls++, 1)] ?? CREDENTIALS
    const page = await client({ credentials: provider }).describePrefetchTasks()
    expect(page.requestId).toBe('req-ok')
    expect(server.requests).toHaveLength(2)
    const [first, second] = server.requests.map((r) => formOf(r.body))
    expect(first?.PublicKey).toBe(CREDENTIALS.publicKey)
    expect(second?.PublicKey).toBe('rotated-public')
    expect(verifySignature(second ?? {}, 'rotated-private')).toBe(true)
  })

  it('makes exactly maxRetries + 1 attempts on a persistent retryable error', async () => {
    server.enqueue(...Array.from({ length: 4 }, () => json({ RetCode: 150, Action: 'X', Message: 'busy' })))
    const error = await client({ maxRetries: 3 })
      .describePrefetchTasks()
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'API_ERROR', retCode: 150, attempts: 4, retryable: true })
    expect(server.requests).toHaveLength(4)
  })

  it.each([
    [
      'RetCode 171 (signature)',
      json({ RetCode: 171, Action: 'X', Message: 'Signature VerifyAC Error' }),
      'API_ERROR',
    ],
    [
      'RetCode 230 (action-specific)',
      json({ RetCode: 230, Action: 'X', Message: 'Params not valid' }),
      'API_ERROR',
    ],
    ['HTTP 400', json('bad', 400), 'HTTP_ERROR'],
    ['HTTP 503 carrying RetCode 172', json({ RetCode: 172, Message: 'no such user' }, 503), 'HTTP_ERROR'],
    ['invalid JSON', json('{"RetCode": 0,'), 'INVALID_RESPONSE'],
  ])('makes one attempt on a permanent error: %s', async (_, handler, code) => {
    server.enqueue(handler)
    const error = await client()
      .describePrefetchTasks()
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code, attempts: 1, retryable: false })
    expect(server.requests).toHaveLength(1)
  })

  it.each([
    [429, 'Retry-After seconds', '3', 3000],
    [503, 'an HTTP-date', new Date(1_800_000_007_000).toUTCString(), 7000],
    [429, 'a Retry-After over the cap', '3600', 60_000],
  ])('honours HTTP %i with %s', async (status, _, retryAfter, expected) => {
    const time = createFakeTime(1_800_000_000_000)
    const delays: number[] = []
    server.enqueue(json('slow down', status, { 'Retry-After': retryAfter }))
    await client({ clock: time.clock, sleep: async (ms) => void delays.push(ms) }).describePrefetchTasks()
    expect(delays).toEqual([expected])
  })

  it('backs off with full jitter when there is no Retry-After', async () => {
    const delays: number[] = []
    server.enqueue(json('a', 502), json('b', 504), json('c', 503))
    await client({
      maxRetries: 3,
      random: () => 0.5,
      sleep: async (ms) => void delays.push(ms),
    }).describePrefetchTasks()
    expect(delays).toEqual([50, 100, 200])
  })

  it('retries a connection reset as NETWORK_ERROR', async () => {
    server.enqueue(reset, reset, reset)
    const error = await client()
      .describePrefetchTasks()
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', attempts: 3, retryable: true })
    expect((error as Error).message).toContain(server.url)
    expect((error as Error).cause).toBeInstanceOf(Error)
  })

  it('applies timeoutMs to every attempt (TIMEOUT, retried), via the injected timers', async () => {
    const time = createFakeTime()
    server.enqueue(hang, hang)
    const ucdn = client({ maxRetries: 1, timeoutMs: 5000, clock: time.clock, timers: time.timers })
    const result = ucdn.describePrefetchTasks().catch((e: unknown) => e)
    await requestsSeen(1)
    await time.advance(5000)
    await requestsSeen(2)
    await time.advance(5000)
    const error = await result
    expect(error).toMatchObject({ code: 'TIMEOUT', attempts: 2, retryable: true })
    expect((error as Error).message).toContain('5000 ms')
    expect(time.pending()).toBe(0)
  })

  it('leaves no timer pending after a call, whatever its outcome', async () => {
    const time = createFakeTime()
    const ucdn = client({ clock: time.clock, timers: time.timers, sleep: undefined })
    await ucdn.describePrefetchTasks()
    expect(time.pending()).toBe(0)
    server.enqueue(json({ RetCode: 171, Action: 'X' }))
    await ucdn.describePrefetchTasks().catch(() => {})
    expect(time.pending()).toBe(0)
  })
})

describe('answers larger than maxResponseBytes', () => {
  const big = { ...OK, Padding: 'x'.repeat(10_000) } // a valid answer of ~10 KB (unknown fields are ignored)

  it('a declared Content-Length over the limit: INVALID_RESPONSE at once, not retried, body not read', async () => {
    server.enqueue(json(big, 200, { 'x-ucloud-request-uuid': 'req-big' }))
    const error = (await client({ maxResponseBytes: 1_000 })
      .describePrefetchTasks()
      .catch((e: unknown) => e)) as UcdnError
    expect(error).toMatchObject({
      code: 'INVALID_RESPONSE',
      attempts: 1,
      retryable: false,
      httpStatus: 200,
      requestId: 'req-big',
    })
    expect(error.message).toBe(
      'DescribeNewUcdnPrefetchCacheTask answered more than maxResponseBytes (1000 bytes); narrow the query or raise maxResponseBytes.',
    )
    expect(server.requests).toHaveLength(1)
  })

  it('a chunked body with no length that never ends: reading stops at the limit and the socket is dropped', async () => {
    let written = 0
    let closed = false
    server.enqueue((_request, response, socket) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      socket.on('close', () => {
        closed = true
      })
      const pump = () => {
        while (!closed && written < 50_000_000) {
          written += 16_384
          if (!response.write(`${' '.repeat(16_383)}\n`)) return void response.once('drain', pump)
        }
      }
      response.write('{"RetCode":0,"Action":"DescribeNewUcdnPrefetchCacheTaskResponse","Padding":"')
      pump()
    })
    const ucdn = client({ maxResponseBytes: 100_000 })
    await expect(ucdn.describePrefetchTasks()).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
      attempts: 1,
    })
    for (let i = 0; i < 500 && !closed; i++) await new Promise((r) => setTimeout(r, 2))
    expect(closed).toBe(true)
    expect(written).toBeLessThan(10_000_000) // the server was stopped long before it gave up
    // The client is not poisoned: the next call gets a fresh socket and its answer.
    await expect(ucdn.describePrefetchTasks()).resolves.toMatchObject({ totalCount: 0 })
  })

  it('an answer within the limit is read as usual', async () => {
    server.enqueue(json(big))
    await expect(client({ maxResponseBytes: 20_000 }).describePrefetchTasks()).resolves.toMatchObject({
      totalCount: 0,
    })
  })

  it('with a custom fetch too: Content-Length first, else the text read', async () => {
    const answer = JSON.stringify(big)
    const respond = (headers: Record<string, string>) => async () =>
      new Response(answer, { status: 200, headers: { 'content-type': 'application/json', ...headers } })
    const declared = client({ maxResponseBytes: 1_000, fetch: respond({}) })
    await expect(declared.describePrefetchTasks()).rejects.toMatchObject({ code: 'INVALID_RESPONSE' })
    // A Response whose Content-Length understates the body: caught after reading.
    const understated = client({ maxResponseBytes: 1_000, fetch: respond({ 'content-length': '10' }) })
    await expect(understated.describePrefetchTasks()).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
      message: expect.stringContaining('maxResponseBytes (1000 bytes)'),
    })
  })
})

describe('cancellation', () => {
  it('an AbortSignal cancels a request in flight at once (ABORTED)', async () => {
    server.enqueue(hang)
    const controller = new AbortController()
    const result = client()
      .describePrefetchTasks({}, { signal: controller.signal })
      .catch((e: unknown) => e)
    await requestsSeen(1)
    controller.abort(new Error('user cancelled'))
    const error = await result
    expect(error).toMatchObject({ code: 'ABORTED', attempts: 1, retryable: false })
    expect((error as UcdnError).cause).toEqual(new Error('user cancelled'))
  })

  it('an AbortSignal cancels a backoff wait at once, leaving no timer', async () => {
    const time = createFakeTime()
    server.enqueue(json('busy', 503))
    const controller = new AbortController()
    const ucdn = client({
      clock: time.clock,
      timers: time.timers,
      sleep: undefined,
      retry: { baseDelayMs: 60_000 },
    })
    const result = ucdn.describePrefetchTasks({}, { signal: controller.signal }).catch((e: unknown) => e)
    await requestsSeen(1)
    for (let i = 0; i < 100 && time.pending() === 0; i++) await new Promise((r) => setTimeout(r, 2))
    expect(time.pending()).toBe(1) // the backoff wait
    controller.abort()
    expect(await result).toMatchObject({ code: 'ABORTED', attempts: 1 })
    expect(server.requests).toHaveLength(1)
    expect(time.pending()).toBe(0)
  })

  it('a signal shared by many concurrent calls gets one listener, removed when they are done', async () => {
    const shared = new AbortController()
    const ucdn = client()
    const calls = Array.from({ length: 20 }, () => ucdn.describePrefetchTasks({}, { signal: shared.signal }))
    expect(getEventListeners(shared.signal, 'abort')).toHaveLength(1)
    await Promise.all(calls)
    expect(getEventListeners(shared.signal, 'abort')).toHaveLength(0)
  })

  it('an already-aborted signal sends nothing', async () => {
    await expect(client().describePrefetchTasks({}, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'ABORTED',
    })
    expect(server.requests).toHaveLength(0)
  })
})

describe('logging', () => {
  it('logs one debug line per attempt, with Signature and PublicKey redacted and no private key anywhere', async () => {
    server.enqueue(json('busy', 503, { 'x-ucloud-request-uuid': 'req-503' }))
    const debug = vi.fn()
    await client({ logger: { debug } }).describePrefetchTasks({ taskIds: ['t-1'] })
    expect(debug).toHaveBeenCalledTimes(2)
    const calls = debug.mock.calls as unknown as [string, Record<string, unknown>][]
    const [firstLine, first] = calls[0] ?? []
    const [secondLine, second] = calls[1] ?? []
    expect(firstLine).toMatch(
      /DescribeNewUcdnPrefetchCacheTask attempt 1\/3: HTTP 503, \d+ ms, request id req-503 → HTTP_ERROR, retrying in \d+ ms/,
    )
    expect(secondLine).toMatch(/attempt 2\/3: HTTP 200, RetCode 0, \d+ ms, request id req-ok → done/)
    expect(first).toMatchObject({
      action: 'DescribeNewUcdnPrefetchCacheTask',
      attempt: 1,
      httpStatus: 503,
      outcome: 'retry',
    })
    expect(second).toMatchObject({
      attempt: 2,
      httpStatus: 200,
      retCode: 0,
      requestId: 'req-ok',
      outcome: 'success',
    })
    expect(first?.params).toEqual({
      Action: 'DescribeNewUcdnPrefetchCacheTask',
      TaskId: ['t-1'],
      PublicKey: '[redacted]',
      Signature: '[redacted]',
    })
    const signature = formOf(server.requests[1]?.body ?? '').Signature ?? 'missing'
    const everything = inspect(debug.mock.calls, { depth: 10 })
    expect(everything).not.toContain(CREDENTIALS.privateKey)
    expect(everything).not.toContain(CREDENTIALS.publicKey)
    expect(everything).not.toContain(signature)
  })
})

describe('secrets never leak into errors', () => {
  const answeredWith =
    (handler: Handler, options: UcdnClientOptions = {}) =>
    async () => {
      server.enqueue(handler)
      return client(options).describePrefetchTasks()
    }
  const scenarios: [string, () => Promise<unknown>][] = [
    ['API_ERROR', answeredWith(json({ RetCode: 171, Action: 'X', Message: 'Signature VerifyAC Error' }))],
    ['HTTP_ERROR', answeredWith(json('nope', 403))],
    ['NETWORK_ERROR', answeredWith(reset, { maxRetries: 0 })],
    [
      'TIMEOUT',
      async () => {
        const time = createFakeTime()
        server.enqueue(hang)
        const call = client({ maxRetries: 0, timeoutMs: 10, timers: time.timers }).describePrefetchTasks()
        call.catch(() => {}) // awaited below, after the clock moves
        await requestsSeen(1)
        await time.advance(10)
        return call
      },
    ],
    [
      'ABORTED',
      async () => {
        server.enqueue(hang)
        const controller = new AbortController()
        const call = client().describePrefetchTasks({}, { signal: controller.signal })
        call.catch(() => {}) // awaited below, after the abort
        await requestsSeen(1)
        controller.abort()
        return call
      },
    ],
    ['INVALID_INPUT', async () => client().describePrefetchTasks({ offset: -1 })],
    ['INVALID_RESPONSE', answeredWith(json('<html>'))],
  ]

  it.each(scenarios)('%s', async (code, run) => {
    const error = await run().catch((e: unknown) => e)
    expect(error).toMatchObject({ code })
    const signatures = server.requests.map((r) => formOf(r.body).Signature).filter((s) => s !== undefined)
    const renderings = [
      (error as Error).message,
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      (error as Error).stack ?? '',
    ].join('\n')
    expect(renderings).not.toContain(CREDENTIALS.privateKey)
    for (const signature of signatures) expect(renderings).not.toContain(signature)
  })
})

describe('configuration', () => {
  it('rejects bad options with INVALID_INPUT naming them', () => {
    expect(() => new UcdnClient({ credentials: CREDENTIALS, timeoutMs: -5, env: {} })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('timeoutMs') }),
    )
  })

  it('takes its defaults from the shared config file, read once at construction', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ucdn-client-config-'))
    try {
      const configFile = join(dir, 'config.json')
      writeFileSync(
        configFile,
        JSON.stringify([
          { profile: 'ops', project_id: 'org-ops', base_url: 'http://127.0.0.1:9/', timeout_sec: 1 },
        ]),
      )
      const ucdn = new UcdnClient({ credentials: CREDENTIALS, env: { UCLOUD_PROFILE: 'ops' }, configFile })
      expect([ucdn.baseUrl, ucdn.projectId]).toEqual(['http://127.0.0.1:9', 'org-ops'])
      writeFileSync(configFile, 'not json')
      expect(() => new UcdnClient({ credentials: CREDENTIALS, env: {}, configFile, profile: 'ops' })).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining(configFile) }),
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('turns missing credentials into INVALID_INPUT that says where it looked', async () => {
    const ucdn = new UcdnClient({
      baseUrl: server.url,
      env: { UCLOUD_SHARED_CREDENTIAL_FILE: '/nonexistent/credential.json' },
    })
    clients.push(ucdn)
    const error = await ucdn.describePrefetchTasks().catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'INVALID_INPUT', retryable: false })
    expect((error as Error).message).toContain('UCLOUD_PUBLIC_KEY')
    expect(server.requests).toHaveLength(0)
  })

  it('uses a caller-supplied fetch', async () => {
    const fetch = vi.fn(
      async () => new Response(JSON.stringify(oneTask), { headers: { 'x-ucloud-request-uuid': 'f' } }),
    )
    const page = await client({ fetch }).describePrefetchTasks()
    expect(page.requestId).toBe('f')
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(server.requests).toHaveLength(0)
  })

  it('close() closes kept-alive connections', async () => {
    const ucdn = client()
    await ucdn.describePrefetchTasks()
    expect(server.openConnections()).toBeGreaterThan(0)
    await ucdn.close()
    for (let i = 0; i < 100 && server.openConnections() > 0; i++) await new Promise((r) => setTimeout(r, 2))
    expect(server.openConnections()).toBe(0)
  })
})
