import { UcdnError } from '@scloud/ucdn'
import { describe, expect, it } from 'vitest'
import { errorResponse } from './error-response.js'

const logged: unknown[] = []
const logger = { error: (message: string) => void logged.push(message) }
const answer = (error: UcdnError) => {
  const response = errorResponse(error, logger)
  return {
    status: response.status,
    body: response.body as { error: Record<string, unknown> },
    headers: response.headers,
  }
}

describe('errorResponse chooses by where the failure arose (source), never by the wording', () => {
  it.each([
    ['credentials', { code: 'INVALID_INPUT', source: 'credentials', field: 'credentials' }],
    ['configuration', { code: 'INVALID_INPUT', source: 'config', field: 'baseUrl' }],
  ] as const)('%s: 500 SERVER_MISCONFIGURED, the details logged, not sent', (_, details) => {
    const { status, body } = answer(new UcdnError({ ...details, message: 'secret /root/.ucloud detail.' }))
    expect(status).toBe(500)
    expect(body.error.code).toBe('SERVER_MISCONFIGURED')
    expect(JSON.stringify(body)).not.toContain('/root/.ucloud')
  })

  it('a parameter the SDK refuses after the query was checked is this server’s bug: 500, the field logged', () => {
    logged.length = 0
    const { status, body } = answer(
      new UcdnError({ code: 'INVALID_INPUT', source: 'input', field: 'beginTime', message: 'bad.' }),
    )
    expect([status, body.error.code]).toEqual([500, 'INTERNAL_ERROR'])
    expect(logged).toEqual(['The SDK refused the parameter beginTime of the call.'])
  })

  it('an outcome the SDK cannot know is an API-side failure the browser sees as such (502, not retryable)', () => {
    const { status, body } = answer(new UcdnError({ code: 'OUTCOME_UNKNOWN', message: 'unknown.' }))
    expect(status).toBe(502)
    expect(body.error).toMatchObject({ code: 'OUTCOME_UNKNOWN', retryable: false, source: 'transport' })
  })

  it('a submit refused for pacing (RetCode 1204, nothing done) is 503 with Retry-After: try again, not a failure', () => {
    const { status, body, headers } = answer(
      new UcdnError({ code: 'API_ERROR', source: 'api', retCode: 1204, message: 'too soon.' }),
    )
    expect(status).toBe(503)
    expect(headers).toEqual({ 'Retry-After': '10' })
    expect(body.error).toMatchObject({ code: 'API_ERROR', retCode: 1204 })
  })
})
