// The JSON bodies of UCloud's official Go SDK (its JSONEncoder): lists as JSON arrays, unset lists as null,
// signed by its signer's rules (test/support/go-signer.ts re-implements them independently of the mock).
import fc from 'fast-check'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createManualClock, createPrefetchBackend, createUcdnHandlers } from '../../src/index.js'
import { type GoValue, goJsonRequest, goSignature } from '../support/go-signer.js'
import { ACTION, API, apiJson, sign } from '../support/requests.js'

const T0 = Date.UTC(2026, 10, 29, 8, 0, 0)
const backend = createPrefetchBackend({ clock: createManualClock(T0) })
backend.addTask({ taskId: 'goTask1', createdAt: T0 - 2_000, urls: ['https://cdn.example.com/a.js'] })
backend.addTask({ taskId: 'goTask2', createdAt: T0 - 1_000, urls: ['https://cdn.example.com/b.js'] })
const server = setupServer(...createUcdnHandlers({ backend }))

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

async function answer(request: Request) {
  const response = await fetch(request)
  expect(response.status).toBe(200)
  return (await apiJson(response)).body
}

function jsonBody(body: Record<string, unknown>): Request {
  return new Request(`${API}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

describe('the Go SDK’s JSON encoder', () => {
  it('is answered: a JSON array of task ids, integers, and null for what is unset', async () => {
    const body = await answer(
      goJsonRequest({ TaskId: ['goTask1', 'goTask2'], Limit: 10, Offset: 0, Status: null }),
    )
    expect(body).toMatchObject({
      RetCode: 0,
      TotalCount: 2,
      TaskList: [{ TaskId: 'goTask2' }, { TaskId: 'goTask1' }],
    })
  })

  it('is answered when the only list is null (TaskId unset): the Go signer signs it as TaskId + ""', async () => {
    expect(await answer(goJsonRequest({ TaskId: null, IsDcdn: false }))).toMatchObject({
      RetCode: 0,
      TotalCount: 2,
    })
  })

  it('also accepts an array signed as indexed keys, as a flattening signer does', async () => {
    const params = { Action: ACTION, TaskId: ['goTask1', 'goTask2'] }
    const flattened = sign({ Action: ACTION, 'TaskId.0': 'goTask1', 'TaskId.1': 'goTask2' })
    expect(
      await answer(jsonBody({ ...params, PublicKey: flattened.PublicKey, Signature: flattened.Signature })),
    ).toMatchObject({ RetCode: 0, TotalCount: 2 })
  })

  it('answers 171 for an array signed as indexed keys in another order than sent', async () => {
    const params = { Action: ACTION, TaskId: ['goTask1', 'goTask2'] }
    const flattened = sign({ Action: ACTION, 'TaskId.0': 'goTask2', 'TaskId.1': 'goTask1' })
    expect(
      await answer(jsonBody({ ...params, PublicKey: flattened.PublicKey, Signature: flattened.Signature })),
    ).toMatchObject({ RetCode: 171, Message: 'Signature VerifyAC Error' })
  })

  it('also accepts null left out of the signature, as a flattening signer does', async () => {
    const signed = sign({ Action: ACTION })
    expect(await answer(jsonBody({ ...signed, TaskId: null }))).toMatchObject({ RetCode: 0, TotalCount: 2 })
  })

  it('answers 171 for the Go signature under another private key', async () => {
    const request = goJsonRequest(
      { TaskId: ['goTask1'] },
      { publicKey: 'ucdn-demo-public-key', privateKey: 'wrong' },
    )
    expect(await answer(request)).toMatchObject({ RetCode: 171 })
  })

  it('answers 171 when an array is signed in another order than sent', async () => {
    const payload = { Action: ACTION, TaskId: ['goTask1', 'goTask2'], PublicKey: 'ucdn-demo-public-key' }
    const swapped = goSignature(
      { ...payload, TaskId: ['goTask2', 'goTask1'] },
      'ucdn-demo-private-key-not-a-secret',
    )
    expect(await answer(jsonBody({ ...payload, Signature: swapped }))).toMatchObject({ RetCode: 171 })
  })

  it('answers 230 naming the parameter for an array where one value belongs', async () => {
    expect(await answer(goJsonRequest({ Limit: [10] }))).toMatchObject({
      RetCode: 230,
      Message: 'Missing or invalid parameter: Limit (expected a single value, got a JSON array)',
    })
  })

  it('answers 230 naming the item for an array item of the wrong type', async () => {
    expect(await answer(goJsonRequest({ TaskId: ['goTask1', 7] }))).toMatchObject({
      RetCode: 230,
      Message: 'Missing or invalid parameter: TaskId[1] (expected a JSON string, got a JSON number)',
    })
  })

  it('verifies whatever the Go signer signs: any parameters, arrays of any scalars, null anywhere at the top', async () => {
    // Names the spec does not know are ignored by the gateway but still signed, so they exercise the signature
    // rule alone: sorting, concatenation, the empty value of null, non-BMP text, big and negative integers.
    const name = fc
      .stringMatching(/^[A-Z][A-Za-z0-9_-]{0,12}$/)
      .filter(
        (n) =>
          ![
            'Action',
            'PublicKey',
            'Signature',
            'TaskId',
            'Limit',
            'Offset',
            'Status',
            'BeginTime',
            'EndTime',
            'IsDcdn',
            'ProjectId',
          ].includes(n),
      )
    const scalar = fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer(), fc.maxSafeInteger(), fc.boolean())
    const value: fc.Arbitrary<GoValue> = fc.oneof(
      scalar,
      fc.constant(null),
      fc.array(scalar, { maxLength: 5 }),
    )
    await fc.assert(
      fc.asyncProperty(fc.dictionary(name, value, { maxKeys: 6 }), async (params) => {
        expect(await answer(goJsonRequest({ TaskId: ['goTask1'], ...params }))).toMatchObject({ RetCode: 0 })
      }),
      { numRuns: 60 },
    )
  })
})
