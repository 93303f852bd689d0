// Finding 6 of issue 14: the gateway reads bytes. A BOM is not stripped, percent-encoded bytes that are not
// UTF-8 are refused (never decoded to U+FFFD and signed over that), and a JSON integer must be written as one.
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createManualClock, createPrefetchBackend, createUcdnHandlers } from '../../src/index.js'
import { ACTION, API, apiJson, sign } from '../support/requests.js'

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
  return (await apiJson(response)).body
}

function post(body: string | Uint8Array<ArrayBuffer>, contentType: string): Request {
  return new Request(`${API}/`, { method: 'POST', headers: { 'content-type': contentType }, body })
}

function formText(params: Record<string, string | number | boolean>): string {
  return new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()
}

const FORM = 'application/x-www-form-urlencoded'
const BOM = new Uint8Array([0xef, 0xbb, 0xbf])

function withBom(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new TextEncoder().encode(text)
  const out = new Uint8Array(BOM.length + bytes.length)
  out.set(BOM)
  out.set(bytes, BOM.length)
  return out
}

describe('a byte order mark is not stripped', () => {
  it('is part of the first name of a form: Action first, so Action is missing (160), and the answer says why', async () => {
    const body = withBom(formText(sign({ Action: ACTION, Limit: 1 })))
    expect(await answer(post(body, FORM))).toEqual({
      RetCode: 160,
      Action: 'Response',
      Message:
        'Missing Action (the body starts with a byte order mark (U+FEFF), read as part of the first name)',
    })
  })

  it('changes the signed name of another first parameter, so the signature is wrong (171)', async () => {
    const { Action, ...rest } = sign({ Action: ACTION, Limit: 1 })
    const body = withBom(formText({ Limit: rest.Limit!, Action: Action!, ...rest }))
    expect(await answer(post(body, FORM))).toMatchObject({ RetCode: 171 })
  })

  it('makes a JSON body invalid JSON (230), saying so', async () => {
    const body = withBom(JSON.stringify(sign({ Action: ACTION })))
    expect(await answer(post(body, 'application/json'))).toEqual({
      RetCode: 230,
      Action: 'Response',
      Message: 'The request body is not valid JSON (it starts with a byte order mark, U+FEFF).',
    })
  })
})

describe('percent-encoded bytes that are not UTF-8 are a bad parameter (230 naming it)', () => {
  it.each([
    ['an overlong slash', '%C0%AF'],
    ['a UTF-16 surrogate', '%ED%A0%80'],
    ['a lone continuation byte', '%80'],
    ['a truncated sequence', '%E2%82'],
  ])('refuses %s (%s) in a form value, a query value and a form name', async (_, bytes) => {
    const signed = formText(sign({ Action: ACTION }))
    expect(await answer(post(`${signed}&ProjectId=${bytes}`, FORM))).toEqual({
      RetCode: 230,
      Action: `${ACTION}Response`,
      Message: 'Missing or invalid parameter: ProjectId (not UTF-8 once percent-decoded)',
    })
    expect(await answer(new Request(`${API}/?${signed}&TaskId.0=a${bytes}`))).toMatchObject({
      RetCode: 230,
      Message: 'Missing or invalid parameter: TaskId.0 (not UTF-8 once percent-decoded)',
    })
    expect(await answer(post(`${signed}&X${bytes}=1`, FORM))).toMatchObject({
      RetCode: 230,
      Message: `Invalid parameter name: "X${bytes}" (not UTF-8 once percent-decoded)`,
    })
  })

  it('still decodes valid percent-encoded UTF-8 and keeps a stray % as written', async () => {
    const params = sign({ Action: ACTION, ProjectId: 'org-default', Note: 'é 100% ✓' })
    expect(await answer(post(formText(params), FORM))).toMatchObject({ RetCode: 0, TotalCount: 1 })
    const stray = formText(sign({ Action: ACTION, Note: '%zz' })).replace('%25zz', '%zz')
    expect(await answer(post(stray, FORM))).toMatchObject({ RetCode: 0 })
  })
})

describe('a JSON integer must be written as an integer', () => {
  it.each(['1e2', '1E2', '100.0', '1e+2'])(
    'refuses Limit written as %s (230), though it equals 100',
    async (written) => {
      const text = JSON.stringify(sign({ Action: ACTION, Limit: 100 })).replace(
        '"Limit":100',
        `"Limit":${written}`,
      )
      expect(text).toContain(written)
      expect(await answer(post(text, 'application/json'))).toEqual({
        RetCode: 230,
        Action: `${ACTION}Response`,
        Message: `Missing or invalid parameter: Limit (expected a JSON integer written without a fraction or an exponent, got ${written})`,
      })
    },
  )

  it('accepts Limit written as 100', async () => {
    const text = JSON.stringify(sign({ Action: ACTION, Limit: 100 }))
    expect(await answer(post(text, 'application/json'))).toMatchObject({ RetCode: 0, TotalCount: 1 })
  })

  it('refuses a key given twice with different values (230), whichever comes last', async () => {
    const text = JSON.stringify(sign({ Action: ACTION, Limit: 1 })).replace('{', '{"Limit":2,')
    expect(await answer(post(text, 'application/json'))).toMatchObject({
      RetCode: 230,
      Message: 'Missing or invalid parameter: Limit (given more than once)',
    })
  })
})
