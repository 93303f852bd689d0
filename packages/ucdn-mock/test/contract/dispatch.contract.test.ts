// Every action of the spec is dispatched from the generated operations table: a backend implements any
// subset, an action it lacks still passes the gateway and the spec's validation and answers the spec's example.
import { type ActionName, operationSchemas, operations } from '@scloud/ucdn-client/schemas'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  ApiRefusal,
  combineBackends,
  createUcdnHandlers,
  DEMO_CREDENTIALS,
  type UcdnBackend,
} from '../../src/index.js'
import { API, apiJson, formRequest, sign } from '../support/requests.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const ACTIONS = Object.keys(operations) as ActionName[]

/** The spec's example request, flattened as a client sends it (`UrlList.0`, …). */
function exampleParams(action: ActionName): Record<string, string | number | boolean> {
  const flat: Record<string, string | number | boolean> = {}
  for (const [key, value] of Object.entries(operationSchemas[action].example.request ?? { Action: action })) {
    if (!Array.isArray(value)) flat[key] = value as string | number | boolean
    else for (const [i, item] of value.entries()) flat[`${key}.${i}`] = item
  }
  return flat
}

async function call(backend: UcdnBackend, params: Record<string, string | number | boolean>) {
  server.use(...createUcdnHandlers({ backend }))
  return (await apiJson(await fetch(formRequest(params, API)))).body
}

describe.each(ACTIONS)('%s, not implemented by the backend', (action) => {
  it('answers the spec example, a valid answer of the action', async () => {
    const body = await call({}, sign(exampleParams(action)))
    const {
      RetCode: _r,
      Action: _a,
      ...fields
    } = operationSchemas[action].example.response as Record<string, unknown>
    expect(body).toEqual({ RetCode: 0, Action: `${action}Response`, ...fields })
    expect(operationSchemas[action].response.safeParse(body).success).toBe(true)
  })

  it('still checks the signature', async () => {
    const wrong = { publicKey: DEMO_CREDENTIALS.publicKey, privateKey: 'not-the-key' }
    expect(await call({}, sign(exampleParams(action), wrong))).toMatchObject({ RetCode: 171 })
  })

  it('still validates the parameters against the spec', async () => {
    const field = operations[action].fields[0]
    if (field === undefined) return
    const bad = field.type.endsWith('[]') ? { [field.wire]: 'x' } : { [field.wire]: '' }
    const body = await call({}, sign({ ...exampleParams(action), ...bad }))
    expect(body).toMatchObject({ RetCode: 230, Message: expect.stringContaining(field.wire) })
  })
})

describe('a backend method', () => {
  it('may answer an API error with an ApiRefusal', async () => {
    const backend: UcdnBackend = {
      DescribeNewUcdnPrefetchCacheTask: () => new ApiRefusal(1203, 'Daily quota exhausted'),
    }
    expect(await call(backend, sign({ Action: 'DescribeNewUcdnPrefetchCacheTask' }))).toEqual({
      RetCode: 1203,
      Action: 'DescribeNewUcdnPrefetchCacheTaskResponse',
      Message: 'Daily quota exhausted',
    })
  })

  it('cannot be an ApiRefusal with RetCode 0', () => {
    expect(() => new ApiRefusal(0, 'fine')).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }))
  })
})

describe('combineBackends', () => {
  it('takes each action from the first backend that implements it, called on that backend', async () => {
    const stateful = {
      total: 7,
      DescribeNewUcdnPrefetchCacheTask() {
        return { TotalCount: this.total, TaskList: [] }
      },
    }
    const empty = {}
    const combined = combineBackends(empty, stateful, { DescribeNewUcdnPrefetchCacheTask: () => ({}) })
    expect(await call(combined, sign({ Action: 'DescribeNewUcdnPrefetchCacheTask' }))).toMatchObject({
      RetCode: 0,
      TotalCount: 7,
    })
    expect(Object.keys(combineBackends(empty))).toEqual([])
  })

  it('refuses something that is not a backend, naming its position', () => {
    expect(() => combineBackends({}, null as never)).toThrow('combineBackends: backend 1 must be an object.')
  })
})
