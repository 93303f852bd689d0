// Hostile requests to the standalone mock server over real HTTP: malformed forms and JSON, oversized and deeply
// nested bodies, prototype-pollution keys in query, form and JSON, broken HTTP. Each gets a clear error answer;
// the server keeps answering; nothing reaches Object.prototype.
import { connect } from 'node:net'
import { Readable } from 'node:stream'
import { createPrefetchBackend, DEFAULT_MAX_BODY_BYTES } from '@scloud/ucdn-mock'
import { type MockServer, startMockServer } from '@scloud/ucdn-mock/node'
import { Pool } from 'undici'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CANARY, KEY_PAIRS } from '../support/keys.js'
import { collectUnhandledRejections } from '../support/leaks.js'
import { referenceFormBody, referenceJsonBody } from '../support/reference-signer.js'

const ACTION = 'DescribeNewUcdnPrefetchCacheTask'
const FORM = 'application/x-www-form-urlencoded'
const JSON_TYPE = 'application/json'

let mock: MockServer
let pool: Pool
const rejections = collectUnhandledRejections()
const prototypeNames = {
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  function: Object.getOwnPropertyNames(Function.prototype).sort(),
}

beforeAll(async () => {
  mock = await startMockServer({ keyPairs: KEY_PAIRS, backend: createPrefetchBackend() })
  pool = new Pool(mock.url)
})
afterAll(async () => {
  await pool.close()
  await mock.close()
  rejections.dispose()
})

interface Answer {
  readonly status: number
  readonly contentType: string
  readonly text: string
  readonly json?: { RetCode?: unknown; Message?: unknown; Action?: unknown }
}

async function send(options: {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'TRACE'
  path?: string
  contentType?: string
  body?: string | Uint8Array | Readable
  headers?: Record<string, string>
}): Promise<Answer> {
  const answer = await pool.request({
    method: options.method ?? 'POST',
    path: options.path ?? '/',
    headers: { ...(options.contentType ? { 'content-type': options.contentType } : {}), ...options.headers },
    body: options.body,
  })
  const text = await answer.body.text()
  const contentType = String(answer.headers['content-type'] ?? '')
  let json: Answer['json']
  if (contentType.startsWith(JSON_TYPE)) json = JSON.parse(text)
  return { status: answer.statusCode, contentType, text, ...(json === undefined ? {} : { json }) }
}

/** An API error answer: HTTP 200, JSON, a non-zero RetCode and a Message that says what is wrong, briefly. */
function expectApiError(answer: Answer, retCode: number, message?: RegExp): void {
  expect(answer.status).toBe(200)
  expect(answer.json?.RetCode).toBe(retCode)
  const text = answer.json?.Message
  expect(typeof text).toBe('string')
  expect(String(text).length).toBeLessThan(300)
  if (message) expect(text).toMatch(message)
}

afterEach(async () => {
  // Still serving: a correctly signed request gets its answer.
  const ok = await send({ contentType: FORM, body: referenceFormBody({ Action: ACTION }, CANARY) })
  expect(ok.json?.RetCode).toBe(0)
  // Nothing polluted.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames.object)
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(prototypeNames.array)
  expect(Object.getOwnPropertyNames(Function.prototype).sort()).toEqual(prototypeNames.function)
  expect(rejections.reasons).toEqual([])
})

const POLLUTING_NAMES = [
  '__proto__',
  '__proto__.polluted',
  'constructor.prototype.polluted',
  'TaskId.__proto__',
  'TaskId.constructor',
  'prototype',
]

describe('prototype-pollution keys are refused (RetCode 230), in every encoding', () => {
  it.each(POLLUTING_NAMES)('form: %s', async (name) => {
    const body = `Action=${ACTION}&${encodeURIComponent(name)}=1&PublicKey=${CANARY.publicKey}`
    expectApiError(await send({ contentType: FORM, body }), 230, /Invalid parameter name/)
  })

  it.each(POLLUTING_NAMES)('query (GET): %s', async (name) => {
    const path = `/?Action=${ACTION}&${encodeURIComponent(name)}=1`
    expectApiError(await send({ method: 'GET', path }), 230, /Invalid parameter name/)
  })

  it.each(POLLUTING_NAMES)('JSON: %s', async (name) => {
    const body = `{"Action":"${ACTION}",${JSON.stringify(name)}:{"polluted":"yes"}}`
    expectApiError(await send({ contentType: JSON_TYPE, body }), 230, /Invalid parameter name/)
  })

  it('JSON: nested constructor.prototype', async () => {
    const body = `{"Action":"${ACTION}","constructor":{"prototype":{"polluted":"yes"}}}`
    expectApiError(await send({ contentType: JSON_TYPE, body }), 230)
  })

  it('bracket syntax some parsers expand (__proto__[polluted]) is just an unknown name', async () => {
    const answer = await send({
      method: 'GET',
      path: '/?__proto__[polluted]=1&constructor[prototype][polluted]=1',
    })
    expectApiError(answer, 160, /Missing Action/)
  })
})

describe('malformed forms', () => {
  it.each([
    ['invalid percent-escapes', 172, `%ZZ=%&Action=${ACTION}`],
    ['only separators', 160, '&&&===&'],
    ['a parameter given twice', 230, `Action=${ACTION}&Action=${ACTION}`],
    ['NUL bytes', 161, `Action=${ACTION}%00&A%00=1`],
    ['an empty body', 160, ''],
  ])('%s → RetCode %i', async (_name, retCode, body) => {
    expectApiError(await send({ contentType: FORM, body }), retCode)
  })

  it('a body that is not UTF-8 → 230', async () => {
    const body = new Uint8Array([0x41, 0x3d, 0xff, 0xfe, 0xc3])
    expectApiError(await send({ contentType: FORM, body }), 230, /UTF-8/)
  })

  it('100,000 parameters in one body → an answer, not a stall', async () => {
    const body = `Action=${ACTION}&${Array.from({ length: 100_000 }, (_, i) => `p${i}=1`).join('&')}`
    expect(body.length).toBeLessThan(DEFAULT_MAX_BODY_BYTES)
    const started = performance.now()
    expectApiError(await send({ contentType: FORM, body }), 172)
    expect(performance.now() - started).toBeLessThan(10_000)
  })

  it('an unknown Content-Type → no parameters read, and the answer says why', async () => {
    expectApiError(await send({ contentType: 'text/plain', body: `Action=${ACTION}` }), 160, /Content-Type/)
  })
})

describe('malformed JSON', () => {
  it.each([
    ['not JSON', '{"Action":', /not valid JSON/],
    ['an array', '[1,2]', /must be an object/],
    ['a string', '"Action"', /must be an object/],
    ['null', 'null', /must be an object/],
    ['a list of objects', `{"Action":"${ACTION}","TaskId":[{"a":1}]}`, /TaskId/],
    ['an object value', `{"Action":"${ACTION}","Limit":{"n":1}}`, /flattened keys/],
  ])('%s → 230', async (_name, body, message) => {
    expectApiError(await send({ contentType: JSON_TYPE, body }), 230, message)
  })

  it('a number too large for a double (1e400) → 230', async () => {
    const body = `{"Action":"${ACTION}","Limit":1e400}`
    expectApiError(await send({ contentType: JSON_TYPE, body }), 230, /Limit/)
  })

  it.each([10_000, 200_000])('JSON nested %i levels deep → 230, and the server survives', async (depth) => {
    const body = `{"Action":"${ACTION}","X":${'['.repeat(depth)}${']'.repeat(depth)}}`
    expectApiError(await send({ contentType: JSON_TYPE, body }), 230)
  })

  it('deep nesting as objects, as deep as the size limit allows → 230', async () => {
    const depth = Math.floor((DEFAULT_MAX_BODY_BYTES - 100) / 7)
    const body = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    expectApiError(await send({ contentType: JSON_TYPE, body }), 230)
  })
})

describe('oversized bodies (the documented limit is 1 MiB)', () => {
  const limit = DEFAULT_MAX_BODY_BYTES

  it('exactly at the limit is read (an API answer, not 413)', async () => {
    const prefix = `Action=${ACTION}&Pad=`
    const body = prefix + 'x'.repeat(limit - prefix.length)
    expectApiError(await send({ contentType: FORM, body }), 172)
  })

  it('one byte over, with Content-Length → HTTP 413, plain text', async () => {
    const answer = await send({ contentType: FORM, body: 'x'.repeat(limit + 1) })
    expect(answer.status).toBe(413)
    expect(answer.text).toMatch(/larger than 1048576 bytes/)
  })

  it('over the limit, chunked (no Content-Length) → HTTP 413 or the connection cut, never the body read', async () => {
    async function* chunks() {
      const chunk = new Uint8Array(64 * 1024).fill(0x78)
      for (let i = 0; i < 40; i++) yield chunk // 2.5 MiB
    }
    const outcome = await send({ contentType: FORM, body: Readable.from(chunks()) }).then(
      (answer) => answer.status,
      (error: Error) => error.name,
    )
    expect([413, 'SocketError']).toContain(outcome)
  })
})

describe('methods and broken HTTP', () => {
  it.each(['PUT', 'DELETE', 'PATCH'] as const)('%s → HTTP 405', async (method) => {
    const answer = await send({ method, contentType: FORM, body: `Action=${ACTION}` })
    expect(answer.status).toBe(405)
  })

  // Once HTTP 500: fetch's Request refuses TRACE (found by Schemathesis, ST101). The server now answers 405
  // before building a Request for any method but GET and POST.
  it('TRACE is answered 405 like any other method', async () => {
    const answer = await send({ method: 'TRACE' })
    expect(answer.status).toBe(405)
  })

  it('a 100 kB query string → an HTTP 4xx from the server, which keeps serving', async () => {
    const answer = await send({ method: 'GET', path: `/?Action=${ACTION}&X=${'a'.repeat(100_000)}` }).catch(
      (error: Error) => ({ status: error.name }),
    )
    expect([414, 431, 'SocketError']).toContain(answer.status)
  })

  it.each([
    ['garbage instead of a request line', 'GARBAGE\r\n\r\n'],
    ['a header without a colon', 'POST / HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n'],
    ['a negative Content-Length', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n'],
    ['a request cut off mid-body', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nAction=Desc'],
  ])('%s → HTTP 400 or a closed connection', async (_name, raw) => {
    const reply = await rawExchange(raw)
    expect(reply === '' || /^HTTP\/1\.1 4\d\d/.test(reply)).toBe(true)
  })
})

describe('signed requests with hostile values', () => {
  it.each([
    ['BeginTime in exponent form', 'BeginTime', { BeginTime: '1e3' }],
    ['BeginTime of 400 digits', 'BeginTime', { BeginTime: '9'.repeat(400) }],
    ['a negative Limit', 'Limit', { Limit: '-1' }],
    ['a fractional Offset', 'Offset', { Offset: '1.5' }],
    ['IsDcdn in capitals', 'IsDcdn', { IsDcdn: 'TRUE' }],
    ['Status in capitals', 'Status', { Status: 'SUCCESS' }],
    ['TaskId not indexed', 'TaskId', { TaskId: 'abc' }],
    ['TaskId index with a leading zero', 'TaskId', { 'TaskId.01': 'abc' }],
    ['TaskId with a gap', 'TaskId', { 'TaskId.0': 'a', 'TaskId.2': 'b' }],
    ['an empty TaskId', 'TaskId.0', { 'TaskId.0': '' }],
    ['EndTime without BeginTime', 'BeginTime', { EndTime: '10' }],
  ])('%s → 230 naming %s', async (_name, named, params) => {
    const body = referenceFormBody({ Action: ACTION, ...params }, CANARY)
    const answer = await send({ contentType: FORM, body })
    expectApiError(answer, 230, new RegExp(`parameter: ${named.replace('.', '\\.')}\\b`))
  })

  it('a 100 kB parameter name is echoed at most briefly', async () => {
    const body = referenceFormBody({ Action: ACTION, [`TaskId.${'9'.repeat(100_000)}`]: 'x' }, CANARY)
    expectApiError(await send({ contentType: FORM, body }), 230)
  })

  it('JSON values of the wrong type are refused, not coerced', async () => {
    for (const params of [{ Limit: '10' }, { IsDcdn: 'false' }, { ProjectId: 5 }, { Offset: 1.5 }]) {
      const answer = await send({
        contentType: JSON_TYPE,
        body: referenceJsonBody({ Action: ACTION, ...params }, CANARY),
      })
      expectApiError(answer, 230, new RegExp(Object.keys(params)[0]!))
    }
  })
})

/** Sends raw bytes on a fresh socket and returns whatever comes back before the socket closes (or 2 s pass). */
function rawExchange(raw: string): Promise<string> {
  const { port, hostname } = new URL(mock.url)
  return new Promise((resolve) => {
    let reply = ''
    const socket = connect(Number(port), hostname, () => {
      socket.write(raw)
      socket.end()
    })
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      reply += chunk
    })
    socket.on('error', () => {})
    socket.on('close', () => resolve(reply))
    socket.setTimeout(2_000, () => socket.destroy())
  })
}
