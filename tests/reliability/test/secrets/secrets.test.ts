// No secret in anything the SDK or the CLI emits. A canary private key (registered with the mock) is used for
// every scenario of the other suites: success, each fault, invalid input, credential mistakes, the CLI with
// --verbose. Everything emitted is gathered (messages, stacks, cause chains, logger lines, CLI output,
// JSON.stringify / util.inspect / String of every public object) and searched for the private key and for
// every Signature the mock received: a signature belongs on the wire and nowhere else.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fromEnv, fromStatic, signingMiddleware } from '@scloud/signer'
import { defaultCredentialProvider, fromSharedFile } from '@scloud/signer/node'
import { summarizePrefetchTasks, UcdnClient, type UcdnLogger } from '@scloud/ucdn'
import {
  createFaultInjector,
  createManualClock,
  createPrefetchBackend,
  createUcdnHandlers,
} from '@scloud/ucdn-mock'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli.js'
import { Emitted } from '../support/emitted.js'
import { FAILURE_ROWS } from '../support/fault-table.js'
import { CANARY, KEY_PAIRS } from '../support/keys.js'

const API = 'https://api.secrets.test'
/** Knows the canary's public key, with another private key: every canary-signed request fails with 171. */
const MISMATCH_API = 'https://api.mismatch.test'
const T0 = Date.UTC(2026, 10, 29, 8)

const clock = createManualClock(T0)
const backend = createPrefetchBackend({ clock })
const faults = createFaultInjector()
const server = setupServer(
  ...createUcdnHandlers({ baseUrl: API, keyPairs: KEY_PAIRS, backend, faults }),
  ...createUcdnHandlers({
    baseUrl: MISMATCH_API,
    keyPairs: [{ publicKey: CANARY.publicKey, privateKey: 'the-server-knows-another-key' }],
  }),
)

/** Every Signature the mock received, read from the wire bodies. */
const signatures = new Set<string>()
let signedRequests = 0
const reading: Promise<void>[] = []
server.events.on('request:start', ({ request }) => {
  reading.push(
    request
      .clone()
      .text()
      .then((body) => {
        const params = new URLSearchParams(body)
        const signature = params.get('Signature') ?? new URL(request.url).searchParams.get('Signature')
        if (signature) {
          signedRequests += 1
          signatures.add(signature)
        }
      }),
  )
})

const emitted = new Emitted()
const logger: UcdnLogger = {
  debug(message, fields) {
    emitted.add(message)
    emitted.add(fields)
  },
}

function client(overrides: Partial<ConstructorParameters<typeof UcdnClient>[0]> = {}): UcdnClient {
  return new UcdnClient({
    credentials: CANARY,
    baseUrl: API,
    env: {},
    timeoutMs: 200,
    maxRetries: 2,
    sleep: async () => {},
    logger,
    ...overrides,
  })
}

/** Runs `scenario`, gathering what it returns or throws. */
async function gather(scenario: () => unknown): Promise<void> {
  try {
    emitted.add(await scenario())
  } catch (error) {
    emitted.add(error)
  }
}

const CANARY_ENV = {
  UCLOUD_PUBLIC_KEY: CANARY.publicKey,
  UCLOUD_PRIVATE_KEY: CANARY.privateKey,
  UCLOUD_API_BASE_URL: API,
}
const ALWAYS = { times: Number.POSITIVE_INFINITY }

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' })
  backend.addTask({ taskId: 'ok-task', urls: ['https://cdn.example.com/a.js'], createdAt: T0 - 60_000 })
  backend.addTask({
    taskId: 'bad-task',
    createdAt: T0 - 30_000,
    urls: [{ url: 'https://cdn.example.com/gone.js', outcome: 'failure', waitMs: 0, processMs: 1_000 }],
  })

  // The SDK: success, pagination, waiting, summaries, the client itself.
  const sdk = client()
  emitted.add(sdk)
  await gather(() => sdk.describePrefetchTasks({ taskIds: ['ok-task', 'bad-task'] }))
  await gather(async () => {
    const pages = []
    for await (const page of sdk.paginatePrefetchTasks({}, { pageSize: 1 })) pages.push(page)
    return pages
  })
  await gather(async () => {
    const tasks = await sdk.waitForPrefetchTasks(['ok-task', 'bad-task'], {
      clock,
      sleep: async (ms) => clock.advance(ms),
    })
    emitted.add(tasks)
    return summarizePrefetchTasks(tasks)
  })
  await gather(() =>
    sdk.waitForPrefetchTasks(['no-such-task'], { clock, sleep: async (ms) => clock.advance(ms) }),
  )
  await sdk.close()

  // Every fault of the matrix, through a logging client.
  for (const row of FAILURE_ROWS) {
    faults.add(row.fault, ALWAYS)
    const faulty = client()
    await gather(() => faulty.describePrefetchTasks({ taskIds: ['ok-task'] }))
    await faulty.close()
    faults.clear()
  }

  // Invalid input, and a string the signer cannot send.
  const strict = client()
  for (const params of [
    { limit: -1 },
    { taskIds: [''] },
    { endTime: 5 },
    { status: 'done' },
    { taskIds: ['\uD800'] },
  ]) {
    await gather(() => strict.describePrefetchTasks(params as never))
  }
  await strict.close()

  // A signature the API rejects (RetCode 171).
  const mismatched = client({ baseUrl: MISMATCH_API })
  await gather(() => mismatched.describePrefetchTasks())
  await mismatched.close()

  // Credentials: every provider, and every way of getting them wrong.
  await gather(() => fromStatic(CANARY)())
  await gather(() => fromStatic({ publicKey: CANARY.publicKey, privateKey: `${CANARY.privateKey}\n` })())
  await gather(() =>
    fromEnv({ UCLOUD_PUBLIC_KEY: CANARY.publicKey, UCLOUD_PRIVATE_KEY: CANARY.privateKey })(),
  )
  await gather(() => fromEnv({ UCLOUD_PRIVATE_KEY: CANARY.privateKey })())
  await gather(() => defaultCredentialProvider({ env: { ...CANARY_ENV } })())
  await gather(() => signingMiddleware(CANARY))
  await gather(
    () => new UcdnClient({ credentials: { publicKey: '', privateKey: CANARY.privateKey }, env: {} }),
  )
  const dir = mkdtempSync(join(tmpdir(), 'reliability-credentials-'))
  const good = join(dir, 'good.json')
  writeFileSync(
    good,
    JSON.stringify([{ profile: 'default', public_key: CANARY.publicKey, private_key: CANARY.privateKey }]),
  )
  const broken = join(dir, 'broken.json')
  writeFileSync(broken, `[{"profile": "default", "public_key": "pk", "private_key": ${CANARY.privateKey}}]`)
  const wrongShape = join(dir, 'wrong-shape.json')
  writeFileSync(wrongShape, JSON.stringify({ default: { private_key: CANARY.privateKey } }))
  await gather(() => fromSharedFile({ path: good })())
  await gather(() => fromSharedFile({ path: broken })())
  await gather(() => fromSharedFile({ path: wrongShape })())
  await gather(() => fromSharedFile({ path: good, profile: CANARY.privateKey.slice(0, 12) })())

  // The CLI with --verbose: success, each error class, credential mistakes.
  const cli = async (
    argv: string[],
    env: Record<string, string | undefined> = CANARY_ENV,
    setup?: () => void,
  ) => {
    setup?.()
    const result = await runCli(['--verbose', ...argv], clock, env)
    faults.clear()
    emitted.add(result.stdout)
    emitted.add(result.stderr)
    return result
  }
  await cli([])
  await cli(['--json', '--all'])
  await cli(['-t', 'ok-task', '-t', 'bad-task'])
  await cli(['-t', 'ok-task', '--watch'])
  await cli(['--fail-on-failure'])
  await cli([], { ...CANARY_ENV, UCLOUD_API_BASE_URL: MISMATCH_API })
  await cli([], CANARY_ENV, () => faults.add({ kind: 'http', status: 503 }, ALWAYS))
  await cli([], CANARY_ENV, () => faults.add({ kind: 'http', status: 429, retryAfter: 1 }, ALWAYS))
  await cli([], CANARY_ENV, () => faults.add({ kind: 'retCode', retCode: 150 }, ALWAYS))
  await cli([], CANARY_ENV, () => faults.add({ kind: 'connectionReset' }, ALWAYS))
  await cli(['--timeout', '0.05'], CANARY_ENV, () => faults.add({ kind: 'latency', ms: 60_000 }, ALWAYS))
  await cli([], CANARY_ENV, () => faults.add({ kind: 'malformedJson' }, ALWAYS))
  await cli([], CANARY_ENV, () => faults.add({ kind: 'truncatedJson' }, ALWAYS))
  await cli(['--limit', 'lots'])
  await cli(['--project-id', ''])
  await cli(['--live'], { UCLOUD_PRIVATE_KEY: CANARY.privateKey, UCLOUD_API_BASE_URL: API })
  await cli(['--live'], { UCLOUD_SHARED_CREDENTIAL_FILE: broken, UCLOUD_API_BASE_URL: API })
  await cli([], { UCLOUD_SHARED_CREDENTIAL_FILE: good, UCLOUD_API_BASE_URL: API })
  await cli([], { ...CANARY_ENV, UCLOUD_PRIVATE_KEY: ` ${CANARY.privateKey}` })
  // Keys swapped by mistake: the private key sits where the public key should be.
  await cli([], { ...CANARY_ENV, UCLOUD_PUBLIC_KEY: CANARY.privateKey, UCLOUD_PRIVATE_KEY: CANARY.publicKey })

  await Promise.all(reading)
})

afterAll(() => server.close())

describe('secrets in what the SDK and the CLI emit', () => {
  it('gathered what it meant to: logger lines, errors of every class, CLI output, signatures off the wire', () => {
    const all = emitted.all()
    for (const expected of [
      /attempt 1\/3/, // logger
      /RetCode 171/,
      /HTTP 503/,
      /TIMEOUT|no answer within/,
      /INVALID_RESPONSE|not JSON/,
      /NETWORK_ERROR|could not reach/,
      /INVALID_INPUT|must be/,
      /CREDENTIAL_FILE_INVALID|is not valid JSON/,
      /ucdn-prefetch: /, // CLI stderr
      /ok-task/, // a page / the CLI table
      /caused by/, // a --verbose cause chain
    ]) {
      expect(all).toMatch(expected)
    }
    // The same parameters always give the same signature (no nonce): many requests, fewer distinct signatures.
    expect(signedRequests).toBeGreaterThan(50)
    expect(signatures.size).toBeGreaterThan(5)
    for (const signature of signatures) expect(signature).toMatch(/^[0-9a-f]{40}$/)
  })

  it('never contains the private key, whole or in part', () => {
    const all = emitted.all()
    const leaks = emitted.texts.filter((text) => text.includes(CANARY.privateKey))
    expect(leaks, 'texts containing the private key').toEqual([])
    // A distinctive fragment catches a key cut short or split across a line.
    expect(all).not.toContain('3f9e27c1')
  })

  it('never contains a Signature the mock received', () => {
    const all = emitted.all()
    const leaked = [...signatures].filter((signature) => all.includes(signature))
    expect(leaked, 'signatures found in emitted text').toEqual([])
  })
})
