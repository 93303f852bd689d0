// Step 5, size limit: `maxResponseBytes` travels with every wire request; the transport stops reading at it,
// counting compressed and decoded bytes (a small compressed bomb is dropped early). Its refusal becomes this.
import { UcdnError } from '../errors.js'

export function tooLargeError(
  action: string,
  max: number,
  httpStatus: number | undefined,
  requestId: string | undefined,
  cause?: unknown,
): UcdnError {
  return new UcdnError({
    code: 'INVALID_RESPONSE',
    source: 'response',
    field: 'maxResponseBytes',
    message: `${action} answered more than maxResponseBytes (${max} bytes); narrow the query or raise maxResponseBytes.`,
    action,
    httpStatus,
    requestId,
    cause,
  })
}
