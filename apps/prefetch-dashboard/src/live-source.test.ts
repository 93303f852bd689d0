import { summarizePrefetchTasks, type TaskInfo } from '@scloud/ucdn'
import { describe, expect, it } from 'vitest'
import { createLiveSource } from './live-source.js'
import { PrefetchSourceError } from './prefetch-source.js'

const tasks: TaskInfo[] = [
  { taskId: 'a', status: 'success', createTime: 5, urlLists: [{ url: 'u', status: 'success' }] },
]
const listing = { tasks, summary: summarizePrefetchTasks(tasks), totalCount: 1 }
const filters = { status: 'success' as const, since: 100, until: 200 }

function fakeFetch(respond: () => Response | Promise<Response>) {
  const requests: { url: string; init: RequestInit | undefined }[] = []
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: String(input), init })
    return respond()
  }) as typeof globalThis.fetch
  return { fetch, requests }
}

describe('createLiveSource', () => {
  it('asks the BFF endpoint on the page’s origin with the filters and returns its listing', async () => {
    const { fetch, requests } = fakeFetch(() => Response.json(listing))
    const signal = new AbortController().signal
    await expect(createLiveSource({ fetch }).list(filters, { signal })).resolves.toEqual(listing)
    expect(requests).toHaveLength(1)
    expect(requests[0]!.url).toBe('/api/prefetch-tasks?status=success&since=100&until=200')
    expect(requests[0]!.init?.signal).toBe(signal)
  })

  it('turns the BFF’s JSON error into a PrefetchSourceError with its code, message and request id', async () => {
    const { fetch } = fakeFetch(() =>
      Response.json(
        { error: { code: 'API_ERROR', message: 'The API said no.', requestId: 'req-1', retCode: 171 } },
        { status: 502 },
      ),
    )
    const error = await createLiveSource({ fetch })
      .list(filters)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PrefetchSourceError)
    expect(error).toMatchObject({ code: 'API_ERROR', message: 'The API said no.', requestId: 'req-1' })
  })

  it('explains a non-JSON error page by its status', async () => {
    const { fetch } = fakeFetch(() => new Response('<h1>Bad gateway</h1>', { status: 502 }))
    await expect(createLiveSource({ fetch }).list(filters)).rejects.toMatchObject({
      code: 'HTTP_502',
      message: 'The dashboard’s server answered HTTP 502.',
    })
  })

  it('refuses an answer that is not a listing', async () => {
    for (const body of [
      {},
      { tasks: 'x', summary: listing.summary },
      { tasks: [], summary: { tasks: {} } },
    ]) {
      const { fetch } = fakeFetch(() => Response.json(body))
      await expect(createLiveSource({ fetch }).list(filters)).rejects.toMatchObject({
        code: 'INVALID_RESPONSE',
      })
    }
  })

  it('says the server is unreachable when fetch fails, but passes an abort through', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')))
    await expect(createLiveSource({ fetch }).list(filters)).rejects.toMatchObject({ code: 'NETWORK_ERROR' })
    const controller = new AbortController()
    controller.abort()
    const abortError = new DOMException('aborted', 'AbortError')
    const aborting = fakeFetch(() => Promise.reject(abortError))
    await expect(
      createLiveSource({ fetch: aborting.fetch }).list(filters, { signal: controller.signal }),
    ).rejects.toBe(abortError)
  })
})

describe('createLiveSource: refresh tasks, submits and the access token', () => {
  it('lists refresh tasks from their own endpoint', async () => {
    const { fetch, requests } = fakeFetch(() => Response.json(listing))
    await createLiveSource({ fetch }).list(filters, { kind: 'refresh' })
    expect(requests[0]!.url).toBe('/api/refresh-tasks?status=success&since=100&until=200')
  })

  it('posts a submit as JSON with the token and resolves the task ids', async () => {
    const { fetch, requests } = fakeFetch(() => Response.json({ taskIds: ['t1'] }))
    const source = createLiveSource({ fetch, token: 'tok' })
    const urls = ['https://cdn.example.com/d/']
    await expect(source.submit({ kind: 'refresh', type: 'dir', urls })).resolves.toEqual({ taskIds: ['t1'] })
    expect(requests[0]!.url).toBe('/api/refresh')
    expect(requests[0]!.init).toMatchObject({
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Dashboard-Token': 'tok' },
      body: JSON.stringify({ urls, type: 'dir' }),
    })
    await source.submit({ kind: 'prefetch', urls })
    expect(requests[1]!.url).toBe('/api/prefetch')
    expect(requests[1]!.init?.body).toBe(JSON.stringify({ urls }))
  })

  it('carries the BFF’s per-URL problems and the ids of an unknown outcome', async () => {
    const problems = [{ line: 2, url: 'ftp://x/y', problem: 'must start with http:// or https://' }]
    const { fetch } = fakeFetch(() =>
      Response.json(
        { error: { code: 'INVALID_SUBMIT', message: 'One line is bad.', problems } },
        { status: 400 },
      ),
    )
    const error = (await createLiveSource({ fetch })
      .submit({ kind: 'prefetch', urls: ['ftp://x/y'] })
      .catch((e: unknown) => e)) as PrefetchSourceError
    expect(error).toMatchObject({ code: 'INVALID_SUBMIT', problems })
    const unknown = fakeFetch(() =>
      Response.json(
        { error: { code: 'OUTCOME_UNKNOWN', message: 'm', submittedTaskIds: ['t0'] } },
        { status: 502 },
      ),
    )
    await expect(
      createLiveSource({ fetch: unknown.fetch }).submit({ kind: 'prefetch', urls: ['https://a/b'] }),
    ).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN', submittedTaskIds: ['t0'] })
  })
})
