// The three ways the real API accepts parameters give the same answer, and the handlers' defaults work
// with nothing configured but the demo credentials.
import { getResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  createManualClock,
  createPrefetchBackend,
  createReferenceBackend,
  createUcdnHandlers,
  DEFAULT_BASE_URL,
  REFERENCE_RESPONSE_EXAMPLE,
} from '../../src/index.js'
import { ACTION, apiJson, formRequest, getRequest, jsonRequest, sign } from '../support/requests.js'

const T0 = Date.UTC(2026, 10, 29, 8, 0, 0)
const clock = createManualClock(T0)
const backend = createPrefetchBackend({ clock })
for (let i = 0; i < 4; i++) {
  backend.addTask({
    taskId: `t${i}`,
    createdAt: T0 - i * 60_000,
    urls: [`https://cdn.example.com/${i}.js`, `https://cdn.example.com/${i}.css`],
  })
}
const server = setupServer()

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

async function body(request: Request) {
  return (await apiJson(await fetch(request))).body
}

describe('GET query, POST form and POST JSON', () => {
  it('give the same answer to the same request', async () => {
    server.use(...createUcdnHandlers({ backend }))
    const typed = { Action: ACTION, 'TaskId.0': 't1', 'TaskId.1': 't2', Offset: 0, Limit: 10, IsDcdn: false }
    const answers = [
      await body(getRequest(sign(typed))),
      await body(formRequest(sign(typed))),
      await body(jsonRequest(sign(typed))),
    ]
    expect(answers[0]).toMatchObject({ RetCode: 0, TotalCount: 2 })
    expect((answers[0]!.TaskList as { TaskId: string }[]).map((t) => t.TaskId)).toEqual(['t1', 't2'])
    expect(answers[1]).toEqual(answers[0])
    expect(answers[2]).toEqual(answers[0])
  })

  it('give a fresh request id to every answer', async () => {
    server.use(...createUcdnHandlers({ backend }))
    const ids = new Set<string | null>()
    for (let i = 0; i < 3; i++)
      ids.add((await fetch(formRequest(sign({ Action: ACTION })))).headers.get('x-ucloud-request-uuid'))
    expect(ids.size).toBe(3)
  })
})

describe('defaults', () => {
  it('answer at https://api.scloudsg.com, accepting DEMO_CREDENTIALS, with an empty backend', async () => {
    server.use(...createUcdnHandlers())
    expect(DEFAULT_BASE_URL).toBe('https://api.scloudsg.com')
    const response = await fetch(formRequest(sign({ Action: ACTION })))
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect((await apiJson(response)).body).toEqual({
      RetCode: 0,
      Action: 'DescribeNewUcdnPrefetchCacheTaskResponse',
      TotalCount: 0,
      TaskList: [],
    })
  })

  it('answer at / only: another path or origin is not the API', async () => {
    const handlers = createUcdnHandlers()
    const params = sign({ Action: ACTION })
    expect(await getResponse(handlers, formRequest(params))).toBeDefined()
    expect(await getResponse(handlers, formRequest(params, 'https://api.scloudsg.com/other'))).toBeUndefined()
    expect(await getResponse(handlers, formRequest(params, 'http://api.scloudsg.com'))).toBeUndefined()
  })
})

describe('a base URL with a path prefix', () => {
  it('answers at the prefix, with or without a trailing slash, and nowhere else', async () => {
    server.use(...createUcdnHandlers({ baseUrl: 'https://gateway.example.com/ucdn/', backend }))
    const params = sign({ Action: ACTION, Limit: 1 })
    for (const url of ['https://gateway.example.com/ucdn', 'https://gateway.example.com/ucdn/']) {
      const response = await fetch(url, {
        method: 'POST',
        body: new URLSearchParams(params as Record<string, string>),
      })
      expect((await apiJson(response)).body).toMatchObject({ RetCode: 0, TotalCount: 4 })
    }
    const handlers = createUcdnHandlers({ baseUrl: 'https://gateway.example.com/ucdn' })
    expect(await getResponse(handlers, formRequest(params, 'https://gateway.example.com'))).toBeUndefined()
    expect(
      await getResponse(handlers, formRequest(params, 'https://gateway.example.com/ucdn2')),
    ).toBeUndefined()
  })

  it('refuses a base URL that is not an absolute http(s) URL without query', () => {
    for (const baseUrl of ['api.scloudsg.com', 'ftp://api.scloudsg.com', 'https://api.scloudsg.com/?x=1']) {
      expect(() => createUcdnHandlers({ baseUrl })).toThrow(
        expect.objectContaining({ code: 'INVALID_OPTION' }),
      )
    }
  })
})

describe('key pairs', () => {
  it('accept only the configured accounts', async () => {
    const alice = { publicKey: 'alice-pk', privateKey: 'alice-sk' }
    server.use(...createUcdnHandlers({ keyPairs: [alice] }))
    expect(await body(formRequest(sign({ Action: ACTION }, alice)))).toMatchObject({ RetCode: 0 })
    expect(await body(formRequest(sign({ Action: ACTION })))).toMatchObject({ RetCode: 172 })
  })

  it('accept key pairs whose private key is a hidden getter, like @scloud/signer’s Credentials', async () => {
    class Hidden {
      readonly #secret = 'hidden-sk'
      readonly publicKey = 'hidden-pk'
      get privateKey() {
        return this.#secret
      }
      toJSON() {
        return { publicKey: this.publicKey }
      }
    }
    const pair = new Hidden()
    server.use(...createUcdnHandlers({ keyPairs: [pair] }))
    const signed = sign({ Action: ACTION }, { publicKey: 'hidden-pk', privateKey: 'hidden-sk' })
    expect(await body(formRequest(signed))).toMatchObject({ RetCode: 0 })
  })

  it('refuse an incomplete pair or one public key with two private keys', () => {
    expect(() => createUcdnHandlers({ keyPairs: [{ publicKey: 'a', privateKey: '' }] })).toThrow(
      /keyPairs\[0\]/,
    )
    expect(() =>
      createUcdnHandlers({
        keyPairs: [
          { publicKey: 'a', privateKey: 'x' },
          { publicKey: 'a', privateKey: 'y' },
        ],
      }),
    ).toThrow(/keyPairs\[1\]/)
  })
})

describe('the reference fixture', () => {
  it('answers a valid request with the spec’s example, verbatim', async () => {
    server.use(...createUcdnHandlers({ backend: createReferenceBackend() }))
    expect(await body(formRequest(sign({ Action: ACTION })))).toStrictEqual(REFERENCE_RESPONSE_EXAMPLE)
  })

  it('still refuses an invalid request: the gateway comes first', async () => {
    server.use(...createUcdnHandlers({ backend: createReferenceBackend() }))
    expect(await body(formRequest(sign({ Action: ACTION, Status: 'uwNWouHX' })))).toMatchObject({
      RetCode: 230,
    })
  })
})

describe('the clock option', () => {
  it('drives the default backend', async () => {
    // An empty backend on a manual clock still answers: the window is computed from that clock.
    const manual = createManualClock(0)
    server.use(...createUcdnHandlers({ clock: manual }))
    expect(await body(formRequest(sign({ Action: ACTION, BeginTime: 0 })))).toMatchObject({
      RetCode: 0,
      TotalCount: 0,
    })
  })
})

describe('max body size', () => {
  it('is configurable', async () => {
    server.use(...createUcdnHandlers({ maxBodyBytes: 64 }))
    const response = await fetch(formRequest(sign({ Action: ACTION, Pad: 'x'.repeat(100) })))
    expect(response.status).toBe(413)
    expect(() => createUcdnHandlers({ maxBodyBytes: 0 })).toThrow(/maxBodyBytes/)
  })
})
