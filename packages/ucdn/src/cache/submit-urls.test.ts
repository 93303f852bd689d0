import type { AnyOperation } from '@scloud/ucdn-client'
import { describe, expect, it } from 'vitest'
import { isUcdnError, UcdnError } from '../errors.js'
import type { SubmitDeps } from './submit-batches.js'
import { prefetchUrls, refreshUrls } from './submit-urls.js'
import type { CacheSend, SubmitProgress } from './types.js'

const urlsOf = (n: number, prefix = 'https://cdn.example.com/f') =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}.js`)

type Call = { action: string; params: Record<string, unknown>; at: number; signal: AbortSignal | undefined }

/** A fake client: a clock moved by its sleep and by each call (`callMs`), and a send that answers task ids
 *  `t1`, `t2`, … or fails as `fail` says for call n (1-based). */
function fakeClient(
  options: { fail?: (n: number) => unknown; callMs?: number; sleep?: SubmitDeps['sleep'] } = {},
) {
  let now = 1_000_000
  const calls: Call[] = []
  const sleeps: number[] = []
  const send = (async (operation: AnyOperation, params: object, opts: { signal?: AbortSignal }) => {
    calls.push({ action: operation.action, params: { ...params }, at: now, signal: opts.signal })
    now += options.callMs ?? 0
    const failure = options.fail?.(calls.length)
    if (failure !== undefined) throw failure
    return { taskId: `t${calls.length}`, requestId: `r${calls.length}` }
  }) as unknown as CacheSend
  const deps: SubmitDeps = {
    send,
    clock: { now: () => now },
    sleep:
      options.sleep ??
      (async (ms) => {
        sleeps.push(ms)
        now += ms
      }),
  }
  const advance = (ms: number) => {
    now += ms
  }
  return {
    deps,
    calls,
    sleeps,
    advance,
    batchSizes: () => calls.map((c) => (c.params.urlList as string[]).length),
  }
}

async function rejection(promise: Promise<unknown>): Promise<UcdnError> {
  try {
    await promise
  } catch (error) {
    if (isUcdnError(error)) return error
    throw error
  }
  throw new Error('expected a rejection')
}

const apiError = (retCode: number) =>
  new UcdnError({ code: 'API_ERROR', message: `failed with RetCode ${retCode}.`, retCode })
const outcomeUnknown = () =>
  new UcdnError({
    code: 'OUTCOME_UNKNOWN',
    message: 'PrefetchNewUcdnDomainCache may have reached the API, but no answer came.',
    retryable: false,
  })

describe('prefetchUrls', () => {
  it('sends exactly 1,000 URLs in one call', async () => {
    const fake = fakeClient()
    const urls = urlsOf(1000)
    await expect(prefetchUrls(fake.deps, urls, { intervalMs: 0 })).resolves.toEqual({ taskIds: ['t1'] })
    expect(fake.calls.map((c) => c.action)).toEqual(['PrefetchNewUcdnDomainCache'])
    expect(fake.calls[0]?.params).toEqual({ urlList: urls })
  })

  it('splits 1,001 URLs into 1,000 + 1, in order', async () => {
    const fake = fakeClient()
    const urls = urlsOf(1001)
    await expect(prefetchUrls(fake.deps, urls, {})).resolves.toEqual({ taskIds: ['t1', 't2'] })
    expect(fake.batchSizes()).toEqual([1000, 1])
    expect(fake.calls.flatMap((c) => c.params.urlList)).toEqual(urls)
  })

  it('submits 5,000 URLs in five calls 10 s apart, reporting progress after each', async () => {
    const fake = fakeClient()
    const progress: SubmitProgress[] = []
    const result = await prefetchUrls(fake.deps, urlsOf(5000), { onProgress: (p) => progress.push(p) })
    expect(result.taskIds).toEqual(['t1', 't2', 't3', 't4', 't5'])
    expect(fake.batchSizes()).toEqual([1000, 1000, 1000, 1000, 1000])
    expect(fake.sleeps).toEqual([10_000, 10_000, 10_000, 10_000])
    expect(fake.calls.map((c) => c.at - 1_000_000)).toEqual([0, 10_000, 20_000, 30_000, 40_000])
    expect(progress).toEqual(
      [1, 2, 3, 4, 5].map((n) => ({
        submittedUrls: n * 1000,
        totalUrls: 5000,
        taskIds: result.taskIds.slice(0, n),
        batch: n,
        batches: 5,
      })),
    )
  })

  it('waits only what is left of the interval after the previous answer, counted from the answer', async () => {
    const fake = fakeClient({ callMs: 3000 })
    // 1 s of the caller's own work after each answer; the 3 s a call takes do not count.
    await prefetchUrls(fake.deps, urlsOf(2500), { intervalMs: 5000, onProgress: () => fake.advance(1000) })
    expect(fake.sleeps).toEqual([4000, 4000])
  })

  it('does not wait with intervalMs 0, nor before the first call', async () => {
    const fake = fakeClient()
    await prefetchUrls(fake.deps, urlsOf(3000), { intervalMs: 0 })
    expect(fake.sleeps).toEqual([])
    const one = fakeClient()
    await prefetchUrls(one.deps, urlsOf(10), {})
    expect(one.sleeps).toEqual([])
  })

  it('sends each URL once however often it is given', async () => {
    const fake = fakeClient()
    const urls = urlsOf(600)
    await prefetchUrls(fake.deps, [...urls, ...urls], {})
    expect(fake.batchSizes()).toEqual([600])
  })

  it('passes projectId and isDcdn on every call', async () => {
    const fake = fakeClient()
    await prefetchUrls(fake.deps, urlsOf(1500), { projectId: 'org-1', isDcdn: true, intervalMs: 0 })
    for (const call of fake.calls) expect(call.params).toMatchObject({ projectId: 'org-1', isDcdn: true })
  })

  it('refuses every URL list with one bad URL, sending nothing', async () => {
    const fake = fakeClient()
    const error = await rejection(prefetchUrls(fake.deps, [...urlsOf(1999), 'ftp://x/y'], {}))
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'urls', source: 'input' })
    expect(error.message).toContain('1 of 2000 URLs cannot be submitted: "ftp://x/y" (not http or https)')
    expect(fake.calls).toEqual([])
  })

  it.each([
    [
      { intervalMs: -1 },
      'intervalMs',
      'prefetchUrls: intervalMs must be a number of milliseconds ≥ 0, got -1.',
    ],
    [
      { intervalMs: Number.NaN },
      'intervalMs',
      'prefetchUrls: intervalMs must be a number of milliseconds ≥ 0, got NaN.',
    ],
    [{ onProgress: 'x' }, 'onProgress', 'prefetchUrls: onProgress must be a function, got "x".'],
    [{ isDcdn: 'yes' }, 'isDcdn', 'prefetchUrls: isDcdn must be a boolean, got "yes".'],
    [{ projectId: '' }, 'projectId', 'prefetchUrls: projectId must be a non-empty string, got "".'],
    [{ signal: {} }, 'signal', 'prefetchUrls: signal must be an AbortSignal, got an object.'],
    [
      { type: 'dir' },
      'type',
      'prefetchUrls: unknown option "type" (known: signal, intervalMs, onProgress, projectId, isDcdn).',
    ],
  ])('refuses options %j naming %s', async (options, field, message) => {
    const fake = fakeClient()
    const error = await rejection(prefetchUrls(fake.deps, urlsOf(1), options as never))
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field, message })
    expect(fake.calls).toEqual([])
  })

  it('refuses options that are not an object', async () => {
    const fake = fakeClient()
    const error = await rejection(prefetchUrls(fake.deps, urlsOf(1), 'fast' as never))
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'options',
      message: 'prefetchUrls options must be an object, got a string.',
    })
  })

  it('stops at an unknown outcome on the 2nd of 3 calls: nothing more is sent, and the error says where each URL stands', async () => {
    const fake = fakeClient({ fail: (n) => (n === 2 ? outcomeUnknown() : undefined) })
    const urls = urlsOf(2500)
    const progress: SubmitProgress[] = []
    const error = await rejection(prefetchUrls(fake.deps, urls, { onProgress: (p) => progress.push(p) }))
    expect(fake.calls).toHaveLength(2)
    expect(progress.map((p) => p.batch)).toEqual([1])
    expect(error.code).toBe('OUTCOME_UNKNOWN')
    expect(error.retryable).toBe(false)
    expect(error.submitted).toEqual({
      taskIds: ['t1'],
      pendingUrls: urls.slice(1000, 2000),
      notSubmittedUrls: urls.slice(2000),
    })
    expect(error.message).toBe(
      'PrefetchNewUcdnDomainCache may have reached the API, but no answer came; accepted before: task t1; 1000 URLs of unknown fate (look them up before submitting them again); 500 URLs not submitted (see error.submitted).',
    )
  })

  it('counts the batch of a call the API refused (RetCode 1203) as not submitted', async () => {
    const fake = fakeClient({ fail: (n) => (n === 2 ? apiError(1203) : undefined) })
    const urls = urlsOf(2500)
    const error = await rejection(prefetchUrls(fake.deps, urls, {}))
    expect(error).toMatchObject({ code: 'API_ERROR', retCode: 1203, retryable: false })
    expect(error.submitted).toEqual({ taskIds: ['t1'], pendingUrls: [], notSubmittedUrls: urls.slice(1000) })
  })

  it('leaves a failure of the first call retryable when it proves nothing was done', async () => {
    const network = new UcdnError({ code: 'NETWORK_ERROR', message: 'could not reach the API.' })
    const fake = fakeClient({ fail: () => network })
    const urls = urlsOf(3)
    const error = await rejection(prefetchUrls(fake.deps, urls, {}))
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', retryable: true })
    expect(error.submitted).toEqual({ taskIds: [], pendingUrls: [], notSubmittedUrls: urls })
  })

  it('counts an answer without a TaskId as of unknown fate (INVALID_RESPONSE)', async () => {
    const fake = fakeClient()
    const deps = { ...fake.deps, send: (async () => ({ requestId: 'req-9' })) as unknown as CacheSend }
    const urls = urlsOf(1200)
    const error = await rejection(prefetchUrls(deps, urls, {}))
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', requestId: 'req-9', retryable: false })
    expect(error.submitted).toEqual({
      taskIds: [],
      pendingUrls: urls.slice(0, 1000),
      notSubmittedUrls: urls.slice(1000),
    })
  })

  it('stops when onProgress throws, saying what was accepted', async () => {
    const fake = fakeClient()
    const boom = new Error('boom')
    const urls = urlsOf(2001)
    const error = await rejection(
      prefetchUrls(fake.deps, urls, {
        onProgress: () => {
          throw boom
        },
      }),
    )
    expect(fake.calls).toHaveLength(1)
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'onProgress', cause: boom })
    expect(error.submitted).toEqual({ taskIds: ['t1'], pendingUrls: [], notSubmittedUrls: urls.slice(1000) })
  })

  it('stops at an abort while pacing, sending nothing more', async () => {
    const controller = new AbortController()
    let sleeping: ((ms: number) => void) | undefined
    const started = new Promise<number>((resolve) => {
      sleeping = resolve
    })
    // A sleep that honours its signal, as the client's does.
    const fake = fakeClient({
      sleep: (ms, signal) =>
        new Promise((_, reject) => {
          sleeping?.(ms)
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true })
        }),
    })
    const urls = urlsOf(2500)
    const pending = rejection(prefetchUrls(fake.deps, urls, { signal: controller.signal }))
    expect(await started).toBe(10_000)
    controller.abort(new Error('user cancelled'))
    const error = await pending
    expect(fake.calls).toHaveLength(1)
    expect(fake.calls[0]?.signal).toBe(controller.signal)
    expect(error).toMatchObject({ code: 'ABORTED', action: 'PrefetchNewUcdnDomainCache', retryable: false })
    expect(error.submitted).toEqual({ taskIds: ['t1'], pendingUrls: [], notSubmittedUrls: urls.slice(1000) })
  })

  it('stops at an abort while pacing even when the sleep ignores the signal', async () => {
    const controller = new AbortController()
    const fake = fakeClient({ sleep: () => new Promise(() => {}) })
    const pending = rejection(prefetchUrls(fake.deps, urlsOf(1001), { signal: controller.signal }))
    await new Promise((resolve) => setTimeout(resolve, 5))
    controller.abort()
    const error = await pending
    expect(error.code).toBe('ABORTED')
    expect(fake.calls).toHaveLength(1)
  })

  it('sends nothing when the signal has already fired', async () => {
    const fake = fakeClient()
    const urls = urlsOf(2)
    const error = await rejection(prefetchUrls(fake.deps, urls, { signal: AbortSignal.abort() }))
    expect(error.code).toBe('ABORTED')
    expect(error.submitted).toEqual({ taskIds: [], pendingUrls: [], notSubmittedUrls: urls })
    expect(fake.calls).toEqual([])
  })

  it('counts the batch in flight when the call is aborted as of unknown fate', async () => {
    const aborted = new UcdnError({ code: 'ABORTED', message: 'cancelled.' })
    const fake = fakeClient({ fail: (n) => (n === 1 ? aborted : undefined) })
    const urls = urlsOf(5)
    const error = await rejection(prefetchUrls(fake.deps, urls, {}))
    expect(error.submitted).toEqual({ taskIds: [], pendingUrls: urls, notSubmittedUrls: [] })
  })

  it('rethrows an error that is not a UcdnError (a bug) untouched', async () => {
    const bug = new TypeError('bug')
    const fake = fakeClient({ fail: () => bug })
    await expect(prefetchUrls(fake.deps, urlsOf(1), {})).rejects.toBe(bug)
  })
})

describe('refreshUrls', () => {
  it('refreshes files by default, 100 URLs a call', async () => {
    const fake = fakeClient()
    const result = await refreshUrls(fake.deps, urlsOf(250), { intervalMs: 0 })
    expect(result.taskIds).toEqual(['t1', 't2', 't3'])
    expect(fake.batchSizes()).toEqual([100, 100, 50])
    expect(fake.calls.map((c) => [c.action, c.params.type])).toEqual([
      ['RefreshNewUcdnDomainCache', 'file'],
      ['RefreshNewUcdnDomainCache', 'file'],
      ['RefreshNewUcdnDomainCache', 'file'],
    ])
  })

  it('sends the type asked for', async () => {
    const fake = fakeClient()
    await refreshUrls(fake.deps, ['https://cdn.example.com/live.m3u8'], { type: 'm3u8', projectId: 'p' })
    expect(fake.calls[0]?.params).toEqual({
      type: 'm3u8',
      urlList: ['https://cdn.example.com/live.m3u8'],
      projectId: 'p',
    })
  })

  it('refuses a dir refresh of a URL without its trailing /, sending nothing', async () => {
    const fake = fakeClient()
    const error = await rejection(
      refreshUrls(fake.deps, ['https://cdn.example.com/img/', 'https://cdn.example.com/css'], {
        type: 'dir',
      }),
    )
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'urls' })
    expect(error.message).toContain('"https://cdn.example.com/css" (a dir refresh URL must end with /)')
    expect(fake.calls).toEqual([])
  })

  it('refuses an unknown type', async () => {
    const fake = fakeClient()
    const error = await rejection(refreshUrls(fake.deps, urlsOf(1), { type: 'folder' as never }))
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'type',
      message: 'refreshUrls: type must be one of file, dir, m3u8, got "folder".',
    })
  })

  it('stops at a failure of the 2nd of 3 calls', async () => {
    const fake = fakeClient({ fail: (n) => (n === 2 ? outcomeUnknown() : undefined) })
    const urls = urlsOf(300)
    const error = await rejection(refreshUrls(fake.deps, urls, {}))
    expect(fake.calls).toHaveLength(2)
    expect(error.submitted).toEqual({
      taskIds: ['t1'],
      pendingUrls: urls.slice(100, 200),
      notSubmittedUrls: urls.slice(200),
    })
  })
})
