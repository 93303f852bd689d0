import { describe, expect, it } from 'vitest'
import { readParams } from './read-params.js'

const URL_ = 'https://api.scloudsg.com/'

function post(body: BodyInit, contentType?: string, url = URL_) {
  return new Request(url, {
    method: 'POST',
    body,
    headers: contentType === undefined ? {} : { 'content-type': contentType },
  })
}

describe('readParams', () => {
  it('reads a GET query, a POST form and a POST JSON body', async () => {
    expect(await readParams(new Request(`${URL_}?Action=A&TaskId.0=x&Limit=1`), 1024)).toEqual({
      ok: true,
      params: { Action: 'A', 'TaskId.0': 'x', Limit: '1' },
      encoding: 'query',
    })
    const form = await readParams(
      post('Action=A&Name=a+b%26c', 'application/x-www-form-urlencoded;charset=UTF-8'),
      1024,
    )
    expect(form).toEqual({ ok: true, params: { Action: 'A', Name: 'a b&c' }, encoding: 'form' })
    const json = await readParams(
      post('{"Action":"A","Limit":10,"IsDcdn":false,"Gone":null}', 'application/json'),
      1024,
    )
    expect(json).toEqual({
      ok: true,
      params: { Action: 'A', Limit: { json: '10' }, IsDcdn: false, Gone: null },
      encoding: 'json',
    })
  })

  it('returns null-prototype records', async () => {
    const read = await readParams(new Request(`${URL_}?Action=A`), 1024)
    expect(read.ok && Object.getPrototypeOf(read.params)).toBeNull()
  })

  it('does not read a POST’s query string, and says so when the body has no parameters', async () => {
    const read = await readParams(post('', 'application/x-www-form-urlencoded', `${URL_}?Action=A`), 1024)
    expect(read).toEqual({
      ok: true,
      params: {},
      encoding: 'form',
      hint: 'a POST carries its parameters in the body, not in the query string',
    })
  })

  it('reads no body of another content type, explaining why', async () => {
    expect(await readParams(post('Action=A', 'text/plain'), 1024)).toEqual({
      ok: true,
      params: {},
      encoding: 'none',
      hint: 'Content-Type "text/plain" is not read; send application/x-www-form-urlencoded or application/json',
    })
    const untyped = new Request(URL_, { method: 'POST', body: new Uint8Array([65]) })
    expect(await readParams(untyped, 1024)).toMatchObject({
      hint: expect.stringContaining('needs Content-Type'),
    })
  })

  it('refuses methods other than GET and POST', async () => {
    expect(await readParams(new Request(URL_, { method: 'PUT', body: 'x' }), 1024)).toEqual({
      ok: false,
      reason: 'method',
    })
  })

  it('refuses a body above the limit, whether declared or only streamed', async () => {
    const big = `Action=A&Pad=${'x'.repeat(2000)}`
    expect(await readParams(post(big, 'application/x-www-form-urlencoded'), 1024)).toEqual({
      ok: false,
      reason: 'tooLarge',
    })
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(200)))
        controller.close()
      },
    })
    const streamed = new Request(URL_, {
      method: 'POST',
      body: chunks,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit)
    expect(await readParams(streamed, 1024)).toEqual({ ok: false, reason: 'tooLarge' })
    expect((await readParams(post('x'.repeat(1024), 'text/plain'), 1024)).ok).toBe(true)
  })

  it.each([
    ['not JSON', '{"Action":', 'The request body is not valid JSON.'],
    ['an array', '[1,2]', 'The JSON body must be an object of parameters.'],
    ['a string', '"Action"', 'The JSON body must be an object of parameters.'],
    ['null', 'null', 'The JSON body must be an object of parameters.'],
  ])('refuses a JSON body that is %s', async (_, body, message) => {
    expect(await readParams(post(body, 'application/json'), 1024)).toEqual({
      ok: false,
      reason: 'malformed',
      message,
    })
  })

  it('reads JSON arrays of scalars and null as sent (the Go SDK’s JSON encoder)', async () => {
    const read = await readParams(
      post('{"Action":"A","TaskId":["a",1e2,true],"Status":null}', 'application/json'),
      1024,
    )
    expect(read).toEqual({
      ok: true,
      params: { Action: 'A', TaskId: ['a', { json: '1e2' }, true], Status: null },
      encoding: 'json',
    })
  })

  it.each([
    ['an object in an array', '[{"a":1}]'],
    ['an array in an array', '[["a"]]'],
    ['null in an array', '["a",null]'],
  ])('refuses %s, naming the parameter', async (_, list) => {
    const read = await readParams(post(`{"Action":"A","TaskId":${list}}`, 'application/json'), 1024)
    expect(read).toEqual({
      ok: false,
      reason: 'malformed',
      action: 'A',
      message:
        'Missing or invalid parameter: TaskId (a JSON array may hold only strings, numbers and booleans)',
    })
  })

  it('refuses JSON objects as values, naming the parameter and the flattened form', async () => {
    const nested = await readParams(post('{"Filter":{"A":1}}', 'application/json'), 1024)
    expect(nested).toMatchObject({ ok: false, message: expect.stringContaining('Filter (send an object') })
    const inArray = await readParams(post('{"Action":"A","TaskId":[1e400]}', 'application/json'), 1024)
    expect(inArray).toMatchObject({
      ok: false,
      message: expect.stringContaining('TaskId (number out of range)'),
    })
  })

  it('refuses a JSON number too large to represent', async () => {
    const read = await readParams(post('{"Action":"A","Limit":1e400}', 'application/json'), 1024)
    expect(read).toEqual({
      ok: false,
      reason: 'malformed',
      action: 'A',
      message: 'Missing or invalid parameter: Limit (number out of range)',
    })
  })

  it('answers deeply nested JSON without crashing', async () => {
    const deep = `{"A":${'['.repeat(100_000)}${']'.repeat(100_000)}}`
    const read = await readParams(post(deep, 'application/json'), 1024 * 1024)
    expect(read).toEqual({ ok: false, reason: 'malformed', message: 'The JSON body is nested too deeply.' })
  })

  it('refuses a body that is not UTF-8', async () => {
    const read = await readParams(
      post(new Uint8Array([0x41, 0xff, 0xfe]), 'application/x-www-form-urlencoded'),
      64,
    )
    expect(read).toEqual({ ok: false, reason: 'malformed', message: 'The request body is not valid UTF-8.' })
  })

  it('refuses a parameter given twice', async () => {
    expect(await readParams(new Request(`${URL_}?Action=A&Limit=1&Limit=2`), 1024)).toEqual({
      ok: false,
      reason: 'malformed',
      action: 'A',
      message: 'Missing or invalid parameter: Limit (given more than once)',
    })
  })

  describe('prototype-pollution keys', () => {
    const keys = [
      '__proto__',
      '__proto__.polluted',
      'constructor.prototype.polluted',
      'TaskId.__proto__',
      'prototype',
    ]

    it.each(keys)(
      'refuses %s in a query, a form and JSON, leaving Object.prototype untouched',
      async (key) => {
        const answers = [
          await readParams(new Request(`${URL_}?${encodeURIComponent(key)}=1&Action=A`), 1024),
          await readParams(post(`${encodeURIComponent(key)}=1`, 'application/x-www-form-urlencoded'), 1024),
          await readParams(
            post(`{${JSON.stringify(key)}:{"polluted":1},"Action":"A"}`, 'application/json'),
            1024,
          ),
          await readParams(post(`{${JSON.stringify(key)}:"1"}`, 'application/json'), 1024),
        ]
        for (const answer of answers) {
          expect(answer).toMatchObject({
            ok: false,
            reason: 'malformed',
            message: expect.stringMatching(/^Invalid parameter name: /),
          })
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
        expect(Object.prototype).not.toHaveProperty('polluted')
        expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('1')
      },
    )
  })
})
