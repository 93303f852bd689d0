// The standalone server answers a request built by an independent implementation of PROTOCOL.md
// (test/independent-signer/sign_and_call.py, Python standard library only), so the mock agrees with
// the document, not just with our own signer.
import { spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createManualClock, createPrefetchBackend, DEMO_CREDENTIALS } from '../../src/index.js'
import { type MockServer, startMockServer } from '../../src/node.js'

const script = fileURLToPath(new URL('../independent-signer/sign_and_call.py', import.meta.url))
const python = spawnSync('python3', ['--version'], { encoding: 'utf8' })
const hasPython = python.error === undefined && python.status === 0
if (!hasPython) {
  // In CI the contract must run: .ci/run installs python3. On a developer's machine it may be skipped, loudly.
  if (process.env.CI)
    throw new Error('python3 is not on PATH: CI must run the independent-signer contract tests.')
  console.warn('Skipping the independent-signer contract tests: python3 is not on PATH.')
}

const T0 = Date.UTC(2026, 10, 29, 8, 0, 0)
let server: MockServer

beforeAll(async () => {
  const backend = createPrefetchBackend({ clock: createManualClock(T0 + 60_000) })
  backend.addTask({
    taskId: 'pyTask1',
    createdAt: T0,
    urls: ['https://cdn.example.com/a.js', 'https://cdn.example.com/b.js'],
  })
  backend.addTask({ taskId: 'pyTask2', createdAt: T0 + 1_000, urls: ['https://cdn.example.com/c.js'] })
  server = await startMockServer({ backend })
})
afterAll(() => server?.close())

/** Runs the Python client without blocking the event loop the server runs on. */
function runPython(job: object, args: string[] = []): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
    })
    child.stderr.on('data', (chunk) => {
      err += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(out))
      else reject(new Error(`python3 exited ${code}: ${err}`))
    })
    child.stdin.end(JSON.stringify(job))
  })
}

describe.skipIf(!hasPython)('an independent Python client of PROTOCOL.md', () => {
  it('computes the protocol’s worked example signature', async () => {
    expect(await runPython({}, ['--self-test'])).toEqual({ selfTest: 'ok' })
  })

  it.each(['form', 'json', 'query'])('is answered by the standalone server (%s)', async (encoding) => {
    const result = await runPython({
      url: server.url,
      publicKey: DEMO_CREDENTIALS.publicKey,
      privateKey: DEMO_CREDENTIALS.privateKey,
      encoding,
      params: {
        Action: 'DescribeNewUcdnPrefetchCacheTask',
        TaskId: ['pyTask1', 'pyTask2'],
        BeginTime: T0 / 1000 - 10,
        EndTime: T0 / 1000 + 10,
        Offset: 0,
        Limit: 10,
        IsDcdn: false,
      },
    })
    expect(result.status).toBe(200)
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(result.body).toMatchObject({
      RetCode: 0,
      Action: 'DescribeNewUcdnPrefetchCacheTaskResponse',
      TotalCount: 2,
      TaskList: [
        {
          TaskId: 'pyTask2',
          Status: 'success',
          UrlLists: [{ Url: 'https://cdn.example.com/c.js', Progress: 100 }],
        },
        { TaskId: 'pyTask1', Status: 'success' },
      ],
    })
  })

  it('is refused with 171 when it signs with the wrong private key', async () => {
    const result = await runPython({
      url: server.url,
      publicKey: DEMO_CREDENTIALS.publicKey,
      privateKey: 'a-wrong-private-key',
      params: { Action: 'DescribeNewUcdnPrefetchCacheTask' },
    })
    expect(result).toMatchObject({
      status: 200,
      body: {
        RetCode: 171,
        Action: 'DescribeNewUcdnPrefetchCacheTaskResponse',
        Message: 'Signature VerifyAC Error',
      },
    })
  })

  it('is refused with 230 naming the parameter when it sends a status outside the enum', async () => {
    const result = await runPython({
      url: server.url,
      publicKey: DEMO_CREDENTIALS.publicKey,
      privateKey: DEMO_CREDENTIALS.privateKey,
      params: { Action: 'DescribeNewUcdnPrefetchCacheTask', Status: 'uwNWouHX' },
    })
    expect(result).toMatchObject({ body: { RetCode: 230, Message: expect.stringContaining('Status') } })
  })
})
