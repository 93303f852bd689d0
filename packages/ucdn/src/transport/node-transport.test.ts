// What only the Node transport does: asks for compression, decodes it itself (bad or unknown codings refused),
// proves `sent: false` from undici's lifecycle, follows the client's attempt scope, pools and closes sockets.
import { createServer, type Socket } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createFakeTime } from '../../test/helpers/fake-time.js'
import { hang, json, type LocalServer, startLocalServer } from '../../test/helpers/local-server.js'
import { scopedSignal } from '../abort.js'
import { createNodeTransport, DEFAULT_CONNECTIONS } from './node-transport.js'
import { type AttemptScope, TransportError, type WireRequest, type WireTransport } from './wire.js'

let server: LocalServer
beforeAll(async () => {
  server = await startLocalServer()
})
afterAll(() => server.close())

const opened: WireTransport[] = []
const transport = (options?: Parameters<typeof createNodeTransport>[0]) => {
  const created = createNodeTransport(options)
  opened.push(created)
  return created
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((t) => t.close({ force: true })))
  server.reset()
})

const wire = (overrides: Partial<WireRequest> = {}): WireRequest => ({
  url: `${server.url}/`,
  body: 'Action=X',
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

const raw =
  (headers: Record<string, string>, body: Buffer | string, status = 200) =>
  (_request: unknown, response: import('node:http').ServerResponse) => {
    response.writeHead(status, { 'x-ucloud-request-uuid': 'req-1', ...headers })
    response.end(body)
  }

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((r) => setTimeout(r, 2))
  expect(condition()).toBe(true)
}

describe('createNodeTransport: encodings', () => {
  it('asks for gzip, deflate and br', async () => {
    await transport().send(wire())
    expect(server.requests.at(-1)?.headers['accept-encoding']).toBe('gzip, deflate, br')
  })

  it('sends each request its own headers, also when a client reuses one frozen headers object', async () => {
    const sender = transport()
    const first = Object.freeze({ 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'ua-1' })
    const second = Object.freeze({
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'ua-2',
    })
    const changing: Record<string, string> = { 'content-type': 'text/plain', 'user-agent': 'ua-3' }
    await sender.send(wire({ headers: first }))
    await sender.send(wire({ headers: first }))
    await sender.send(wire({ headers: second }))
    await sender.send(wire({ headers: changing }))
    changing['user-agent'] = 'ua-4'
    await sender.send(wire({ headers: changing }))
    const seen = server.requests.slice(-5).map((r) => r.headers)
    expect(seen.map((h) => h['user-agent'])).toEqual(['ua-1', 'ua-1', 'ua-2', 'ua-3', 'ua-4'])
    expect(seen.map((h) => h['accept-encoding'])).toEqual(Array(5).fill('gzip, deflate, br'))
    expect(seen[3]?.['content-type']).toBe('text/plain')
  })

  it.each(['compress', 'zstd', 'gzip, br'])('refuses Content-Encoding %s as `decode`', async (coding) => {
    server.enqueue(raw({ 'content-encoding': coding }, 'whatever'))
    const error = await failure(transport().send(wire()))
    expect(error).toMatchObject({ kind: 'decode', sent: true, httpStatus: 200, requestId: 'req-1' })
    expect(error.message).toContain(coding)
  })

  it('takes `identity` and letter case as the HTTP grammar allows', async () => {
    server.enqueue(
      raw({ 'content-encoding': 'identity' }, '{"a":1}'),
      raw({ 'content-encoding': 'GZIP' }, gzipSync('{"a":2}')),
      raw({ 'content-encoding': 'identity, gzip' }, gzipSync('{"a":3}')),
    )
    const t = transport()
    for (const expected of ['{"a":1}', '{"a":2}', '{"a":3}'])
      expect((await t.send(wire())).body).toBe(expected)
  })

  it.each([
    ['corrupt', Buffer.from('this is not gzip at all')],
    ['truncated', gzipSync('{"RetCode":0,"Action":"X"}').subarray(0, 12)],
  ])('a %s gzip body is `decode`', async (_kind, body) => {
    server.enqueue(raw({ 'content-encoding': 'gzip' }, body))
    const error = await failure(transport().send(wire()))
    expect(error).toMatchObject({ kind: 'decode', sent: true, httpStatus: 200, requestId: 'req-1' })
  })

  it('counts compressed bytes too: an incompressible body past the limit is `too-large`', async () => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24))
    server.enqueue((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' }) // chunked: no Content-Length to check first
      response.end(gzipSync(noise, { level: 0 }))
    })
    const error = await failure(transport().send(wire({ maxResponseBytes: 4000 })))
    expect(error.kind).toBe('too-large')
  })
})

describe('createNodeTransport: sent, timeouts and aborts', () => {
  it('TLS that fails before the request was written is `connect`, sent: false, and no request reached the peer', async () => {
    const received: Buffer[] = []
    const peer = createServer((socket: Socket) => {
      socket.on('data', (chunk: Buffer) => {
        received.push(chunk)
        socket.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}')
      })
      socket.on('error', () => {})
    })
    await new Promise<void>((resolve) => peer.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = peer.address() as { port: number }
      const error = await failure(transport().send(wire({ url: `https://127.0.0.1:${port}/` })))
      expect([error.kind, error.sent]).toEqual(['connect', false])
      // The peer saw a TLS ClientHello (record type 22), never the form body.
      expect(received[0]?.[0]).toBe(22)
      expect(Buffer.concat(received).includes('Action=X')).toBe(false)
    } finally {
      await new Promise<void>((resolve) => peer.close(() => resolve()))
    }
  })

  it('a reset after the answer began is `network`, sent: true, with the status', async () => {
    server.enqueue((_request, response, socket) => {
      response.writeHead(200, { 'content-length': '100' })
      response.write('{"RetCode"')
      setImmediate(() => socket.destroy())
    })
    const error = await failure(transport().send(wire()))
    expect([error.kind, error.sent, error.httpStatus]).toEqual(['network', true, 200])
  })

  it("follows the client's attempt scope without ever asking it for an AbortSignal", async () => {
    const time = createFakeTime()
    const caller = new AbortController()
    const scopes = [
      scopedSignal(undefined, 1000, time.timers),
      scopedSignal(caller.signal, 60_000, time.timers),
    ]
    // A scope whose `signal` throws: the Node transport must not make one.
    const noSignal = (scope: AttemptScope): AttemptScope => ({
      get aborted() {
        return scope.aborted
      },
      get reason() {
        return scope.reason
      },
      get timedOut() {
        return scope.timedOut
      },
      onAbort: (callback) => scope.onAbort(callback),
      get signal(): AbortSignal {
        throw new Error('the Node transport asked for an AbortSignal')
      },
    })
    server.enqueue(hang, hang)
    const t = transport()
    const timingOut = failure(t.send(wire({ scope: noSignal(scopes[0]!) })))
    const aborted = failure(t.send(wire({ scope: noSignal(scopes[1]!) })))
    await until(() => server.requests.length === 2)
    await time.advance(1000)
    caller.abort(new Error('stop'))
    expect(await timingOut).toMatchObject({ kind: 'timeout', sent: true })
    expect(await aborted).toMatchObject({ kind: 'aborted', sent: true })
    for (const scope of scopes) scope.dispose()
  })

  it('an abort while the call waits for a pooled socket rejects at once (sent: false) and never sends it', async () => {
    server.enqueue(hang)
    const t = transport({ connections: 1 })
    const first = t.send(wire({ body: 'first' }))
    first.catch(() => {})
    await until(() => server.requests.length === 1)
    const controller = new AbortController()
    const queued = failure(t.send(wire({ body: 'queued', signal: controller.signal })))
    controller.abort(new Error('never mind'))
    expect(await queued).toMatchObject({ kind: 'aborted', sent: false })
    await t.close({ force: true })
    await new Promise((r) => setTimeout(r, 20))
    expect(server.requests.map((r) => r.body)).toEqual(['first'])
  })
})

describe('createNodeTransport: connections', () => {
  it('keeps connections alive between calls and caps them per origin (64 by default)', async () => {
    const t = transport()
    const before = server.connections()
    for (let i = 0; i < 10; i++) await t.send(wire())
    // undici frees a socket a tick after the body ends, so back-to-back calls may alternate between two.
    expect(server.connections() - before).toBeLessThanOrEqual(2)
    const capped = transport({ connections: 3 })
    const start = server.connections()
    await Promise.all(Array.from({ length: 20 }, () => capped.send(wire())))
    expect(server.connections() - start).toBeLessThanOrEqual(3)
    expect(DEFAULT_CONNECTIONS).toBe(64)
  })

  it('close({ force: true }) drops a stalled answer at once: the call fails, the socket is closed', async () => {
    server.enqueue((_request, response) => {
      response.writeHead(200, { 'content-length': '1000' })
      response.write('{"RetCode":') // and nothing more
    })
    const t = transport()
    const pending = failure(t.send(wire()))
    await until(() => server.requests.length === 1)
    await t.close({ force: true })
    expect(await pending).toMatchObject({ kind: 'network', sent: true })
    await until(() => server.openConnections() === 0)
  })

  it('close() lets a call in flight finish, then closes its socket; a later call opens a new one', async () => {
    let answer: (() => void) | undefined
    server.enqueue((_request, response) => {
      answer = () => response.end('{"late":true}')
    })
    const t = transport()
    const pending = t.send(wire())
    await until(() => answer !== undefined)
    let closed = false
    const closing = t.close().then(() => {
      closed = true
    })
    await new Promise((r) => setTimeout(r, 10))
    expect(closed).toBe(false)
    answer?.()
    expect((await pending).body).toBe('{"late":true}')
    await closing
    await until(() => server.openConnections() === 0)
    server.enqueue(json({ again: true }))
    expect((await t.send(wire())).body).toBe('{"again":true}')
  })
})
