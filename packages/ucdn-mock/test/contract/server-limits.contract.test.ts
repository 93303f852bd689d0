// The standalone server against clients that misbehave on the socket (issue #14 findings 3 and 4): request
// targets URL parsing refuses, stalled headers and bodies, idle keep-alive connections, too many connections.
import { connect, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { UcdnBackend } from '../../src/index.js'
import {
  DEFAULT_SERVER_LIMITS,
  type MockServer,
  type MockServerOptions,
  startMockServer,
} from '../../src/node.js'
import { ACTION, sign } from '../support/requests.js'

const servers: MockServer<UcdnBackend>[] = []
const sockets: Socket[] = []
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function start(options: MockServerOptions = {}) {
  const server = await startMockServer(options)
  servers.push(server)
  return { server, port: Number(new URL(server.url).port) }
}

/** A raw connection: what it received, whether and when the server closed it. */
function open(port: number) {
  const socket = connect(port, '127.0.0.1')
  sockets.push(socket)
  const opened = Date.now()
  let received = ''
  socket.setEncoding('utf8')
  socket.on('data', (chunk: string) => {
    received += chunk
  })
  socket.on('error', () => {})
  const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - opened)))
  const connected = new Promise<void>((resolve) => socket.on('connect', () => resolve()))
  return { socket, closed, connected, received: () => received }
}

/** Sends `head` (and nothing more) and resolves with all the server sent before closing. */
async function exchange(port: number, text: string): Promise<string> {
  const connection = open(port)
  connection.socket.end(text)
  await connection.closed
  return connection.received()
}

const query = () =>
  new URLSearchParams(Object.entries(sign({ Action: ACTION })).map(([k, v]) => [k, String(v)])).toString()

describe('request targets', () => {
  it('serves //?Action=… as /, as a client whose base URL ends in / sends it (UCloud’s Go SDK)', async () => {
    const { port } = await start()
    const answer = await exchange(port, `GET //?${query()} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
    expect(answer).toMatch(/^HTTP\/1\.1 200 /)
    expect(answer).toContain('"RetCode":0')
  })

  it('serves //?Action=… under a basePath too (/ucdn//)', async () => {
    const { port } = await start({ basePath: '/ucdn' })
    const answer = await exchange(
      port,
      `GET /ucdn//?${query()} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    )
    expect(answer).toContain('"RetCode":0')
  })

  it.each([
    ['an absolute URL with a broken host', 'http://[/', 400],
    ['a target that is neither a path nor a URL', 'x?Action=y', 400],
    ['an odd path, which is no API path', '//[', 404],
  ])('answers %s with an HTTP error, never 500', async (_, target, status) => {
    const { port } = await start()
    const answer = await exchange(port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
    expect(answer).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `))
  })
})

describe('timeouts and the connection cap', () => {
  it('has bounded defaults', () => {
    expect(DEFAULT_SERVER_LIMITS).toEqual({
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 1_000,
    })
  })

  it('cuts off a stalled body after requestTimeoutMs with HTTP 408', async () => {
    const { port } = await start({ requestTimeoutMs: 300 })
    const connection = open(port)
    connection.socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nAction=Desc')
    const afterMs = await connection.closed
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /)
    expect(afterMs).toBeGreaterThanOrEqual(250)
    expect(afterMs).toBeLessThan(2_000)
  })

  it('cuts off stalled headers after headersTimeoutMs', async () => {
    const { port } = await start({ requestTimeoutMs: 5_000, headersTimeoutMs: 200 })
    const connection = open(port)
    connection.socket.write('GET / HTTP/1.1\r\nHost: x\r\n')
    const afterMs = await connection.closed
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /)
    expect(afterMs).toBeLessThan(2_000)
  })

  it('closes an idle keep-alive connection after keepAliveTimeoutMs', async () => {
    const { port } = await start({ keepAliveTimeoutMs: 200 })
    const connection = open(port)
    connection.socket.write(`GET /?${query()} HTTP/1.1\r\nHost: x\r\n\r\n`)
    const afterMs = await connection.closed
    expect(connection.received()).toContain('"RetCode":0')
    expect(afterMs).toBeGreaterThanOrEqual(150)
    expect(afterMs).toBeLessThan(2_000)
  })

  it('refuses connections past maxConnections, and takes new ones once there is room', async () => {
    const { port } = await start({ maxConnections: 1 })
    const first = open(port)
    await first.connected
    await new Promise((resolve) => setTimeout(resolve, 50)) // the server has accepted it
    const second = open(port)
    second.socket.write(`GET /?${query()} HTTP/1.1\r\nHost: x\r\n\r\n`)
    await second.closed
    expect(second.received()).toBe('')
    first.socket.destroy()
    await first.closed
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(
      await exchange(port, `GET /?${query()} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
    ).toContain('"RetCode":0')
  })

  it.each<[string, MockServerOptions, string]>([
    [
      'a zero requestTimeoutMs',
      { requestTimeoutMs: 0 },
      'requestTimeoutMs must be a positive whole number of ms',
    ],
    [
      'a fractional maxConnections',
      { maxConnections: 1.5 },
      'maxConnections must be a positive whole number',
    ],
    ['keepAliveTimeoutMs as a string', { keepAliveTimeoutMs: '5' as never }, 'keepAliveTimeoutMs must be'],
    [
      'headers allowed longer than the whole request',
      { requestTimeoutMs: 1_000, headersTimeoutMs: 2_000 },
      'headersTimeoutMs (2000) must not exceed requestTimeoutMs (1000)',
    ],
  ])('refuses %s with INVALID_OPTION', async (_, options, message) => {
    await expect(start(options)).rejects.toMatchObject({
      code: 'INVALID_OPTION',
      message: expect.stringContaining(message),
    })
  })
})
