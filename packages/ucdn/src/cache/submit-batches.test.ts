import { describe, expect, it } from 'vitest'
import { UcdnError, type UcdnErrorDetails } from '../errors.js'
import { nothingSubmitted } from './submit-batches.js'

const error = (details: Omit<UcdnErrorDetails, 'message'>) => new UcdnError({ ...details, message: 'x.' })

describe('nothingSubmitted', () => {
  it.each([
    [{ code: 'INVALID_INPUT' }, true],
    [{ code: 'NETWORK_ERROR' }, true],
    [{ code: 'TIMEOUT' }, true],
    [{ code: 'API_ERROR', retCode: 1203 }, true],
    [{ code: 'API_ERROR', retCode: 230 }, true],
    [{ code: 'API_ERROR', retCode: 153 }, true],
    [{ code: 'API_ERROR', retCode: 110 }, false],
    [{ code: 'API_ERROR', retCode: 2001 }, false],
    [{ code: 'HTTP_ERROR', httpStatus: 429 }, true],
    [{ code: 'HTTP_ERROR', httpStatus: 403 }, true],
    [{ code: 'HTTP_ERROR', httpStatus: 503 }, true],
    [{ code: 'HTTP_ERROR', httpStatus: 502 }, false],
    [{ code: 'HTTP_ERROR', httpStatus: 504 }, false],
    [{ code: 'HTTP_ERROR', httpStatus: 500, retCode: 2001 }, false],
    [{ code: 'HTTP_ERROR', httpStatus: 503, retCode: 2001 }, false],
    [{ code: 'HTTP_ERROR', httpStatus: 500, retCode: 150 }, true],
    [{ code: 'OUTCOME_UNKNOWN' }, false],
    [{ code: 'ABORTED' }, false],
    [{ code: 'INVALID_RESPONSE' }, false],
  ] as const)('%j: %j', (details, expected) => {
    expect(nothingSubmitted(error(details))).toBe(expected)
  })
})
