// Both wire transports over real sockets, held to the same answers: compressed bodies, bombs, BOMs, redirects,
// refused and reset connections, timeouts and aborts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { bomb, encoded, redirect, TEST_CODINGS } from '../../test/helpers/encoded-answers.js'
import { json, type LocalServer, reset, startLocalServer } from '../../test/helpers/local-server.js'
import { createFetchTransport } from './fetch-transport.js'
import { createNodeTransport } from './node-transport.js'
import { TransportError, type WireRequest, type WireTransport } from './wire.js'

let server: LocalServer
let elsewhere: LocalServer
beforeAll(async () => {
  server = await startLocalServer()
  elsewhere = await startLocalServer()
})
afterAll(async () => {
  await server.close()
  await elsewhere.close()
})

const opened: WireTransport[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((t) => t.close({ force: true })))
  server.reset()
  elsewhere.reset()
})

const transports: Record<string, () => WireTransport> = {
  node: () => createNodeTransport(),
  // Node's global fetch (undici's fetch): the same code path a browser or a caller's fetch takes.
  fetch: () => createFetchTransport({ fetch: (input, init) => fetch(input, init) }),
}

const wire = (overrides: Partial<WireRequest> = {}): WireRequest => ({
  url: `${server.url}/`,
  body: 'Action=DescribeNewUcdnPrefetchCacheTask&Signature=secret-signature',
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

const ANSWER = JSON.stringify({ RetCode: 0, Action: 'X', Message: 'prefetch 预热 ✓', Pad: 'x'.repeat(5000) })

describe.each(Object.keys(transports))('the %s wire transport', (name) => {
  const transport = () => {
    const created = transports[name]!()
    opened.push(created)
    return created
  }

  it('POSTs the form body with its headers and answers status, headers and text', async () => {
    server.enqueue(json({ RetCode: 0 }, 200, { 'x-ucloud-request-uuid': 'abc' }))
    const response = await transport().send(wire())
    const received = server.requests.at(-1)
    expect(received).toMatchObject({ method: 'POST', url: '/', body: wire().body })
    expect(received?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(response.status).toBe(200)
    expect(response.header('x-ucloud-request-uuid')).toBe('abc')
    expect(response.header('missing')).toBeUndefined()
    expect(response.body).toBe('{"RetCode":0}')
  })

  it.each(TEST_CODINGS)('decodes a %s body that arrives in pieces', async (coding) => {
    server.enqueue(encoded(coding, ANSWER))
    const response = await transport().send(wire())
    expect(response.body).toBe(ANSWER)
    expect(response.header('x-ucloud-request-uuid')).toBe('req-encoded')
  })

  it.each(['gzip', 'br'] as const)('stops a %s bomb at maxResponseBytes of decoded bytes', async (coding) => {
    const attack = bomb(coding)
    server.enqueue(attack.handler)
    const error = await failure(transport().send(wire({ maxResponseBytes: 256 * 1024 })))
    expect([error.kind, error.sent, error.httpStatus]).toEqual(['too-large', true, 200])
    // Without the decoded limit the client would read on to the compressed limit (≥ 256 MiB of zeros in gzip,
    // all of the 1 GiB in br): the server stops soon after the socket is dropped.
    expect(attack.produced()).toBeLessThan(128)
  })

  it('refuses a Content-Length over maxResponseBytes before reading the body', async () => {
    server.enqueue(json({ Pad: 'x'.repeat(2000) }))
    const error = await failure(transport().send(wire({ maxResponseBytes: 1000 })))
    expect([error.kind, error.sent, error.httpStatus]).toEqual(['too-large', true, 200])
  })

  it.each([
    ['a plain', (body: string) => json(body)],
    ['a gzip', (body: string) => encoded('gzip', body)],
  ])('removes one leading UTF-8 BOM from %s body, and only one', async (_kind, answer) => {
    server.enqueue(answer('\uFEFF{"RetCode":0}'), answer('\uFEFF\uFEFF{}'), answer('{"A":"\uFEFF"}'))
    const t = transport()
    expect((await t.send(wire())).body).toBe('{"RetCode":0}')
    expect((await t.send(wire())).body).toBe('\uFEFF{}')
    expect((await t.send(wire())).body).toBe('{"A":"\uFEFF"}')
  })

  it('never follows a 307 to another origin: the error names only its origin, the origin gets nothing', async () => {
    server.enqueue(redirect(307, `${elsewhere.url}/steal/path?PublicKey=pk&Signature=sig`))
    const error = await failure(transport().send(wire()))
    expect([error.kind, error.sent, error.httpStatus, error.redirectOrigin]).toEqual([
      'redirect',
      true,
      307,
      elsewhere.url,
    ])
    expect(error.message).toContain(elsewhere.url)
    expect(error.message).not.toMatch(/steal|PublicKey|Signature/)
    // Give a follower every chance to have re-sent it.
    await transport().send(wire())
    expect(elsewhere.requests).toEqual([])
    expect(server.requests).toHaveLength(2)
  })

  it.each([
    [301, '/other/path?q=1', true],
    [302, undefined, false],
    [308, '::not a url::', true],
  ] as const)('refuses a %i (Location %s) without following it', async (status, location, origin) => {
    server.enqueue(redirect(status, location))
    const error = await failure(transport().send(wire()))
    expect([error.kind, error.httpStatus]).toEqual(['redirect', status])
    // A relative Location resolves against the API's own URL: its origin, still not followed.
    expect(error.redirectOrigin).toBe(origin ? server.url : undefined)
    expect(error.message).not.toContain('/other/path')
    expect(server.requests).toHaveLength(1)
  })

  it('a refused connection is `connect`, sent: false (safe to repeat any action)', async () => {
    const closed = await startLocalServer()
    const url = `${closed.url}/`
    await closed.close()
    const error = await failure(transport().send(wire({ url })))
    expect([error.kind, error.sent]).toEqual(['connect', false])
    expect(error.message).toContain('ECONNREFUSED')
  })

  it('a reset after the request was read is `network`, sent: true', async () => {
    server.enqueue(reset)
    const error = await failure(transport().send(wire()))
    expect([error.kind, error.sent]).toEqual(['network', true])
    expect(server.requests).toHaveLength(1)
  })

  it('tells the timeout (a TimeoutError reason) from the caller’s abort', async () => {
    server.enqueue(
      () => {},
      () => {},
    )
    const t = transport()
    const timeout = new AbortController()
    const timingOut = failure(t.send(wire({ signal: timeout.signal })))
    const caller = new AbortController()
    const aborting = failure(t.send(wire({ signal: caller.signal })))
    await until(() => server.requests.length === 2)
    timeout.abort(new DOMException('No answer within 5 ms.', 'TimeoutError'))
    caller.abort(new Error('user pressed stop'))
    expect(await timingOut).toMatchObject({ kind: 'timeout', sent: true, message: 'No answer within 5 ms.' })
    expect(await aborting).toMatchObject({ kind: 'aborted', sent: true })
  })

  it('an already aborted signal sends nothing (sent: false)', async () => {
    const error = await failure(transport().send(wire({ signal: AbortSignal.abort() })))
    expect([error.kind, error.sent]).toEqual(['aborted', false])
    expect(server.requests).toEqual([])
  })
})

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((r) => setTimeout(r, 2))
  expect(condition()).toBe(true)
}
