import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { hang, json, type LocalServer, reset, startLocalServer } from '../../test/helpers/local-server.js'
import { ATTEMPT_SCOPE, type ScopedInit, scopedSignal } from '../abort.js'
import { createUndiciTransport, DEFAULT_CONNECTIONS } from './undici-fetch.js'

let server: LocalServer
beforeAll(async () => {
  server = await startLocalServer()
})
afterAll(() => server.close())

const transports: ReturnType<typeof createUndiciTransport>[] = []
const transport = () => {
  const created = createUndiciTransport()
  transports.push(created)
  return created
}
afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close()))
  server.reset()
})

describe('createUndiciTransport', () => {
  it('sends method, headers and body, and answers like fetch (status, ok, headers.get, text, json, clone)', async () => {
    server.enqueue(json({ RetCode: 0 }, 200, { 'x-ucloud-request-uuid': 'abc' }))
    const response = await transport().fetch(`${server.url}/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'test-agent' },
      body: 'Action=X&TaskId.0=a',
    })
    const received = server.requests.at(-1)
    expect(received).toMatchObject({ method: 'POST', url: '/', body: 'Action=X&TaskId.0=a' })
    expect(received?.headers['user-agent']).toBe('test-agent')
    expect(received?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(response.status).toBe(200)
    expect(response.ok).toBe(true)
    expect(response.headers.get('X-UCLOUD-REQUEST-UUID')).toBe('abc')
    expect(response.headers.get('missing')).toBeNull()
    const copy = response.clone()
    expect(await response.text()).toBe('{"RetCode":0}')
    expect(await copy.json()).toEqual({ RetCode: 0 })
  })

  it('keeps connections alive between calls', async () => {
    const t = transport()
    const before = server.connections()
    for (let i = 0; i < 20; i++) await t.fetch(`${server.url}/`, { method: 'POST', body: 'a=1' })
    // undici frees a socket a tick after the body ends, so back-to-back calls may alternate between two.
    expect(server.connections() - before).toBeLessThanOrEqual(2)
  })

  it('caps the sockets per origin (64 by default), queueing further calls', async () => {
    const t = createUndiciTransport({ connections: 3 })
    transports.push(t)
    const before = server.connections()
    await Promise.all(
      Array.from({ length: 20 }, () => t.fetch(`${server.url}/`, { method: 'POST', body: '' })),
    )
    expect(server.connections() - before).toBeLessThanOrEqual(3)
    expect(DEFAULT_CONNECTIONS).toBe(64)
  })

  it('sends URLSearchParams bodies and keeps the query string', async () => {
    await transport().fetch(`${server.url}/path?x=1#fragment`, {
      method: 'POST',
      body: new URLSearchParams({ a: 'b c' }),
    })
    expect(server.requests.at(-1)).toMatchObject({ url: '/path?x=1', body: 'a=b+c' })
  })

  it('answers non-2xx statuses without throwing', async () => {
    server.enqueue(json('busy', 503, { 'retry-after': '2' }))
    const response = await transport().fetch(`${server.url}/`, { method: 'POST', body: '' })
    expect(response.status).toBe(503)
    expect(response.ok).toBe(false)
    expect(response.headers.get('Retry-After')).toBe('2')
  })

  it('rejects with the signal reason when aborted', async () => {
    server.enqueue(hang)
    const controller = new AbortController()
    const pending = transport().fetch(`${server.url}/`, {
      method: 'POST',
      body: '',
      signal: controller.signal,
    })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const reason = new Error('stop')
    controller.abort(reason)
    await expect(pending).rejects.toBe(reason)
  })

  it("cancels through the client's attempt scope, without an AbortSignal", async () => {
    server.enqueue(hang)
    const controller = new AbortController()
    const scope = scopedSignal(controller.signal, undefined, { setTimeout, clearTimeout })
    const init: ScopedInit = { method: 'POST', body: '', [ATTEMPT_SCOPE]: scope }
    const pending = transport().fetch(`${server.url}/`, init)
    await new Promise((resolve) => setTimeout(resolve, 5))
    controller.abort('stop')
    await expect(pending).rejects.toBe('stop')
    scope.dispose()
  })

  it('an abort while the call waits for a pooled socket rejects at once and never sends it', async () => {
    server.enqueue(hang)
    const t = createUndiciTransport({ connections: 1 })
    transports.push(t)
    const stopFirst = new AbortController()
    const first = t.fetch(`${server.url}/`, { method: 'POST', body: 'first', signal: stopFirst.signal })
    for (let i = 0; i < 500 && server.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 2))
    const controller = new AbortController()
    const queued = t.fetch(`${server.url}/`, { method: 'POST', body: 'queued', signal: controller.signal })
    controller.abort('never mind')
    await expect(queued).rejects.toBe('never mind')
    stopFirst.abort('done')
    await expect(first).rejects.toBe('done')
    await new Promise((r) => setTimeout(r, 20))
    expect(server.requests.map((r) => r.body)).toEqual(['first'])
  })

  it('reads a body that arrives in pieces, multi-byte characters split across them', async () => {
    server.enqueue((_request, response) => {
      const bytes = Buffer.from(JSON.stringify({ Message: 'prefetch 预热 ✓' }))
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write(bytes.subarray(0, 22)) // inside a three-byte character
      setTimeout(() => response.end(bytes.subarray(22)), 5)
    })
    const response = await transport().fetch(`${server.url}/`, { method: 'POST', body: '' })
    expect(await response.json()).toEqual({ Message: 'prefetch 预热 ✓' })
  })

  it('turns a connection reset into a TypeError carrying the cause, like fetch', async () => {
    server.enqueue(reset)
    const error = await transport()
      .fetch(`${server.url}/`, { method: 'POST', body: '' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).message).toMatch(/^fetch failed: /)
    expect((error as Error).cause).toBeInstanceOf(Error)
  })

  it('close() closes the pooled connections, and a later call opens a new one', async () => {
    const t = transport()
    await t.fetch(`${server.url}/`, { method: 'POST', body: '' })
    const connections = server.connections()
    await t.close()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(server.openConnections()).toBe(0)
    await t.fetch(`${server.url}/`, { method: 'POST', body: '' })
    expect(server.connections()).toBe(connections + 1)
  })
})
