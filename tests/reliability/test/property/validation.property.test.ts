// Request validation, three ways: the spec (openapi/ucdn.yaml, read here), UcdnClient.describePrefetchTasks
// (rejects before sending) and the mock (answers RetCode 230). Same generated inputs, one verdict.
import { type DescribePrefetchTasksParams, UcdnClient, UcdnError } from '@scloud/ucdn'
import { createUcdnHandlers } from '@scloud/ucdn-mock'
import fc from 'fast-check'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loneSurrogate, unicodeString } from '../support/arbitraries.js'
import { CANARY, KEY_PAIRS } from '../support/keys.js'
import { referenceFormBody, referenceJsonBody } from '../support/reference-signer.js'
import { runs } from '../support/runs.js'
import { type FieldSpec, requestFields, specAccepts } from '../support/spec.js'
import { type GeneratedInput, specInput } from '../support/spec-arbitraries.js'

const BASE_URL = 'https://api.validation.test'
const ACTION = 'DescribeNewUcdnPrefetchCacheTask'
const fields = requestFields()
/** Parameters the wire sends as indexed keys (`TaskId.0`): the spec's arrays. */
const INDEXED = new Set(fields.filter((f) => f.type === 'array').map((f) => f.name))

/** The SDK's name for each spec parameter. The test fails when the spec grows a parameter not listed here. */
const SDK_NAMES: Readonly<Record<string, keyof DescribePrefetchTasksParams>> = {
  ProjectId: 'projectId',
  TaskId: 'taskIds',
  BeginTime: 'beginTime',
  EndTime: 'endTime',
  Status: 'status',
  Offset: 'offset',
  Limit: 'limit',
  IsDcdn: 'isDcdn',
}

let requests = 0
const server = setupServer(...createUcdnHandlers({ baseUrl: BASE_URL, keyPairs: KEY_PAIRS }))
server.events.on('request:start', () => {
  requests += 1
})
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

const clients: UcdnClient[] = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
})
function client(): UcdnClient {
  const created = new UcdnClient({
    credentials: CANARY,
    baseUrl: BASE_URL,
    env: {},
    maxRetries: 0,
    timeoutMs: 5_000,
  })
  clients.push(created)
  return created
}

function toSdkParams(params: Readonly<Record<string, unknown>>): DescribePrefetchTasksParams {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(params)) out[SDK_NAMES[name]!] = value
  return out as DescribePrefetchTasksParams
}

/** What the SDK did with `params`: sent it (and got RetCode 0), or refused it before sending. */
async function sdkVerdict(sdk: UcdnClient, params: Record<string, unknown>): Promise<'sent' | 'refused'> {
  const before = requests
  try {
    await sdk.describePrefetchTasks(toSdkParams(params))
    expect(requests - before, 'a successful call sends exactly one request').toBe(1)
    return 'sent'
  } catch (error) {
    if (!(error instanceof UcdnError)) throw error
    expect(error.code, error.message).toBe('INVALID_INPUT')
    expect(requests - before, `refused "${error.message}" yet sent a request`).toBe(0)
    return 'refused'
  }
}

/** What the mock answers to `params` sent as a signed wire request: RetCode 0 or 230, nothing else. */
async function mockVerdict(
  params: Record<string, unknown>,
  encoding: 'json' | 'form',
): Promise<'accepted' | 'refused'> {
  const wire = { Action: ACTION, ...params }
  const response = await fetch(`${BASE_URL}/`, {
    method: 'POST',
    headers: {
      'Content-Type': encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
    },
    body: encoding === 'json' ? referenceJsonBody(wire, CANARY, INDEXED) : referenceFormBody(wire, CANARY),
  })
  expect(response.status).toBe(200)
  const answer = (await response.json()) as { RetCode: number; Message?: string }
  if (answer.RetCode === 0) return 'accepted'
  expect(answer.RetCode, answer.Message).toBe(230)
  expect(answer.Message).toMatch(/^Missing or invalid parameter: /)
  return 'refused'
}

describe('the spec model these tests read', () => {
  it('has every spec parameter mapped to an SDK parameter', () => {
    expect(fields.map((f) => f.name).sort()).toEqual(Object.keys(SDK_NAMES).sort())
  })

  it('reads the constraints the spec states', () => {
    const byName = Object.fromEntries(fields.map((f) => [f.name, f])) as Record<string, FieldSpec>
    expect(byName.TaskId).toMatchObject({ type: 'array', items: { type: 'string', minLength: 1 } })
    expect(byName.Offset).toMatchObject({ type: 'integer', minimum: 0 })
    expect(byName.Status?.enum).toEqual(['success', 'wait', 'process', 'failure', 'unknow'])
  })
})

describe('describePrefetchTasks and the mock agree with the spec', () => {
  it('valid inputs are sent and accepted; invalid ones are refused before sending and by the mock', async () => {
    const sdk = client()
    await fc.assert(
      fc.asyncProperty(specInput(fields), async ({ params, wrongJsonType }: GeneratedInput) => {
        const valid = specAccepts(fields, params)
        expect(await sdkVerdict(sdk, params)).toBe(specAccepts(fields, params) ? 'sent' : 'refused')
        expect(await mockVerdict(params, 'json')).toBe(valid ? 'accepted' : 'refused')
        // A form carries only strings: compare it where the mistake (if any) survives being written as text.
        if (!wrongJsonType) expect(await mockVerdict(params, 'form')).toBe(valid ? 'accepted' : 'refused')
      }),
      runs(300),
    )
  })

  it('sends 1,000 task ids in one request, and the mock accepts them', async () => {
    const sdk = client()
    const ids = fc.sample(
      unicodeString(12).filter((s) => s !== ''),
      { numRuns: 1000, seed: 7 },
    )
    const before = requests
    const page = await sdk.describePrefetchTasks({ taskIds: ids })
    expect(requests - before).toBe(1)
    expect(page.taskList).toEqual([]) // no such tasks, but the request was valid
    expect(await mockVerdict({ TaskId: ids }, 'form')).toBe('accepted')
  })

  it('one rule for Unix seconds ≥ 10^11 (milliseconds by mistake): the spec, the SDK and the mock all refuse them', async () => {
    const tooBig = { BeginTime: 1e11, EndTime: 1e11 + 60 }
    expect(specAccepts(fields, tooBig)).toBe(false)
    expect(await mockVerdict(tooBig, 'form')).toBe('refused')
    expect(await sdkVerdict(client(), tooBig)).toBe('refused')
    const largest = { BeginTime: 1e11 - 1, EndTime: 1e11 - 1 }
    expect(specAccepts(fields, largest)).toBe(true)
    expect(await mockVerdict(largest, 'form')).toBe('accepted')
    expect(await sdkVerdict(client(), largest)).toBe('sent')
  })

  it('refuses null for any parameter (the spec has no nullable field) without sending', async () => {
    const sdk = client()
    for (const name of Object.keys(SDK_NAMES)) expect(await sdkVerdict(sdk, { [name]: null })).toBe('refused')
  })
})

describe('strings with no UTF-8 form', () => {
  // A lone UTF-16 surrogate satisfies the generated zod schema (a string of length ≥ 1) but cannot be sent:
  // the signer refuses it. The caller must get the SDK's INVALID_INPUT, not a foreign error class.
  // Regression (found by this suite, fixed in 2e9ff21): the signer's SigningError escaped describePrefetchTasks
  // unchanged, so `switch (error.code)` missed it and the CLI called it "a bug in ucdn-prefetch" (exit 70).
  it('a task id with a lone surrogate is INVALID_INPUT (a UcdnError) and nothing is sent', async () => {
    const sdk = client()
    await fc.assert(
      fc.asyncProperty(unicodeString(4), loneSurrogate, async (prefix, lone) => {
        const before = requests
        const error = await sdk
          .describePrefetchTasks({ taskIds: [`${prefix}${lone}`] })
          .catch((e: unknown) => e)
        expect(requests - before).toBe(0)
        expect(error).toBeInstanceOf(UcdnError)
        expect((error as UcdnError).code).toBe('INVALID_INPUT')
      }),
      runs(20),
    )
  })
})
