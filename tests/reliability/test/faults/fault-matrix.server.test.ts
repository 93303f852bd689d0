// The fault matrix over real sockets: the standalone mock server and the SDK's default Node transport (undici
// keep-alive pool). After each row the client is closed and the server must have no connection left open.
import { UcdnClient, UcdnError } from '@scloud/ucdn'
import { createPrefetchBackend } from '@scloud/ucdn-mock'
import { type MockServer, startMockServer } from '@scloud/ucdn-mock/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defineFaultMatrix, ELAPSED_BOUND_MS } from '../support/fault-harness.js'
import { MAX_ATTEMPTS, MAX_RETRIES, TIMEOUT_MS } from '../support/fault-table.js'
import { CANARY, KEY_PAIRS } from '../support/keys.js'
import { activeResources, leftAbove, settled, trackServerSockets } from '../support/leaks.js'
import { startRawServer } from '../support/raw-server.js'

const sockets = trackServerSockets()
let mock: MockServer

beforeAll(async () => {
  mock = await startMockServer({ keyPairs: KEY_PAIRS, backend: createPrefetchBackend() })
})
afterAll(async () => {
  await mock.close()
  sockets.dispose()
})

async function noOpenServerSockets(): Promise<void> {
  const open = await settled(() => (sockets.open() === 0 ? undefined : sockets.open()))
  expect(open, 'server connections still open after client.close()').toBeUndefined()
}

describe('fault matrix: standalone mock server, undici transport', () => {
  defineFaultMatrix({ target: () => mock, socket: true, afterEachCheck: noOpenServerSockets })
})

describe('socket-level faults the mock cannot inject', () => {
  const attempt = async (url: string, timeoutMs = TIMEOUT_MS) => {
    const baseline = activeResources()
    const client = new UcdnClient({
      credentials: CANARY,
      baseUrl: url,
      env: {},
      timeoutMs,
      maxRetries: MAX_RETRIES,
      sleep: async () => {},
    })
    const started = performance.now()
    const error = await client.describePrefetchTasks().catch((e: unknown) => e)
    const elapsedMs = performance.now() - started
    await client.close()
    expect(await leftAbove(baseline)).toEqual({})
    expect(error).toBeInstanceOf(UcdnError)
    return { error: error as UcdnError, elapsedMs }
  }

  it('a body cut off before its Content-Length → NETWORK_ERROR, retried, no socket left', async () => {
    const raw = await startRawServer((socket) => {
      socket.end(
        'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"RetCode":0,"Action":"Desc',
      )
    })
    try {
      const { error, elapsedMs } = await attempt(raw.url)
      expect([error.code, error.attempts, error.retryable]).toEqual(['NETWORK_ERROR', MAX_ATTEMPTS, true])
      expect(raw.connections()).toBe(MAX_ATTEMPTS)
      expect(elapsedMs).toBeLessThan(ELAPSED_BOUND_MS)
    } finally {
      await raw.close()
    }
  })

  it('a server that accepts and never answers → TIMEOUT after every attempt', async () => {
    const raw = await startRawServer(() => {})
    try {
      const { error, elapsedMs } = await attempt(raw.url)
      expect([error.code, error.attempts, error.retryable]).toEqual(['TIMEOUT', MAX_ATTEMPTS, true])
      expect(elapsedMs).toBeLessThan(ELAPSED_BOUND_MS)
    } finally {
      await raw.close()
    }
  })

  it('a body that never ends → INVALID_RESPONSE at the default 64 MiB limit, not retried, socket dropped', async () => {
    let sent = 0
    let requests = 0
    const raw = await startRawServer((socket) => {
      requests++
      const head = '{"RetCode":0,"Action":"X","P":"'
      socket.write(
        'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n' +
          `${head.length.toString(16)}\r\n${head}\r\n`,
      )
      const chunk = `100000\r\n${'x'.repeat(0x100000)}\r\n` // 1 MiB of a string that never closes
      const pump = () => {
        while (!socket.destroyed && sent < 1024) {
          sent++
          if (!socket.write(chunk)) return void socket.once('drain', pump)
        }
      }
      pump()
    })
    try {
      // 64 MiB takes a while on a loaded machine: a per-attempt timeout that cannot come first.
      const { error } = await attempt(raw.url, 60_000)
      expect([error.code, error.attempts, error.retryable]).toEqual(['INVALID_RESPONSE', 1, false])
      expect(error.message).toContain('maxResponseBytes (67108864 bytes)')
      // One request; undici may open a spare socket after the abort destroyed the first (closed by close()).
      expect(requests).toBe(1)
      expect(sent).toBeLessThan(200) // stopped near 64 MiB, not after the server's 1 GiB
    } finally {
      await raw.close()
    }
  })

  it('connection refused → NETWORK_ERROR, retried', async () => {
    const raw = await startRawServer(() => {})
    const url = raw.url
    await raw.close()
    const { error, elapsedMs } = await attempt(url)
    expect([error.code, error.attempts, error.retryable]).toEqual(['NETWORK_ERROR', MAX_ATTEMPTS, true])
    expect(error.message).toMatch(/ECONNREFUSED/)
    expect(elapsedMs).toBeLessThan(ELAPSED_BOUND_MS)
  })
})
