// INVALID_INPUT for the cache helpers, naming the option or parameter at fault in `field`, as the caller named it;
// options objects are checked by the one checkOptions every package shares (ADR 0004 §4).
import { checkOptions, type OptionRule } from '@scloud/signer'
import { UcdnError } from '../errors.js'

export function inputError(message: string, field: string): UcdnError {
  return new UcdnError({ code: 'INVALID_INPUT', source: 'input', field, message })
}

/** `options` (an object or undefined) with only the options `rules` lists, each as its rule says. */
export function checkMethodOptions<T>(
  options: T,
  method: string,
  rules: Readonly<Record<string, OptionRule>>,
): T {
  return checkOptions(options, {
    owner: method,
    rules,
    error: (message, field) => inputError(message, field ?? 'options'),
  })
}

export const SIGNAL: OptionRule = [
  'an AbortSignal',
  (v) =>
    typeof (v as AbortSignal | null)?.addEventListener === 'function' &&
    typeof (v as AbortSignal).aborted === 'boolean',
]
export const NON_EMPTY: OptionRule = ['a non-empty string', (v) => typeof v === 'string' && v.trim() !== '']
export const BOOLEAN: OptionRule = ['a boolean', (v) => typeof v === 'boolean']
export const FUNCTION: OptionRule = ['a function', (v) => typeof v === 'function']
