import { describe, expect, it } from 'vitest'
import { contentTypeOf, mediaType, readRequestParams } from './request-params.js'

const URL_WITH_ACTION = 'https://api.example.com/#Action=DescribeThing'
const JSON_HEADERS = { 'Content-Type': 'application/json' }
const FORM_HEADERS = { 'Content-Type': 'application/x-www-form-urlencoded' }

describe('readRequestParams', () => {
  it("reads the generated client's JSON body", () => {
    const body = JSON.stringify({ Action: 'DescribeThing', TaskId: ['a', 'b'], Limit: 10, IsDcdn: false })
    expect(readRequestParams(URL_WITH_ACTION, { body, headers: JSON_HEADERS })).toEqual({
      Action: 'DescribeThing',
      TaskId: ['a', 'b'],
      Limit: 10,
      IsDcdn: false,
    })
  })

  it('reads a form body string, as a retry sends it', () => {
    const params = readRequestParams('https://api.example.com/', {
      body: 'Action=DescribeThing&TaskId.0=a%20b&Empty=',
      headers: FORM_HEADERS,
    })
    expect({ ...params }).toEqual({ Action: 'DescribeThing', 'TaskId.0': 'a b', Empty: '' })
  })

  it('reads a URLSearchParams body', () => {
    const body = new URLSearchParams({ Action: 'DescribeThing', 'TaskId.0': 'a' })
    expect({ ...readRequestParams('https://api.example.com/', { body }) }).toEqual({
      Action: 'DescribeThing',
      'TaskId.0': 'a',
    })
  })

  it('tells JSON from form by sniffing when there is no Content-Type', () => {
    expect(readRequestParams(URL_WITH_ACTION, { body: ' {"Limit": 1}' })).toEqual({
      Action: 'DescribeThing',
      Limit: 1,
    })
    expect({ ...readRequestParams(URL_WITH_ACTION, { body: 'Limit=1' }) }).toEqual({
      Action: 'DescribeThing',
      Limit: '1',
    })
  })

  it('reads a JSON Content-Type with parameters or a +json suffix', () => {
    const body = '{"Limit": 1}'
    for (const type of [
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/vnd.scloud+json',
    ]) {
      expect(readRequestParams(URL_WITH_ACTION, { body, headers: { 'content-type': type } })).toMatchObject({
        Limit: 1,
      })
    }
  })

  it('takes Action from the URL fragment when the body has none', () => {
    expect(readRequestParams(URL_WITH_ACTION, { body: '{}', headers: JSON_HEADERS })).toEqual({
      Action: 'DescribeThing',
    })
    expect(readRequestParams(URL_WITH_ACTION, {})).toEqual({ Action: 'DescribeThing' })
  })

  it('ignores a query the generated client appended after the fragment', () => {
    expect(readRequestParams(`${URL_WITH_ACTION}?PublicKey=p`, {})).toEqual({ Action: 'DescribeThing' })
  })

  it('rejects a body Action that differs from the fragment', () => {
    expect(() =>
      readRequestParams(URL_WITH_ACTION, { body: '{"Action": "Other"}', headers: JSON_HEADERS }),
    ).toThrow(expect.objectContaining({ code: 'ACTION_MISMATCH', key: 'Action' }))
  })

  it('rejects a request without any Action', () => {
    expect(() =>
      readRequestParams('https://api.example.com/', { body: '{}', headers: JSON_HEADERS }),
    ).toThrow(expect.objectContaining({ code: 'ACTION_MISSING' }))
  })

  it('rejects a JSON body that does not parse, or is not an object', () => {
    expect(() => readRequestParams(URL_WITH_ACTION, { body: '{"Limit": ', headers: JSON_HEADERS })).toThrow(
      expect.objectContaining({
        code: 'REQUEST_BODY_INVALID',
        message: 'The request body is not valid JSON.',
      }),
    )
    expect(() => readRequestParams(URL_WITH_ACTION, { body: '["a"]', headers: JSON_HEADERS })).toThrow(
      'The request body must be a JSON object of parameters.',
    )
  })

  it('rejects a body it cannot read, saying what it is', () => {
    expect(() => readRequestParams(URL_WITH_ACTION, { body: new Blob(['x']) })).toThrow(
      expect.objectContaining({
        code: 'REQUEST_BODY_INVALID',
        message: expect.stringContaining('is a Blob'),
      }),
    )
    expect(() =>
      readRequestParams(URL_WITH_ACTION, { body: 'x', headers: { 'Content-Type': 'text/plain' } }),
    ).toThrow('Content-Type "text/plain" cannot be signed')
  })

  it('rejects a form body that repeats a key', () => {
    expect(() => readRequestParams(URL_WITH_ACTION, { body: 'A=1&A=2', headers: FORM_HEADERS })).toThrow(
      expect.objectContaining({ code: 'PARAMETER_DUPLICATE', key: 'A' }),
    )
  })
})

describe('contentTypeOf', () => {
  it('reads a plain object, a Headers instance or an array, in any case', () => {
    expect(contentTypeOf({ 'content-TYPE': 'a/b' })).toBe('a/b')
    expect(contentTypeOf(new Headers({ 'Content-Type': 'a/b' }))).toBe('a/b')
    expect(contentTypeOf([['Content-Type', 'a/b']])).toBe('a/b')
    expect(contentTypeOf({ Accept: 'x' })).toBeUndefined()
    expect(contentTypeOf(undefined)).toBeUndefined()
  })
})

describe('mediaType', () => {
  it('drops parameters and lowercases', () => {
    expect(mediaType(' Application/JSON ; charset=utf-8')).toBe('application/json')
    expect(mediaType(undefined)).toBeUndefined()
  })
})
