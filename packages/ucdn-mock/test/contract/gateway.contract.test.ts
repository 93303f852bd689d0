// Requests that deviate from PROTOCOL.md get the real gateway's error answer: the right RetCode and a
// Message naming what to fix. Everything goes through msw's setupServer and the global fetch.
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  createManualClock,
  createPrefetchBackend,
  createUcdnHandlers,
  DEMO_CREDENTIALS,
} from '../../src/index.js'
import { ACTION, API, apiJson, formRequest, getRequest, jsonRequest, sign } from '../support/requests.js'

const T0 = Date.UTC(2026, 10, 29, 8, 0, 0)
const backend = createPrefetchBackend({ clock: createManualClock(T0) })
backend.addTask({ taskId: 'known', createdAt: T0 - 1_000, urls: ['https://cdn.example.com/a.js'] })
const server = setupServer(...createUcdnHandlers({ backend }))

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

async function answer(request: Request) {
  const response = await fetch(request)
  expect(response.status).toBe(200)
  const { body, requestId } = await apiJson(response)
  expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  return body
}

describe('the gateway checks, in order', () => {
  it('answers 160 when Action is missing', async () => {
    const { Action: _, ...params } = sign({ Action: ACTION })
    expect(await answer(formRequest(params))).toEqual({
      RetCode: 160,
      Action: 'Response',
      Message: 'Missing Action',
    })
  })

  it('answers 161 for an Action the API does not have', async () => {
    expect(await answer(formRequest(sign({ Action: 'DescribeUHostInstance' })))).toEqual({
      RetCode: 161,
      Action: 'DescribeUHostInstanceResponse',
      Message: 'Action "DescribeUHostInstance" not found',
    })
  })

  it('answers 172 for an unknown PublicKey, even with a signature right for that key', async () => {
    const stranger = { publicKey: 'someone-else', privateKey: 'their-secret' }
    expect(await answer(formRequest(sign({ Action: ACTION }, stranger)))).toMatchObject({ RetCode: 172 })
  })

  it('answers 170 without a Signature', async () => {
    const { Signature: _, ...params } = sign({ Action: ACTION })
    expect(await answer(formRequest(params))).toMatchObject({ RetCode: 170, Message: 'Missing Signature' })
  })

  it('answers 171 for a signature made with the wrong private key, never echoing keys or signatures', async () => {
    const wrong = { publicKey: DEMO_CREDENTIALS.publicKey, privateKey: 'not-the-key' }
    const params = sign({ Action: ACTION }, wrong)
    const body = await answer(formRequest(params))
    expect(body).toEqual({
      RetCode: 171,
      Action: 'DescribeNewUcdnPrefetchCacheTaskResponse',
      Message: 'Signature VerifyAC Error',
    })
    const text = JSON.stringify(body)
    for (const secret of [String(params.Signature), DEMO_CREDENTIALS.privateKey, 'not-the-key']) {
      expect(text).not.toContain(secret)
    }
  })

  it('answers 171 when a signed parameter is changed afterwards', async () => {
    const params = sign({ Action: ACTION, Limit: 1 })
    expect(await answer(formRequest({ ...params, Limit: 2 }))).toMatchObject({ RetCode: 171 })
  })

  it('answers 171 when a parameter is added that the signature does not cover, even an unknown one', async () => {
    const params = sign({ Action: ACTION })
    expect(await answer(formRequest({ ...params, Region: 'hk' }))).toMatchObject({ RetCode: 171 })
  })

  it('checks the signature before the parameters: a badly signed bad request gets 171', async () => {
    const params = sign({ Action: ACTION, Offset: 'abc' }, { ...DEMO_CREDENTIALS, privateKey: 'wrong' })
    expect(await answer(formRequest(params))).toMatchObject({ RetCode: 171 })
  })
})

describe('parameters checked against the spec (RetCode 230, the message names the parameter)', () => {
  it.each([
    ['an unindexed array', { TaskId: 'known' }, 'TaskId (send a list as indexed keys TaskId.0, TaskId.1, …)'],
    [
      'an index gap',
      { 'TaskId.0': 'a', 'TaskId.2': 'c' },
      'TaskId.1 (indexes of TaskId must run from TaskId.0 without gaps)',
    ],
    ['a non-integer Offset', { Offset: 'abc' }, 'Offset (expected a natural number)'],
    ['a fractional Limit', { Limit: '1.5' }, 'Limit (expected a natural number)'],
    ['a negative Limit', { Limit: '-1' }, 'Limit (expected a natural number)'],
    ['a negative BeginTime', { BeginTime: '-5' }, 'BeginTime (expected a natural number)'],
    [
      'a status outside the enum',
      { Status: 'uwNWouHX' },
      'Status (expected one of success, wait, process, failure, unknow)',
    ],
    ['a boolean that is not true/false', { IsDcdn: 'yes' }, 'IsDcdn (expected true or false)'],
    ['an empty ProjectId', { ProjectId: '' }, 'ProjectId (expected a non-empty string)'],
    ['an empty TaskId item', { 'TaskId.0': 'a', 'TaskId.1': '' }, 'TaskId.1 (expected a non-empty string)'],
    ['EndTime without BeginTime', { EndTime: '100' }, 'BeginTime (required when EndTime is given)'],
    [
      'BeginTime after EndTime',
      { BeginTime: '200', EndTime: '100' },
      'BeginTime (must not be after EndTime)',
    ],
  ])('refuses %s', async (_, extra, named) => {
    expect(await answer(formRequest(sign({ Action: ACTION, ...extra })))).toEqual({
      RetCode: 230,
      Action: 'DescribeNewUcdnPrefetchCacheTaskResponse',
      Message: `Missing or invalid parameter: ${named}`,
    })
  })

  it('refuses the same mistakes in a GET query', async () => {
    expect(await answer(getRequest(sign({ Action: ACTION, Offset: 'abc' })))).toMatchObject({
      RetCode: 230,
      Message: 'Missing or invalid parameter: Offset (expected a natural number)',
    })
  })

  it('checks the signature of a JSON array (Go SDK style) before its place: unsigned, it is 171', async () => {
    const request = new Request(`${API}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...sign({ Action: ACTION }), TaskId: ['known'] }),
    })
    expect(await answer(request)).toMatchObject({ RetCode: 171 })
  })

  it('refuses a JSON body whose integer is a string', async () => {
    expect(await answer(jsonRequest(sign({ Action: ACTION, Limit: '10' })))).toMatchObject({
      RetCode: 230,
      Message: 'Missing or invalid parameter: Limit (expected a JSON number, got a JSON string)',
    })
  })

  it('ignores unknown parameters, as the real gateway does, once they are signed', async () => {
    const body = await answer(formRequest(sign({ Action: ACTION, Region: 'hk', 'Foo.0.Bar': 'x' })))
    expect(body).toMatchObject({ RetCode: 0, TotalCount: 1 })
  })

  it('accepts ProjectId as a public parameter', async () => {
    expect(await answer(formRequest(sign({ Action: ACTION, ProjectId: 'org-default' })))).toMatchObject({
      RetCode: 0,
      TotalCount: 1,
    })
  })
})

describe('hostile input gets a clear answer, never a crash', () => {
  it('answers HTTP 413 for a body above 1 MiB', async () => {
    const params = { ...sign({ Action: ACTION }), Pad: 'x'.repeat(1024 * 1024) }
    const response = await fetch(formRequest(params))
    expect(response.status).toBe(413)
    expect(await response.text()).toBe('Request body larger than 1048576 bytes')
  })

  it('answers 230 for deeply nested JSON, saying so', async () => {
    const body = `{"Action":"${ACTION}","X":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`
    const response = await fetch(`${API}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    expect((await apiJson(response)).body).toMatchObject({
      RetCode: 230,
      Message: 'The JSON body is nested too deeply.',
    })
  })

  it('answers 230 for prototype-pollution keys and leaves Object.prototype untouched', async () => {
    const attempts = [
      new Request(`${API}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `${JSON.stringify(sign({ Action: ACTION })).slice(0, -1)},"__proto__":"x"}`,
      }),
      new Request(`${API}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"Action":"${ACTION}","__proto__":{"polluted":"yes"}}`,
      }),
      formRequest({ ...sign({ Action: ACTION }), 'constructor.prototype.polluted': 'yes' }),
      getRequest({ ...sign({ Action: ACTION }), '__proto__.polluted': 'yes' }),
    ]
    for (const request of attempts) {
      const body = await answer(request)
      expect(body).toMatchObject({
        RetCode: 230,
        Message: expect.stringMatching(/^Invalid parameter name: /),
      })
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
  })

  it('answers 230 for a body that is not JSON', async () => {
    const response = await fetch(`${API}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"Action":',
    })
    expect((await apiJson(response)).body).toEqual({
      RetCode: 230,
      Action: 'Response',
      Message: 'The request body is not valid JSON.',
    })
  })

  it('answers 160 with the reason for a body of another content type', async () => {
    const response = await fetch(`${API}/`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: new URLSearchParams(
        Object.entries(sign({ Action: ACTION })).map(([k, v]) => [k, String(v)]),
      ).toString(),
    })
    expect((await apiJson(response)).body).toMatchObject({
      RetCode: 160,
      Message: expect.stringContaining('Content-Type "text/plain" is not read'),
    })
  })

  it('answers HTTP 405 to other methods', async () => {
    const response = await fetch(`${API}/`, { method: 'DELETE' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, POST')
  })
})
