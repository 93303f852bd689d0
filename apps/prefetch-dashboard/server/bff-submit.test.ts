import { request } from 'node:http'
import { UcdnError } from '@scloud/ucdn'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { CacheActions, RefreshType } from '../src/cache-actions.js'
import { type RunningBff, startBff } from './bff-server.js'

// The submit endpoints and the refresh listing over real HTTP, the SDK's cache actions faked: what reaches
// them, what is refused before they are called (each refusal of a cross-site or token-less request).
const calls: { method: string; urls: readonly string[]; type?: RefreshType | undefined }[] = []
let failWith: unknown
const cache: CacheActions = {
  async prefetchUrls(urls) {
    calls.push({ method: 'prefetchUrls', urls })
    if (failWith !== undefined) throw failWith
    return { taskIds: ['pf-1'] }
  },
  async refreshUrls(urls, options) {
    calls.push({ method: 'refreshUrls', urls, type: options?.type })
    return { taskIds: ['rf-1'] }
  },
  async *paginateRefreshTasks() {
    yield { totalCount: 1, taskList: [{ taskId: 'rf-1', status: 'wait', type: 'dir' }], requestId: 'r' }
  },
}
const ucdn = {
  paginatePrefetchTasks: () => {
    throw new Error('not used')
  },
}
const TOKEN = 'a-test-token-of-enough-length'

let bff: RunningBff
let guarded: RunningBff
beforeAll(async () => {
  bff = await startBff({ ucdn, cache, port: 0, host: '127.0.0.1', logger: { error() {} } })
  guarded = await startBff({ ucdn, cache, token: TOKEN, port: 0, host: '127.0.0.1', logger: { error() {} } })
})
afterAll(async () => {
  await bff.close()
  await guarded.close()
})
beforeEach(() => {
  calls.length = 0
  failWith = undefined
})

/** A raw request (fetch would not let the test choose Origin and Sec-Fetch-Site). */
function send(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: { error?: { code: string; message: string }; [key: string]: unknown } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const sameOrigin = (base: string) => ({ 'Content-Type': 'application/json', Origin: base })
const post = (path: string, body: unknown, base = bff.url, headers = sameOrigin(base)) =>
  send(base, path, { headers, body: JSON.stringify(body) })

describe('POST /api/prefetch and /api/refresh', () => {
  it('submits the checked URLs with the server’s keys and answers the task ids', async () => {
    expect(
      await post('/api/prefetch', {
        urls: ['https://cdn.example.com/a.js', ' https://cdn.example.com/a.js'],
      }),
    ).toEqual({
      status: 200,
      body: { taskIds: ['pf-1'] },
    })
    expect(await post('/api/refresh', { urls: ['https://cdn.example.com/img/'], type: 'dir' })).toEqual({
      status: 200,
      body: { taskIds: ['rf-1'] },
    })
    expect(calls).toEqual([
      { method: 'prefetchUrls', urls: ['https://cdn.example.com/a.js'] },
      { method: 'refreshUrls', urls: ['https://cdn.example.com/img/'], type: 'dir' },
    ])
  })

  it('names each bad URL and calls nothing', async () => {
    const answer = await post('/api/prefetch', { urls: ['https://cdn.example.com/ok.js', 'ftp://x/y'] })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({
      error: {
        code: 'INVALID_SUBMIT',
        problems: [{ line: 2, url: 'ftp://x/y', problem: 'must start with http:// or https://' }],
      },
    })
    expect(calls).toEqual([])
  })

  it('refuses a body that is not JSON-typed (what a cross-site form would send)', async () => {
    const form = await send(bff.url, '/api/prefetch', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: bff.url },
      body: 'urls=https://cdn.example.com/a.js',
    })
    expect(form).toMatchObject({ status: 415, body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE' } } })
    const plain = await send(bff.url, '/api/prefetch', {
      headers: { 'Content-Type': 'text/plain', Origin: bff.url },
      body: '{}',
    })
    expect(plain.status).toBe(415)
    expect(calls).toEqual([])
  })

  it('refuses another origin, a cross-site fetch and a request that says nothing of its origin', async () => {
    const body = JSON.stringify({ urls: ['https://cdn.example.com/a.js'] })
    const json = { 'Content-Type': 'application/json' }
    for (const headers of [
      { ...json, Origin: 'https://evil.example' },
      { ...json, Origin: 'null' },
      { ...json, Origin: bff.url, 'Sec-Fetch-Site': 'cross-site' },
      { ...json, 'Sec-Fetch-Site': 'same-site' },
      json,
    ]) {
      const answer = await send(bff.url, '/api/prefetch', { headers, body })
      expect(answer, JSON.stringify(headers)).toMatchObject({
        status: 403,
        body: { error: { code: 'CROSS_SITE_REQUEST' } },
      })
    }
    const noOrigin = await send(bff.url, '/api/refresh', {
      headers: { ...json, 'Sec-Fetch-Site': 'same-origin' },
      body,
    })
    expect(noOrigin.status).toBe(200)
    expect(calls.map((c) => c.method)).toEqual(['refreshUrls'])
  })

  it('refuses bad JSON, unknown fields and GET', async () => {
    expect(
      (await send(bff.url, '/api/prefetch', { headers: sameOrigin(bff.url), body: '{"urls":' })).body.error
        ?.code,
    ).toBe('INVALID_JSON')
    expect((await post('/api/prefetch', { urls: [], extra: 1 })).status).toBe(400)
    const get = await send(bff.url, '/api/prefetch', { method: 'GET' })
    expect(get).toMatchObject({ status: 405, body: { error: { code: 'METHOD_NOT_ALLOWED' } } })
  })

  it('passes on what the SDK said, and which tasks were accepted when the outcome is unknown', async () => {
    failWith = Object.assign(
      new UcdnError({
        // The contract's code for a submit whose fate is unknown (issue 15); newer than the installed SDK's list.
        code: 'OUTCOME_UNKNOWN' as ConstructorParameters<typeof UcdnError>[0]['code'],
        message: 'No answer came after the submit went out.',
      }),
      {
        submitted: { taskIds: ['pf-0'], pendingUrls: ['https://cdn.example.com/a.js'], notSubmittedUrls: [] },
      },
    )
    const answer = await post('/api/prefetch', { urls: ['https://cdn.example.com/a.js'] })
    expect(answer.status).toBe(502)
    expect(answer.body.error).toMatchObject({ code: 'OUTCOME_UNKNOWN', submittedTaskIds: ['pf-0'] })
  })

  it('answers 400 with the SDK’s own sentence when it refuses the URLs (its input, not this server’s setup)', async () => {
    failWith = new UcdnError({
      code: 'INVALID_INPUT',
      message: 'urls: 1 URL is not http(s) with a host and a path: https://cdn.example.com/a.js?x.',
      source: 'input',
      field: 'urls',
    })
    const answer = await post('/api/prefetch', { urls: ['https://cdn.example.com/a.js'] })
    expect(answer).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_SUBMIT', message: expect.stringMatching(/^urls: 1 URL/) } },
    })
  })

  it('answers 501 naming the method when the server was started without cache actions', async () => {
    const bare = await startBff({ ucdn, port: 0, host: '127.0.0.1', logger: { error() {} } })
    try {
      const answer = await post('/api/prefetch', { urls: ['https://cdn.example.com/a.js'] }, bare.url)
      expect(answer).toMatchObject({ status: 501, body: { error: { code: 'NOT_AVAILABLE' } } })
      const listing = await send(bare.url, '/api/refresh-tasks', { method: 'GET' })
      expect(listing.status).toBe(501)
    } finally {
      await bare.close()
    }
  })
})

describe('GET /api/refresh-tasks', () => {
  it('lists refresh tasks with their type and summary', async () => {
    const answer = await send(bff.url, '/api/refresh-tasks?since=10&until=20', { method: 'GET' })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      tasks: [{ taskId: 'rf-1', type: 'dir' }],
      totalCount: 1,
      summary: { tasks: { total: 1 } },
    })
  })
})

describe('the access token (a server listening beyond loopback)', () => {
  it('refuses every API call without it or with a wrong one, submits and listings alike', async () => {
    const body = JSON.stringify({ urls: ['https://cdn.example.com/a.js'] })
    for (const token of [undefined, 'wrong', `${TOKEN}x`]) {
      const headers: Record<string, string> = {
        ...sameOrigin(guarded.url),
        ...(token ? { 'X-Dashboard-Token': token } : {}),
      }
      expect((await send(guarded.url, '/api/prefetch', { headers, body })).status, String(token)).toBe(401)
      expect((await send(guarded.url, '/api/refresh-tasks', { method: 'GET', headers })).status).toBe(401)
    }
    expect(calls).toEqual([])
    const ok = await send(guarded.url, '/api/prefetch', {
      headers: { ...sameOrigin(guarded.url), 'X-Dashboard-Token': TOKEN },
      body,
    })
    expect(ok.status).toBe(200)
  })
})
