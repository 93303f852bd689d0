// Injected faults as a client sees them through fetch: HTTP failures, API errors, broken bodies, a dropped
// connection, latency and a slow body. Waits go through an injected sleep, so no test waits for real.
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createFaultInjector, createUcdnHandlers, type Sleep } from '../../src/index.js'
import { realSleep } from '../../src/sleep.js'
import { ACTION, apiJson, formRequest, sign } from '../support/requests.js'

/** A sleep the test releases by hand. */
function controlledSleep() {
  const waits: { ms: number; release: () => void }[] = []
  const sleep: Sleep = (ms, signal) =>
    new Promise((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true })
      waits.push({ ms, release: resolve })
    })
  return { sleep, waits }
}

const waiting = controlledSleep()
const faults = createFaultInjector({ sleep: waiting.sleep })
const server = setupServer(...createUcdnHandlers({ faults }))
const call = () => fetch(formRequest(sign({ Action: ACTION })))
const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  faults.clear()
  waiting.waits.length = 0
})
afterAll(() => server.close())

describe('faults seen through fetch', () => {
  it.each([500, 502, 503, 504] as const)(
    'HTTP %i, then the normal answer once the fault is used up',
    async (status) => {
      faults.add({ kind: 'http', status })
      const failed = await call()
      expect(failed.status).toBe(status)
      expect(failed.headers.get('x-ucloud-request-uuid')).toBeNull()
      expect((await apiJson(await call())).body).toMatchObject({ RetCode: 0 })
    },
  )

  it('HTTP 429 with Retry-After in seconds', async () => {
    faults.add({ kind: 'http', status: 429, retryAfter: 3 })
    const response = await call()
    expect([response.status, response.headers.get('retry-after')]).toEqual([429, '3'])
  })

  it.each([110, 150, 153, 171, 8_001])('RetCode %i as an API error answer', async (retCode) => {
    faults.add({
      kind: 'retCode',
      retCode,
      message: retCode === 8_001 ? 'Prefetch quota exceeded' : undefined,
    })
    const { body, requestId } = await apiJson(await call())
    expect(body).toMatchObject({ RetCode: retCode, Action: 'DescribeNewUcdnPrefetchCacheTaskResponse' })
    expect(typeof body.Message).toBe('string')
    expect(requestId).not.toBeNull()
  })

  it('a RetCode fault for `times` requests, then success, as a retrying client would see', async () => {
    faults.add({ kind: 'retCode', retCode: 150 }, { times: 2 })
    const codes = []
    for (let i = 0; i < 3; i++) codes.push((await apiJson(await call())).body.RetCode)
    expect(codes).toEqual([150, 150, 0])
  })

  it('only the requests a fault matches', async () => {
    faults.add(
      { kind: 'http', status: 503 },
      { times: Infinity, match: ({ params }) => params.Limit === '1' },
    )
    expect((await call()).status).toBe(200)
    expect((await fetch(formRequest(sign({ Action: ACTION, Limit: 1 })))).status).toBe(503)
  })

  it('malformed JSON with a JSON content type', async () => {
    faults.add({ kind: 'malformedJson' })
    const response = await call()
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    await expect(response.json()).rejects.toThrow(SyntaxError)
  })

  it('truncated JSON: the real answer cut off', async () => {
    faults.add({ kind: 'truncatedJson' })
    const text = await (await call()).text()
    expect(text.startsWith('{"RetCode":0,')).toBe(true)
    expect(() => JSON.parse(text)).toThrow(SyntaxError)
  })

  it('a connection reset: fetch rejects with a network error', async () => {
    faults.add({ kind: 'connectionReset' })
    await expect(call()).rejects.toThrow(TypeError)
    expect((await call()).status).toBe(200)
  })

  it('latency: the answer comes only once the wait is over', async () => {
    faults.add({ kind: 'latency', ms: 30_000 })
    let answered = false
    const pending = call().then((r) => {
      answered = true
      return r
    })
    while (waiting.waits.length === 0) await tick()
    expect(waiting.waits[0]!.ms).toBe(30_000)
    expect(answered).toBe(false)
    waiting.waits[0]!.release()
    expect((await apiJson(await pending)).body).toMatchObject({ RetCode: 0 })
  })

  it('latency: a client that aborts gets its AbortError and the wait ends', async () => {
    faults.add({ kind: 'latency', ms: 30_000 })
    const controller = new AbortController()
    const pending = fetch(formRequest(sign({ Action: ACTION })), { signal: controller.signal })
    while (waiting.waits.length === 0) await tick()
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('a slow body: headers at once, the body chunk by chunk', async () => {
    faults.add({ kind: 'slowBody', chunkDelayMs: 1_000, chunks: 2 })
    const response = await call()
    expect(response.status).toBe(200)
    const text = response.text()
    for (let i = 0; i < 2; i++) {
      while (waiting.waits.length <= i) await tick()
      waiting.waits[i]!.release()
    }
    expect(JSON.parse(await text)).toMatchObject({ RetCode: 0 })
    expect(waiting.waits.map((w) => w.ms)).toEqual([1_000, 1_000])
  })
})

describe('real timers', () => {
  it('a latency wait on a real timer ends as soon as the client aborts', async () => {
    const ended: string[] = []
    const tracked: Sleep = (ms, signal) =>
      realSleep(ms, signal).then(
        () => void ended.push('slept'),
        (reason: unknown) => {
          ended.push('aborted')
          throw reason
        },
      )
    const realFaults = createFaultInjector({ sleep: tracked })
    server.use(...createUcdnHandlers({ faults: realFaults }))
    realFaults.add({ kind: 'latency', ms: 600_000 })
    const controller = new AbortController()
    const pending = fetch(formRequest(sign({ Action: ACTION })), { signal: controller.signal })
    await tick()
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    while (ended.length === 0) await tick() // spins until the test times out if the wait ignored the abort
    expect(ended).toEqual(['aborted'])
  })
})
