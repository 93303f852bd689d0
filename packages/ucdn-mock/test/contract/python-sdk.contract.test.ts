// UCloud's official Python SDK (ucloud-sdk-python3, pinned in test/python-sdk/requirements.txt, installed in a
// venv under .tools/) against the standalone mock server, used as another team would: its generic
// Client.invoke(action, args) and its typed UCDN client (which also checks the answer against its schema).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createManualClock, createPrefetchBackend } from '../../src/index.js'
import { type MockServer, startMockServer } from '../../src/node.js'
import { countAttempts } from '../support/attempts.js'
import { toolAvailable } from '../support/real-client.js'
import { installPythonSdk, pythonSdk, SDK_SETUP_TIMEOUT_MS } from '../support/sdk-clients.js'

const hasVenv = toolAvailable(
  'python3',
  ['-c', 'import venv, ensurepip'],
  'official Python SDK contract tests',
)

const T0 = Date.UTC(2026, 10, 29, 8, 0, 0)
let server: MockServer
const clients = { invoke: pythonSdk(() => server.url, 'invoke'), typed: pythonSdk(() => server.url, 'typed') }

beforeAll(async () => {
  if (!hasVenv) return
  await installPythonSdk()
  const backend = createPrefetchBackend({ clock: createManualClock(T0 + 60_000) })
  backend.addTask({ taskId: 'pyTask1', createdAt: T0, urls: ['https://cdn.example.com/a.js'] })
  backend.addTask({ taskId: 'pyTask2', createdAt: T0 + 1_000, urls: ['https://cdn.example.com/b.js'] })
  server = await startMockServer({ backend })
}, SDK_SETUP_TIMEOUT_MS)

afterAll(() => server?.close())

type Job = {
  style?: 'invoke' | 'typed'
  params?: Record<string, unknown>
  privateKey?: string
  maxRetries?: number
}

function callPython({ style = 'invoke', params = {}, ...options }: Job) {
  return clients[style]('DescribeNewUcdnPrefetchCacheTask', params, options)
}

const query = {
  TaskId: ['pyTask1', 'pyTask2'],
  BeginTime: T0 / 1000 - 10,
  EndTime: T0 / 1000 + 10,
  Offset: 0,
  Limit: 10,
  IsDcdn: false,
}

describe.skipIf(!hasVenv)('UCloud’s official Python SDK against the standalone mock', () => {
  it.each(['invoke', 'typed'] as const)('describes prefetch tasks (%s)', async (style) => {
    expect(await callPython({ style, params: query })).toMatchObject({
      ok: true,
      response: {
        TotalCount: 2,
        TaskList: [
          {
            TaskId: 'pyTask2',
            Status: 'success',
            UrlLists: [{ Url: 'https://cdn.example.com/b.js', Progress: 100 }],
          },
          { TaskId: 'pyTask1', Status: 'success' },
        ],
      },
    })
  })

  it('is refused with 171 under a wrong private key', async () => {
    expect(await callPython({ params: query, privateKey: 'a-wrong-private-key' })).toMatchObject({
      ok: false,
      error: 'RetCodeException',
      retCode: 171,
      message: 'Signature VerifyAC Error',
    })
  })

  it('is refused with 230 naming Status when it sends a status outside the enum', async () => {
    expect(await callPython({ params: { Status: 'uwNWouHX' } })).toMatchObject({
      ok: false,
      retCode: 230,
      message: expect.stringContaining('Status'),
    })
  })

  it('reports an HTTP 503 when retries are off, and retries it when they are on', async () => {
    let attempts = countAttempts(server.faults)
    server.faults.add({ kind: 'http', status: 503 }, { times: 1 })
    expect(await callPython({ params: query })).toMatchObject({ ok: false, error: 'HTTPStatusException' })
    expect(attempts.count()).toBe(1)

    attempts = countAttempts(server.faults)
    server.faults.add({ kind: 'http', status: 503 }, { times: 1 })
    expect(await callPython({ params: query, maxRetries: 2 })).toMatchObject({
      ok: true,
      response: { TotalCount: 2 },
    })
    expect(attempts.count()).toBe(2)
  })

  it('reports RetCode 150 (service unavailable) as the API’s error, not retried', async () => {
    const attempts = countAttempts(server.faults)
    server.faults.add({ kind: 'retCode', retCode: 150, message: 'Service Unavailable' }, { times: 1 })
    expect(await callPython({ params: query, maxRetries: 2 })).toMatchObject({
      ok: false,
      retCode: 150,
      message: 'Service Unavailable',
    })
    expect(attempts.count()).toBe(1)
  })
})
