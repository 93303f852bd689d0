// The wire rows of the fault matrix on every transport: the default Node transport (undici, real sockets), the
// fetch transport under msw's setupServer, and the fetch transport with a caller's `fetch` (Node's own). A
// redirect is never followed with a signed request; gzip, deflate and br are asked for and decoded; a BOM is
// treated alike; the size limit counts decoded bytes.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { UcdnClient, type UcdnClientOptions, type UcdnError } from '@scloud/ucdn'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CANARY } from '../support/keys.js'
import { activeResources, leftAbove } from '../support/leaks.js'
import { MAX_RESPONSE_BYTES, WIRE_ROWS, type WireAnswer, type WireRow } from '../support/wire-table.js'

/** A local server answering every request with the current row's answer, counting requests. */
let server: Server
let current: WireAnswer | undefined
let requests: { acceptEncoding: string | undefined }[] = []
let serverUrl = ''
beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      requests.push({ acceptEncoding: request.headers['accept-encoding'] })
      const answer = current as WireAnswer
      response.writeHead(answer.status, answer.headers)
      response.end(answer.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** One call of the row; `ownSockets` false when the sockets are the caller's fetch's (its global pool). */
async function run(row: WireRow, options: UcdnClientOptions & { baseUrl: string }, ownSockets = true) {
  current = row.answer()
  requests = []
  const baseline = activeResources()
  const client = new UcdnClient({
    credentials: CANARY,
    env: {},
    maxRetries: 2,
    maxResponseBytes: MAX_RESPONSE_BYTES,
    sleep: async () => {},
    ...options,
  })
  const outcome = await client.describePrefetchTasks().catch((error: unknown) => error as UcdnError)
  await client.close()
  if (ownSockets) expect(await leftAbove(baseline)).toEqual({})
  return outcome
}

function expectRow(row: WireRow, outcome: unknown, requestCount: number) {
  if (row.code === undefined) {
    expect(outcome).toMatchObject({ totalCount: row.totalCount })
  } else {
    expect(outcome).toMatchObject({ code: row.code, attempts: 1, retryable: false })
    if (row.httpStatus !== undefined) expect(outcome).toMatchObject({ httpStatus: row.httpStatus })
    const message = (outcome as Error).message
    if (row.says !== undefined) expect(message).toContain(row.says)
    if (row.neverSays !== undefined) expect(JSON.stringify(outcome)).not.toContain(row.neverSays)
    if (row.neverSays !== undefined) expect(message).not.toContain(row.neverSays)
  }
  expect(requestCount).toBe(1)
}

describe('wire rows: the default Node transport (undici, real sockets)', () => {
  it.each(WIRE_ROWS.map((row) => [row.name, row] as const))('%s', async (_, row) => {
    const outcome = await run(row, { baseUrl: serverUrl })
    expectRow(row, outcome, requests.length)
    expect(requests[0]?.acceptEncoding).toBe('gzip, deflate, br')
  })
})

describe("wire rows: the fetch transport with a caller's fetch (Node's)", () => {
  it.each(WIRE_ROWS.map((row) => [row.name, row] as const))('%s', async (_, row) => {
    let redirectModes: (RequestRedirect | undefined)[] = []
    const fetch: typeof globalThis.fetch = (input, init) => {
      redirectModes.push(init?.redirect)
      return globalThis.fetch(input, init)
    }
    redirectModes = []
    const outcome = await run(row, { baseUrl: serverUrl, fetch }, false)
    expectRow(row, outcome, requests.length)
    expect(redirectModes).toEqual(['manual'])
  })
})

describe('wire rows: the fetch transport under msw', () => {
  const BASE_URL = 'https://api.wire-faults.test'
  let mswRequests = 0
  let elsewhere = 0
  const msw = setupServer(
    http.post(`${BASE_URL}/`, () => {
      mswRequests++
      const answer = current as WireAnswer
      return new HttpResponse(answer.body, { status: answer.status, headers: answer.headers })
    }),
    http.all('https://elsewhere.example:8443/*', () => {
      elsewhere++
      return HttpResponse.json({ RetCode: 0, Action: 'stolen', TotalCount: 99 })
    }),
  )
  beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => msw.close())

  it.each(WIRE_ROWS.map((row) => [row.name, row] as const))('%s', async (_, row) => {
    mswRequests = 0
    elsewhere = 0
    const outcome = await run(row, { baseUrl: BASE_URL })
    if (row.mswCannotDecode) {
      expect(outcome).toMatchObject({ code: 'INVALID_RESPONSE', attempts: 1, source: 'response' })
    } else expectRow(row, outcome, mswRequests)
    expect(elsewhere).toBe(0)
  })
})
