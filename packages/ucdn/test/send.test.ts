// UcdnClient#send: the generic call path for any descriptor, end to end over real sockets (the Node transport)
// and through a caller's fetch (the fetch transport). Retries follow the descriptor's `idempotent`.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { verifySignature } from '@scloud/signer'
import { DescribeNewUcdnPrefetchCacheTask, PrefetchNewUcdnDomainCache } from '@scloud/ucdn-client'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { UcdnClient, type UcdnClientOptions, type UcdnError } from '../src/index.js'
import { encoded, redirect, TEST_CODINGS } from './helpers/encoded-answers.js'
import { createFakeTime } from './helpers/fake-time.js'
import { hang, json, type LocalServer, reset, startLocalServer } from './helpers/local-server.js'

const CREDENTIALS = { publicKey: 'pk-send', privateKey: 'sk-send-secret' }
const OK = { RetCode: 0, Action: 'DescribeNewUcdnPrefetchCacheTaskResponse', TotalCount: 0, TaskList: [] }
const DESCRIBE = DescribeNewUcdnPrefetchCacheTask
/** The same action as one not safe to repeat, as a submit's descriptor says (`x-scloud-idempotent: false`). */
const SUBMIT = { ...DescribeNewUcdnPrefetchCacheTask, idempotent: false } as typeof DESCRIBE

let server: LocalServer
const clients: UcdnClient[] = []
beforeAll(async () => {
  server = await startLocalServer(json(OK, 200, { 'x-ucloud-request-uuid': 'req-ok' }))
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close({ force: true })))
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
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure')
    },
    (error: unknown) => error as UcdnError,
  )
async function requestsSeen(n: number) {
  for (let i = 0; i < 500 && server.requests.length < n; i++) await new Promise((r) => setTimeout(r, 2))
}

describe('send(operation, params)', () => {
  it('takes the generated request model (no action), sends it signed, returns the model plus requestId', async () => {
    server.enqueue(
      json({ ...OK, TotalCount: 1, TaskList: [{ TaskId: 't-1', Status: 'success' }] }, 200, {
        'x-ucloud-request-uuid': 'req-send',
      }),
    )
    const result = await client({ projectId: 'org-1' }).send(DESCRIBE, {
      taskId: ['t-1'],
      beginTime: new Date(1_780_000_000_000) as unknown as number,
      endTime: 1_780_000_100,
    })
    expect(result).toEqual({
      retCode: 0,
      action: 'DescribeNewUcdnPrefetchCacheTaskResponse',
      message: undefined,
      totalCount: 1,
      taskList: [{ taskId: 't-1', status: 'success', urlLists: undefined, createTime: undefined }],
      requestId: 'req-send',
    })
    const form = formOf(server.requests[0]?.body ?? '')
    expect(form).toMatchObject({
      Action: 'DescribeNewUcdnPrefetchCacheTask',
      ProjectId: 'org-1',
      'TaskId.0': 't-1',
      BeginTime: '1780000000',
      EndTime: '1780000100',
    })
    expect(verifySignature(form, CREDENTIALS.privateKey)).toBe(true)
  })

  it('refuses bad params with INVALID_INPUT naming the model field, source input, before sending', async () => {
    const error = await failure(client().send(DESCRIBE, { taskId: ['ok', ''] }))
    expect(error).toMatchObject({ code: 'INVALID_INPUT', source: 'input', field: 'taskId' })
    expect(error.message).toBe(
      'DescribeNewUcdnPrefetchCacheTask: taskId[1] must be a non-empty string, got "".',
    )
    const rule = await failure(client().send(DESCRIBE, { endTime: 5 }))
    expect(rule).toMatchObject({ code: 'INVALID_INPUT', field: 'beginTime' })
    expect(rule.message).toContain('beginTime is required when endTime is given')
    const unknown = await failure(client().send(DESCRIBE, { taskIds: ['a'] } as never))
    expect(unknown).toMatchObject({ code: 'INVALID_INPUT', field: 'taskIds' })
    expect(server.requests).toHaveLength(0)
  })

  it('cuts user input quoted in a message to 80 characters', async () => {
    const long = `k${'x'.repeat(300)}`
    const error = await failure(client().send(DESCRIBE, { [long]: 1 } as never))
    expect(error.message).toContain(`"k${'x'.repeat(79)}…"`)
    expect(error.message).not.toContain('x'.repeat(81))
  })

  it('answers INVALID_RESPONSE naming the first problem when the answer does not match the schema', async () => {
    server.enqueue(json({ ...OK, TaskList: [{ UrlLists: [{ Progress: 'x' }] }] }))
    const error = await failure(client().send(DESCRIBE, {}))
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', source: 'response', retryable: false })
    expect(error.message).toContain('TaskList[0].UrlLists[0].Progress')
  })
})

describe('where an error arose (source) and what is at fault (field)', () => {
  it.each<[string, () => Promise<unknown>, Partial<UcdnError>]>([
    [
      'a RetCode',
      async () => {
        server.enqueue(json({ RetCode: 171, Action: 'X' }))
        return client().send(DESCRIBE, {})
      },
      { code: 'API_ERROR', source: 'api' },
    ],
    [
      'an HTTP status',
      async () => {
        server.enqueue(json('no', 403))
        return client().send(DESCRIBE, {})
      },
      { code: 'HTTP_ERROR', source: 'api' },
    ],
    [
      'a lost connection',
      async () => {
        server.enqueue(reset)
        return client({ maxRetries: 0 }).send(DESCRIBE, {})
      },
      { code: 'NETWORK_ERROR', source: 'transport' },
    ],
    [
      'a credential provider that returns nothing usable',
      async () =>
        client({ credentials: async () => ({ publicKey: '', privateKey: 'x' }) }).send(DESCRIBE, {}),
      { code: 'INVALID_INPUT', source: 'credentials', field: 'credentials' },
    ],
    [
      'a bad per-call option',
      async () => client().send(DESCRIBE, {}, { signal: 'x' as never }),
      { code: 'INVALID_INPUT', source: 'input', field: 'signal' },
    ],
  ])('%s', async (_, run, expected) => {
    expect(await failure(run())).toMatchObject(expected)
  })

  it('client options and credentials are config and credentials', () => {
    expect(() => new UcdnClient({ credentials: CREDENTIALS, env: {}, timeoutMs: -1 })).toThrow(
      expect.objectContaining({ source: 'config', field: 'timeoutMs' }),
    )
    expect(
      () => new UcdnClient({ credentials: CREDENTIALS, env: {}, retry: { baseDelay: 1 } as never }),
    ).toThrow(expect.objectContaining({ source: 'config', field: 'retry.baseDelay' }))
    expect(() => new UcdnClient({ credentials: { publicKey: ' pk', privateKey: 'sk' }, env: {} })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', source: 'credentials', field: 'credentials' }),
    )
  })

  it("a helper's options are input, named as the caller named them", async () => {
    const error = await failure(client().waitForPrefetchTasks(['t'], { timeoutMs: -1 }))
    expect(error).toMatchObject({ code: 'INVALID_INPUT', source: 'input', field: 'timeoutMs' })
    expect(() => client().paginatePrefetchTasks({ limit: 5 } as never)).toThrow(
      expect.objectContaining({ field: 'limit', source: 'input' }),
    )
  })
})

describe('retries follow operation.idempotent', () => {
  it.each<[string, ReturnType<typeof json>, number]>([
    ['HTTP 502', json('bad gateway', 502), 1],
    ['HTTP 504', json('timeout', 504), 1],
    ['RetCode 110', json({ RetCode: 110, Action: 'X' }), 1],
    ['RetCode 2001', json({ RetCode: 2001, Action: 'X' }), 1],
    ['HTTP 503', json('unavailable', 503), 2],
    ['HTTP 429', json('slow down', 429), 2],
    ['RetCode 150', json({ RetCode: 150, Action: 'X' }), 2],
    ['RetCode 153', json({ RetCode: 153, Action: 'X' }), 2],
  ])('an action not safe to repeat, after %s: %i request(s)', async (_, answer, requests) => {
    server.enqueue(answer)
    const result = await client()
      .send(SUBMIT, {})
      .catch((error: unknown) => error)
    expect(server.requests).toHaveLength(requests)
    if (requests === 1) expect(result).toMatchObject({ retryable: false, attempts: 1 })
    else expect(result).toMatchObject({ requestId: 'req-ok' })
  })

  it('the same answers are retried for an idempotent action', async () => {
    server.enqueue(json('bad gateway', 502), json({ RetCode: 2001, Action: 'X' }))
    await expect(client().send(DESCRIBE, {})).resolves.toMatchObject({ requestId: 'req-ok' })
    expect(server.requests).toHaveLength(3)
  })

  it('a lost connection after the request may have left: OUTCOME_UNKNOWN, not retried', async () => {
    server.enqueue(reset)
    const error = await failure(client().send(SUBMIT, {}))
    expect(error).toMatchObject({
      code: 'OUTCOME_UNKNOWN',
      retryable: false,
      source: 'transport',
      attempts: 1,
    })
    expect(error.message).toMatch(/outcome is unknown: look it up before submitting again/)
    expect(server.requests).toHaveLength(1)
  })

  it('a timeout after the request may have left: OUTCOME_UNKNOWN, not retried', async () => {
    const time = createFakeTime()
    server.enqueue(hang)
    const call = failure(client({ timeoutMs: 1000, timers: time.timers, clock: time.clock }).send(SUBMIT, {}))
    await requestsSeen(1)
    await time.advance(1000)
    expect(await call).toMatchObject({ code: 'OUTCOME_UNKNOWN', retryable: false })
    expect(server.requests).toHaveLength(1)
  })

  it('a request that provably never left (connection refused) is retried', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const error = await failure(
      client({ baseUrl: `http://127.0.0.1:${port}`, maxRetries: 2 }).send(SUBMIT, {}),
    )
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', attempts: 3, retryable: true })
  })
})

describe('a submit from the spec (PrefetchNewUcdnDomainCache, x-scloud-idempotent: false)', () => {
  const SUBMITTED = { RetCode: 0, Action: 'PrefetchNewUcdnDomainCacheResponse', TaskId: 'task-9' }

  it('sends UrlList indexed and answers the TaskId', async () => {
    server.enqueue(json(SUBMITTED))
    const answer = await client().send(PrefetchNewUcdnDomainCache, {
      urlList: ['https://cdn.example.com/a.js', 'https://cdn.example.com/b.js'],
    })
    expect(answer).toMatchObject({ taskId: 'task-9' })
    expect(formOf(server.requests[0]?.body ?? '')).toMatchObject({
      Action: 'PrefetchNewUcdnDomainCache',
      'UrlList.0': 'https://cdn.example.com/a.js',
      'UrlList.1': 'https://cdn.example.com/b.js',
    })
  })

  it.each<[string, object, readonly string[]]>([
    [
      'no UrlList',
      {},
      ['non-empty strings matching /^[hH][tT][tT][pP][sS]?:', '(1 to 1000 items), got nothing'],
    ],
    ['an empty UrlList', { urlList: [] }, ['got an array of 0 items']],
    ['1001 URLs', { urlList: Array.from({ length: 1001 }, (_, i) => `https://c/${i}`) }, ['1001 items']],
  ])('refuses %s before sending, naming urlList', async (_, params, parts) => {
    const error = await failure(client().send(PrefetchNewUcdnDomainCache, params as never))
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'urlList', source: 'input' })
    expect(error.message).toMatch(
      /^PrefetchNewUcdnDomainCache: urlList must be an array of non-empty strings/,
    )
    for (const part of parts) expect(error.message).toContain(part)
    expect(server.requests).toHaveLength(0)
  })

  it('a lost answer is OUTCOME_UNKNOWN after one request; RetCode 150 is retried', async () => {
    server.enqueue(reset)
    expect(
      await failure(client().send(PrefetchNewUcdnDomainCache, { urlList: ['https://c/a'] })),
    ).toMatchObject({
      code: 'OUTCOME_UNKNOWN',
      retryable: false,
    })
    expect(server.requests).toHaveLength(1)
    server.reset()
    server.enqueue(json({ RetCode: 150, Action: 'X' }), json(SUBMITTED))
    await expect(
      client().send(PrefetchNewUcdnDomainCache, { urlList: ['https://c/a'] }),
    ).resolves.toMatchObject({
      taskId: 'task-9',
    })
    expect(server.requests).toHaveLength(2)
  })
})

describe('redirects are never followed', () => {
  it.each([301, 302, 303, 307, 308])(
    'HTTP %i on the Node transport: HTTP_ERROR naming the origin only',
    async (status) => {
      server.enqueue(redirect(status, 'https://evil.example:8443/steal?sig=1'))
      const error = await failure(client().send(DESCRIBE, {}))
      expect(error).toMatchObject({
        code: 'HTTP_ERROR',
        httpStatus: status,
        source: 'transport',
        retryable: false,
      })
      expect(error.message).toContain('https://evil.example:8443')
      expect(error.message).not.toContain('/steal')
      expect(server.requests).toHaveLength(1)
    },
  )

  it('a fetch that follows redirects anyway is refused, naming the origin only', async () => {
    const followed = Object.assign(new Response(JSON.stringify(OK)), {})
    Object.defineProperty(followed, 'redirected', { value: true })
    Object.defineProperty(followed, 'url', { value: 'https://evil.example/steal?x=1' })
    const fetch = async (_input: unknown, init?: RequestInit) => {
      expect(init?.redirect).toBe('manual')
      return followed
    }
    const error = await failure(client({ fetch }).send(DESCRIBE, {}))
    expect(error).toMatchObject({ code: 'HTTP_ERROR', source: 'transport' })
    expect(error.message).toContain('https://evil.example')
    expect(error.message).not.toContain('/steal')
  })
})

describe('compressed answers', () => {
  it.each(TEST_CODINGS)('%s is asked for and decoded on the Node transport', async (coding) => {
    server.enqueue(encoded(coding, JSON.stringify({ ...OK, TotalCount: 7 })))
    await expect(client().send(DESCRIBE, {})).resolves.toMatchObject({ totalCount: 7 })
    expect(server.requests[0]?.headers['accept-encoding']).toBe('gzip, deflate, br')
  })

  it('a BOM before the JSON is accepted alike on both transports', async () => {
    const body = `\uFEFF${JSON.stringify(OK)}`
    server.enqueue(json(body))
    await expect(client().send(DESCRIBE, {})).resolves.toMatchObject({ totalCount: 0 })
    const fetch = async () => new Response(body, { headers: { 'content-type': 'application/json' } })
    await expect(client({ fetch }).send(DESCRIBE, {})).resolves.toMatchObject({ totalCount: 0 })
  })
})

describe('close({ force }) and Symbol.asyncDispose', () => {
  it('close({ force: true }) ends a call in flight at once', async () => {
    server.enqueue(hang)
    const ucdn = client({ maxRetries: 0 })
    const call = failure(ucdn.send(DESCRIBE, {}))
    await requestsSeen(1)
    await ucdn.close({ force: true })
    expect((await call).code).toMatch(/NETWORK_ERROR/)
  })

  it('close() without force lets a call in flight finish', async () => {
    let answer: (() => void) | undefined
    server.enqueue((_request, response) => {
      answer = () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(OK))
    })
    const ucdn = client()
    const call = ucdn.send(DESCRIBE, {})
    await requestsSeen(1)
    const closed = ucdn.close()
    answer?.()
    await expect(call).resolves.toMatchObject({ totalCount: 0 })
    await closed
  })

  it('await using closes the kept-alive connections when the scope ends', async () => {
    {
      await using ucdn = client()
      await ucdn.send(DESCRIBE, {})
      expect(server.openConnections()).toBeGreaterThan(0)
    }
    for (let i = 0; i < 100 && server.openConnections() > 0; i++) await new Promise((r) => setTimeout(r, 2))
    expect(server.openConnections()).toBe(0)
  })

  it('refuses unknown close options', async () => {
    expect(() => client().close({ forse: true } as never)).toThrow(
      expect.objectContaining({ field: 'forse' }),
    )
  })
})
