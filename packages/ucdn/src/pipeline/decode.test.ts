// decode + check and map, the steps that turn an answer into a model or an error.
import { DescribeNewUcdnPrefetchCacheTask } from '@scloud/ucdn-client'
import { describe, expect, it } from 'vitest'
import { UcdnError } from '../errors.js'
import { toTaskPage } from '../prefetch-tasks.js'
import type { WireResponse } from '../transport/wire.js'
import { checkAndMap } from './check-and-map.js'
import { decode, httpError } from './decode.js'

const ACTION = 'DescribeNewUcdnPrefetchCacheTask'
/** A clock at the epoch: a Retry-After given as an HTTP-date is counted from it. */
const AT_ZERO = { now: () => 0 }
const answer = (body: string, status = 200, headers: Record<string, string> = {}): WireResponse => ({
  status,
  body,
  header: (name) => ({ 'x-ucloud-request-uuid': 'req-1', ...headers })[name],
})
const parse = (body: unknown) => {
  const json = decode(ACTION, answer(typeof body === 'string' ? body : JSON.stringify(body)), AT_ZERO)
  const model = checkAndMap<{ totalCount?: number; taskList?: [] }>(
    DescribeNewUcdnPrefetchCacheTask,
    json,
    'req-1',
  )
  return {
    page: toTaskPage({ ...model, requestId: 'req-1' }),
    totalCountReported: model.totalCount !== undefined,
  }
}
const failure = (body: unknown): UcdnError => {
  try {
    parse(body)
  } catch (error) {
    if (error instanceof UcdnError) return error
    throw error
  }
  throw new Error('expected a failure')
}

describe('decode, then check and map', () => {
  it('gives a typed page with camelCase generated models', () => {
    const { page, totalCountReported } = parse({
      RetCode: 0,
      Action: 'DescribeNewUcdnPrefetchCacheTaskResponse',
      TotalCount: 1,
      TaskList: [
        {
          TaskId: 't1',
          CreateTime: 5,
          Status: 'process',
          UrlLists: [{ Url: 'https://a/x', CreateTime: 5, FinishTime: 0, Status: 'wait', Progress: 0 }],
        },
      ],
    })
    expect(page).toEqual({
      totalCount: 1,
      requestId: 'req-1',
      taskList: [
        {
          taskId: 't1',
          createTime: 5,
          status: 'process',
          urlLists: [{ url: 'https://a/x', createTime: 5, finishTime: 0, status: 'wait', progress: 0 }],
        },
      ],
    })
    expect(totalCountReported).toBe(true)
  })

  it('accepts RetCode as a numeric string', () => {
    expect(parse({ RetCode: '0', Action: 'X', TotalCount: 0 }).page.totalCount).toBe(0)
  })

  it('ignores unknown fields and keeps statuses outside the enum', () => {
    const { page } = parse({
      RetCode: 0,
      Action: 'X',
      Extra: { nested: true },
      TaskList: [{ TaskId: 't', Status: 'brandNew', Shiny: 1, UrlLists: [{ Status: 'zzz', Other: [] }] }],
    })
    expect(page.taskList[0]).toEqual({ taskId: 't', status: 'brandNew', urlLists: [{ status: 'zzz' }] })
  })

  it('defaults a missing TaskList to [] and a missing TotalCount to the page length, and says so', () => {
    expect(parse({ RetCode: 0, Action: 'X' })).toEqual({
      page: { totalCount: 0, taskList: [], requestId: 'req-1' },
      totalCountReported: false,
    })
  })

  it.each([
    [{ RetCode: 171, Action: 'X', Message: 'Signature VerifyAC Error' }, 171, 'check the private key'],
    [{ RetCode: '153', Action: 'X', Message: 'rate limited' }, 153, 'rate limited'],
    [{ RetCode: 230, Message: 'Params [TaskId] not valid' }, 230, 'Params [TaskId] not valid'],
  ])('turns a non-zero RetCode into API_ERROR (%j)', (body, retCode, text) => {
    const error = failure(body)
    expect(error).toMatchObject({ code: 'API_ERROR', retCode, requestId: 'req-1', action: ACTION })
    expect(error.message).toContain(`RetCode ${retCode}`)
    expect(error.message).toContain(text)
    expect(error.message).toContain('req-1')
  })

  it.each([
    ['unparsable JSON', '{"RetCode": 0,', 'not JSON'],
    ['an empty body', '', 'an empty answer'],
    ['a JSON array', '[]', 'unexpected shape'],
    ['a missing RetCode', { Action: 'X' }, 'RetCode'],
    ['a non-numeric RetCode', { RetCode: 'ok', Action: 'X' }, 'RetCode'],
    ['a TaskList that is not an array', { RetCode: 0, Action: 'X', TaskList: {} }, 'TaskList'],
    [
      'a wrongly typed nested field',
      { RetCode: 0, Action: 'X', TaskList: [{ UrlLists: [{ Progress: 'x' }] }] },
      'TaskList[0].UrlLists[0].Progress',
    ],
    ['a negative TotalCount', { RetCode: 0, Action: 'X', TotalCount: -1 }, 'TotalCount'],
  ])('turns %s into INVALID_RESPONSE with the request id', (_, body, text) => {
    const error = failure(body)
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', requestId: 'req-1', retryable: false })
    expect(error.message).toContain(text)
    expect(error.message).toContain('request id req-1')
  })
})

describe("the server's Message in errors", () => {
  const SIGNATURE = '54df1f4920ab3f6c9d2e8b7a61c0d5e4f3a2b1c0'

  it('blanks anything shaped like a signature (a gateway echoing the request), in API and HTTP errors', () => {
    const body = { RetCode: 230, Action: 'X', Message: `Params invalid: Signature=${SIGNATURE}` }
    expect(failure(body).message).toContain('Params invalid: Signature=[redacted]')
    expect(failure(body).message).not.toContain(SIGNATURE)
    const http = httpError(ACTION, 400, JSON.stringify(body), 'req-2')
    expect(http.message).toContain('Signature=[redacted]')
    expect(JSON.stringify(http.toJSON())).not.toContain(SIGNATURE)
  })
})

describe('httpError', () => {
  it('names the status and the request id, and keeps RetCode, Message and Retry-After', () => {
    let error: unknown
    try {
      decode(
        ACTION,
        answer('{"RetCode":150,"Message":"Service unavailable"}', 503, {
          'x-ucloud-request-uuid': 'req-9',
          'retry-after': '2',
        }),
        AT_ZERO,
      )
    } catch (thrown) {
      error = thrown
    }
    expect(error).toMatchObject({
      code: 'HTTP_ERROR',
      httpStatus: 503,
      retCode: 150,
      requestId: 'req-9',
      retryAfterMs: 2000,
      retryable: true,
      source: 'api',
    })
    expect((error as Error).message).toBe(
      `${ACTION} failed with HTTP 503: Service unavailable (request id req-9).`,
    )
  })

  it('copes with a non-JSON body', () => {
    const error = httpError(ACTION, 502, '<html>Bad Gateway</html>', undefined)
    expect(error.message).toBe(`${ACTION} failed with HTTP 502.`)
    expect(error.retCode).toBeUndefined()
  })
})
