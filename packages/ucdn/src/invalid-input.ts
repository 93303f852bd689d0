// INVALID_INPUT, the error of everything refused before a request is made: bad parameters, options, config.
import { UcdnError, type UcdnErrorSource } from './errors.js'

export interface InvalidInputDetails {
  /** The parameter or option at fault, as the caller named it. */
  readonly field?: string | undefined
  /** `input` (the call's parameters and options, the default), `config` or `credentials`. */
  readonly source?: Extract<UcdnErrorSource, 'input' | 'config' | 'credentials'> | undefined
  readonly action?: string | undefined
  readonly missingTaskIds?: readonly string[] | undefined
  readonly cause?: unknown
}

export function invalidInput(message: string, details: InvalidInputDetails = {}): UcdnError {
  return new UcdnError({ code: 'INVALID_INPUT', message, ...details, source: details.source ?? 'input' })
}
