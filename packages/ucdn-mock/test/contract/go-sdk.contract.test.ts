// UCloud's official Go SDK (github.com/ucloud/ucloud-sdk-go, pinned in test/go-sdk/go.mod and go.sum) against
// the standalone mock server, used as another team would: its typed UCDN requests, its default form encoder
// and its JSON encoder (lists as JSON arrays, unset lists as null, its own signing rules), a wrong key, and
// injected faults it reports or retries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createManualClock, createPrefetchBackend } from '../../src/index.js'
import { type MockServer, startMockServer } from '../../src/node.js'
import { countAttempts } from '../support/attempts.js'
import { toolAvailable } from '../support/real-client.js'
import { buildGoClient, goSdk, SDK_SETUP_TIMEOUT_MS, type SdkCall } from '../support/sdk-clients.js'

const hasGo = toolAvailable('go', ['version'], 'official Go SDK contract tests')

const T0 = Date.UTC(2026, 10, 29, 8, 0, 0)
let server: MockServer
let dispose = () => {}
const clients: Record<'form' | 'json', SdkCall> = {} as Record<'form' | 'json', SdkCall>

beforeAll(async () => {
  if (!hasGo) return
  const built = await buildGoClient()
  dispose = built.dispose
  for (const encoder of ['form', 'json'] as const)
    clients[encoder] = goSdk(built.binary, () => server.url, encoder)
  const backend = createPrefetchBackend({ clock: createManualClock(T0 + 60_000) })
  backend.addTask({ taskId: 'goTask1', createdAt: T0, urls: ['https://cdn.example.com/a.js'] })
  backend.addTask({ taskId: 'goTask2', createdAt: T0 + 1_000, urls: ['https://cdn.example.com/b.js'] })
  server = await startMockServer({ backend })
}, SDK_SETUP_TIMEOUT_MS)

afterAll(async () => {
  await server?.close()
  dispose()
})

type Job = {
  encoder: 'form' | 'json'
  params?: Record<string, unknown>
  privateKey?: string
  maxRetries?: number
}

function callGo({ encoder, params = {}, ...options }: Job) {
  return clients[encoder]('DescribeNewUcdnPrefetchCacheTask', params, options)
}

const query = {
  TaskId: ['goTask1', 'goTask2'],
  BeginTime: T0 / 1000 - 10,
  EndTime: T0 / 1000 + 10,
  Offset: 0,
  Limit: 10,
  IsDcdn: false,
}

describe.skipIf(!hasGo)('UCloud’s official Go SDK against the standalone mock', () => {
  it.each(['form', 'json'] as const)('describes prefetch tasks with its %s encoder', async (encoder) => {
    expect(await callGo({ encoder, params: query })).toMatchObject({
      ok: true,
      response: {
        RetCode: 0,
        Action: 'DescribeNewUcdnPrefetchCacheTaskResponse',
        TotalCount: 2,
        TaskList: [
          {
            TaskId: 'goTask2',
            Status: 'success',
            UrlLists: [{ Url: 'https://cdn.example.com/b.js', Progress: 100 }],
          },
          { TaskId: 'goTask1', Status: 'success' },
        ],
      },
    })
  })

  it('sends nothing set through its JSON encoder (TaskId as null) and is answered', async () => {
    expect(await callGo({ encoder: 'json', params: { BeginTime: T0 / 1000 - 10 } })).toMatchObject({
      ok: true,
      response: { RetCode: 0, TotalCount: 2 },
    })
  })

  it.each(['form', 'json'] as const)(
    'is refused with 171 under a wrong private key (%s)',
    async (encoder) => {
      expect(await callGo({ encoder, params: query, privateKey: 'a-wrong-private-key' })).toMatchObject({
        ok: false,
        errorName: 'server.RetCodeError',
        retCode: 171,
        message: 'Signature VerifyAC Error',
      })
    },
  )

  it('is refused with 230 naming Status when it sends a status outside the enum', async () => {
    const result = await callGo({ encoder: 'json', params: { Status: 'uwNWouHX' } })
    expect(result).toMatchObject({ ok: false, retCode: 230, message: expect.stringContaining('Status') })
  })

  it('reports an HTTP 503 as an HTTP status error when retries are off', async () => {
    const attempts = countAttempts(server.faults)
    server.faults.add({ kind: 'http', status: 503 }, { times: 1 })
    expect(await callGo({ encoder: 'form', params: query })).toMatchObject({
      ok: false,
      errorName: 'server.HTTPStatusError',
      statusCode: 503,
    })
    expect(attempts.count()).toBe(1)
  })

  it('retries an HTTP 503 when retries are on, then succeeds', async () => {
    const attempts = countAttempts(server.faults)
    server.faults.add({ kind: 'http', status: 503 }, { times: 1 })
    expect(await callGo({ encoder: 'form', params: query, maxRetries: 2 })).toMatchObject({
      ok: true,
      response: { RetCode: 0, TotalCount: 2 },
    })
    expect(attempts.count()).toBe(2)
  })

  it('reports RetCode 150 (service unavailable) as the API’s error, not retried', async () => {
    const attempts = countAttempts(server.faults)
    server.faults.add({ kind: 'retCode', retCode: 150, message: 'Service Unavailable' }, { times: 1 })
    expect(await callGo({ encoder: 'json', params: query, maxRetries: 2 })).toMatchObject({
      ok: false,
      errorName: 'server.RetCodeError',
      retCode: 150,
      message: 'Service Unavailable',
    })
    expect(attempts.count()).toBe(1)
  })

  it('retries a reset connection (a network error), then succeeds', async () => {
    const attempts = countAttempts(server.faults)
    server.faults.add({ kind: 'connectionReset' }, { times: 1 })
    expect(await callGo({ encoder: 'json', params: query, maxRetries: 2 })).toMatchObject({
      ok: true,
      response: { RetCode: 0, TotalCount: 2 },
    })
    expect(attempts.count()).toBe(2)
  })
})
