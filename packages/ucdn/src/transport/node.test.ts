import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { type LocalServer, startLocalServer } from '../../test/helpers/local-server.js'
import { createDefaultTransport, globalFetchIsIntercepted } from './node.js'

let server: LocalServer
beforeAll(async () => {
  server = await startLocalServer()
})
afterAll(() => server.close())
afterEach(() => {
  vi.unstubAllGlobals()
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('fetch-interceptor')]
})

const post = (transport: ReturnType<typeof createDefaultTransport>) =>
  transport.fetch(`${server.url}/`, { method: 'POST', body: 'a=1' })

describe('the Node transport', () => {
  it('uses undici (not the global fetch) while nothing intercepts fetch', async () => {
    const transport = createDefaultTransport({ maxResponseBytes: 1 << 20 })
    expect(globalFetchIsIntercepted()).toBe(false)
    const response = await post(transport)
    // Node's global fetch answers a WHATWG Response and sends "user-agent: node"; undici's request does neither.
    expect(response).not.toBeInstanceOf(Response)
    expect(server.requests.at(-1)?.headers['user-agent']).toBeUndefined()
    await transport.close()
  })

  it('uses the global fetch once it has been replaced after load (vi.stubGlobal, polyfills)', async () => {
    const transport = createDefaultTransport({ maxResponseBytes: 1 << 20 })
    const stub = vi.fn(async () => new Response('{}'))
    vi.stubGlobal('fetch', stub)
    expect(globalFetchIsIntercepted()).toBe(true)
    await post(transport)
    expect(stub).toHaveBeenCalledTimes(1)
    await transport.close()
  })

  it("uses the global fetch while @mswjs/interceptors' fetch interceptor is registered", async () => {
    const transport = createDefaultTransport({ maxResponseBytes: 1 << 20 })
    ;(globalThis as Record<symbol, unknown>)[Symbol.for('fetch-interceptor')] = {}
    expect(globalFetchIsIntercepted()).toBe(true)
    const response = await post(transport)
    expect(response).toBeInstanceOf(Response)
    expect(server.requests.at(-1)?.headers['user-agent']).toBe('node')
    await transport.close()
  })
})
