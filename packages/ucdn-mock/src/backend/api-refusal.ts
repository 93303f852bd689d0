import { UcdnMockError } from '../errors.js'

/**
 * An API error a backend answers instead of a result: the handlers send `{ RetCode, Action, Message }`, as the
 * real API does for a request it understood but will not carry out (a quota exhausted, an unknown domain).
 * Return it from a backend method; never throw it.
 */
export class ApiRefusal {
  /** The answer's `RetCode`, non-zero (e.g. one of the action's `x-scloud-ret-codes`). */
  readonly retCode: number
  /** The answer's `Message`: one sentence saying what to fix; never a key or a signature. */
  readonly message: string

  constructor(retCode: number, message: string) {
    if (!Number.isSafeInteger(retCode) || retCode === 0) {
      throw new UcdnMockError(
        'INVALID_OPTION',
        `An ApiRefusal needs a non-zero integer RetCode, got ${retCode}.`,
      )
    }
    this.retCode = retCode
    this.message = message
  }
}
