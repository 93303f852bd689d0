// What only the fetch transport meets: browsers' opaque redirects, fetches that follow redirects or ignore their
// signal anyway, msw's interception, and Node's fetch decoding errors.
import { gzipSync } from 'node:zlib'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { type LocalServer, startLocalServer } from '../../test/helpers/local-server.js'
import { createDefaultWireTransport as browserDefault } from './default-browser.js'
import { createDefaultWireTransport as nodeDefault } from './default-node.js'
import { createFetchTransport, type FetchLike } from './fetch-transport.js'
import { TransportError, type WireRequest } from './wire.js'

const wire = (overrides: Partial<WireRequest> = {}): WireRequest => ({
  url: 'https://api.example.test/',
  body: 'Action=X&Signature=sig-value',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  signal: undefined,
  maxResponseBytes: 1 << 20,
  ...overrides,
})

const failure = async (promise: Promise<unknown>): Promise<TransportError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(TransportError)
  return error as TransportError
}

const answering = (response: () => Response) => vi.fn<FetchLike>(async () => response())

describe('createFetchTransport', () => {
  it('asks fetch not to follow redirects and sends the signed form as it is', async () => {
    const fetch = answering(() => new Response('{}'))
    await createFetchTransport({ fetch }).send(wire())
    expect(fetch).toHaveBeenCalledWith('https://api.example.test/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=X&Signature=sig-value',
      redirect: 'manual',
    })
  })

  it("a browser's opaque redirect is `redirect`, saying the browser hid the target", async () => {
    const opaque = {
      type: 'opaqueredirect',
      status: 0,
      headers: new Headers(),
      body: null,
      redirected: false,
    }
    const error = await failure(
      createFetchTransport({ fetch: async () => opaque as unknown as Response }).send(wire()),
    )
    expect([error.kind, error.sent, error.redirectOrigin, error.httpStatus]).toEqual([
      'redirect',
      true,
      undefined,
      undefined,
    ])
    expect(error.message).toContain('the browser hides')
  })

  it('a fetch that followed a redirect anyway: its answer is refused, naming where it went', async () => {
    const followed = new Response('{"RetCode":0}')
    Object.defineProperties(followed, {
      redirected: { value: true },
      url: { value: 'https://evil.example:8443/collect?Signature=x' },
    })
    const error = await failure(createFetchTransport({ fetch: async () => followed }).send(wire()))
    expect([error.kind, error.redirectOrigin]).toEqual(['redirect', 'https://evil.example:8443'])
    expect(error.message).not.toContain('collect')
  })

  it('reads at most maxResponseBytes of a body without Content-Length', async () => {
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(1024))
      },
    })
    const error = await failure(
      createFetchTransport({ fetch: async () => new Response(endless) }).send(
        wire({ maxResponseBytes: 10_000 }),
      ),
    )
    expect([error.kind, error.httpStatus]).toEqual(['too-large', 200])
  })

  it('a fetch that ignores its signal still cannot hold an aborted call; a scope gives its signal', async () => {
    let seen: AbortSignal | undefined
    const fetch: FetchLike = (_url, init) => {
      seen = init.signal ?? undefined
      return new Promise<Response>(() => {})
    }
    const controller = new AbortController()
    const scope = {
      aborted: false,
      reason: undefined,
      timedOut: true,
      onAbort: () => () => {},
      signal: controller.signal,
    }
    const pending = failure(createFetchTransport({ fetch }).send(wire({ scope })))
    controller.abort(new DOMException('No answer within 10 ms.', 'TimeoutError'))
    expect(await pending).toMatchObject({ kind: 'timeout', sent: true })
    expect(seen).toBe(controller.signal)
  })

  it("a failure with no proof of never-sent (a browser's bare TypeError) is `network`, sent: true", async () => {
    const error = await failure(
      createFetchTransport({
        fetch: async () => {
          throw new TypeError('Failed to fetch')
        },
      }).send(wire()),
    )
    expect([error.kind, error.sent]).toEqual(['network', true])
  })
})

describe("Node's fetch through the fetch transport", () => {
  let server: LocalServer
  beforeAll(async () => {
    server = await startLocalServer()
  })
  afterAll(() => server.close())

  it('a corrupt gzip body is `decode`', async () => {
    server.enqueue((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' })
      response.end(Buffer.concat([gzipSync('{"RetCode":0}').subarray(0, 10), Buffer.from('garbage!')]))
    })
    const error = await failure(createFetchTransport().send(wire({ url: `${server.url}/` })))
    expect([error.kind, error.sent, error.httpStatus]).toEqual(['decode', true, 200])
  })
})

describe('under msw (setupServer)', () => {
  const stolen: string[] = []
  const msw = setupServer(
    http.post('https://api.example.test/', () =>
      HttpResponse.text('moved', {
        status: 307,
        headers: { location: 'https://collector.example.test/grab?Signature=abc' },
      }),
    ),
    http.post('https://collector.example.test/grab', async ({ request }) => {
      stolen.push(await request.text())
      return HttpResponse.json({ RetCode: 0, Action: 'DescribeNewUcdnPrefetchCacheTaskResponse' })
    }),
  )
  beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => msw.resetHandlers())
  afterAll(() => msw.close())

  it.each([
    ['Node', nodeDefault],
    ['browser', browserDefault],
  ])(
    'the %s default transport never re-POSTs the signed body to the Location origin',
    async (_name, create) => {
      const transport = create()
      const error = await failure(transport.send(wire()))
      await transport.close()
      expect([error.kind, error.httpStatus, error.redirectOrigin]).toEqual([
        'redirect',
        307,
        'https://collector.example.test',
      ])
      expect(stolen).toEqual([])
    },
  )
})

describe('the Node default transport', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('says an attempt settles by itself on abort on undici, not through a replaced global fetch', async () => {
    const transport = nodeDefault()
    expect(transport.settlesOnAbort?.()).toBe(true)
    // A fetch that ignores its signal (a test double, a polyfill): the retry loop must race it.
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<never>(() => {})),
    )
    expect(transport.settlesOnAbort?.()).toBe(false)
    await transport.close()
  })
})
