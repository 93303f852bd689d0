import { describe, expect, it } from 'vitest'
import { answerWithFault } from './fault-answers.js'
import { type ApiAnswer, apiAnswer } from './responses.js'
import type { Sleep } from './sleep.js'

const answer: ApiAnswer = apiAnswer('req-1', 'DescribeNewUcdnPrefetchCacheTask', 0, {
  TotalCount: 0,
  TaskList: [],
})
const noWait: Sleep = async (_ms, signal) => {
  if (signal?.aborted) throw signal.reason
}

function context(overrides: { sleep?: Sleep; signal?: AbortSignal } = {}) {
  return {
    requestId: 'req-1',
    action: 'DescribeNewUcdnPrefetchCacheTask',
    signal: overrides.signal ?? new AbortController().signal,
    sleep: overrides.sleep ?? noWait,
    answer: async () => answer,
  }
}

/** A sleep that waits until the test releases it, recording each wait. */
function controlledSleep() {
  const waits: { ms: number; release: () => void }[] = []
  const sleep: Sleep = (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true })
      waits.push({ ms, release: resolve })
    })
  return { sleep, waits }
}

describe('answerWithFault', () => {
  it('answers normally without a fault', async () => {
    const response = await answerWithFault(undefined, context())
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(JSON.parse(answer.bodyText))
  })

  it('turns connectionReset into a network error', async () => {
    expect((await answerWithFault({ kind: 'connectionReset' }, context())).type).toBe('error')
  })

  it('answers an HTTP fault in plain text, without a request id, with Retry-After for 429', async () => {
    const busy = await answerWithFault({ kind: 'http', status: 429, retryAfter: 7 }, context())
    expect(busy.status).toBe(429)
    expect(busy.headers.get('retry-after')).toBe('7')
    expect(busy.headers.get('x-ucloud-request-uuid')).toBeNull()
    expect(await busy.text()).toBe('429 Too Many Requests')
    const down = await answerWithFault({ kind: 'http', status: 502 }, context())
    expect([down.status, down.headers.get('retry-after'), await down.text()]).toEqual([
      502,
      null,
      '502 Bad Gateway',
    ])
  })

  it('answers a RetCode fault as an API error, with the real message for known codes', async () => {
    const limited = await answerWithFault({ kind: 'retCode', retCode: 153 }, context())
    expect(limited.status).toBe(200)
    expect(limited.headers.get('x-ucloud-request-uuid')).toBe('req-1')
    expect(await limited.json()).toEqual({
      RetCode: 153,
      Action: 'DescribeNewUcdnPrefetchCacheTaskResponse',
      Message: 'Request rate limit exceeded',
    })
    const own = await answerWithFault({ kind: 'retCode', retCode: 8153, message: 'Task quota' }, context())
    expect(await own.json()).toMatchObject({ RetCode: 8153, Message: 'Task quota' })
  })

  it('sends malformed and truncated JSON that JSON.parse rejects', async () => {
    const malformed = await answerWithFault({ kind: 'malformedJson' }, context())
    expect(malformed.headers.get('content-type')).toMatch(/^application\/json/)
    await expect(malformed.json()).rejects.toThrow(SyntaxError)
    const truncated = await answerWithFault({ kind: 'truncatedJson' }, context())
    const text = await truncated.text()
    expect(answer.bodyText.startsWith(text)).toBe(true)
    expect(text.length).toBe(Math.floor(answer.bodyText.length / 2))
    expect(() => JSON.parse(text)).toThrow(SyntaxError)
  })

  it('delays the real answer by the latency, through the injected sleep', async () => {
    const { sleep, waits } = controlledSleep()
    const pending = answerWithFault({ kind: 'latency', ms: 30_000 }, context({ sleep }))
    await Promise.resolve()
    expect(waits.map((w) => w.ms)).toEqual([30_000])
    waits[0]!.release()
    expect(await (await pending).json()).toEqual(JSON.parse(answer.bodyText))
  })

  it('gives up a latency wait when the request aborts', async () => {
    const { sleep } = controlledSleep()
    const controller = new AbortController()
    const pending = answerWithFault(
      { kind: 'latency', ms: 30_000 },
      context({ sleep, signal: controller.signal }),
    )
    controller.abort()
    expect((await pending).type).toBe('error')
  })

  it('streams a slow body in the given number of chunks, one wait before each', async () => {
    const { sleep, waits } = controlledSleep()
    const response = await answerWithFault(
      { kind: 'slowBody', chunkDelayMs: 500, chunks: 3 },
      context({ sleep }),
    )
    expect(response.status).toBe(200)
    const reader = response.body!.getReader()
    const received: Uint8Array[] = []
    for (let i = 0; i < 3; i++) {
      const read = reader.read()
      await new Promise((r) => setTimeout(r, 0))
      expect(waits).toHaveLength(i + 1)
      waits[i]!.release()
      received.push((await read).value!)
    }
    expect((await reader.read()).done).toBe(true)
    expect(waits.map((w) => w.ms)).toEqual([500, 500, 500])
    expect(new TextDecoder().decode(Buffer.concat(received))).toBe(answer.bodyText)
  })

  it('errors a slow body when the request aborts mid-stream, leaving no wait pending', async () => {
    const { sleep, waits } = controlledSleep()
    const controller = new AbortController()
    const response = await answerWithFault(
      { kind: 'slowBody', chunkDelayMs: 500 },
      context({ sleep, signal: controller.signal }),
    )
    const reader = response.body!.getReader()
    const read = reader.read()
    await new Promise((r) => setTimeout(r, 0))
    expect(waits).toHaveLength(1)
    controller.abort(new Error('client gone'))
    await expect(read).rejects.toThrow('client gone')
  })

  it('stops waiting when the reader cancels the slow body', async () => {
    let aborted = false
    const sleep: Sleep = (_ms, signal) =>
      new Promise((_, reject) => {
        signal?.addEventListener('abort', () => {
          aborted = true
          reject(signal.reason)
        })
      })
    const response = await answerWithFault({ kind: 'slowBody', chunkDelayMs: 500 }, context({ sleep }))
    const reader = response.body!.getReader()
    void reader.read().catch(() => {})
    await new Promise((r) => setTimeout(r, 0))
    await reader.cancel()
    expect(aborted).toBe(true)
  })
})
