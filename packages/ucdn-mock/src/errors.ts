import { ScloudError, type ScloudErrorOptions } from '@scloud/signer'

/** Stable codes of {@link UcdnMockError}: a caller misused the mock (bad option, bad seed), not an API error. */
export type UcdnMockErrorCode = 'INVALID_OPTION' | 'INVALID_TASK' | 'DUPLICATE_TASK_ID' | 'INVALID_DOMAIN'

/**
 * Thrown when the mock is configured or seeded wrongly; a `ScloudError`, like every SCloud SDK error. API errors
 * are answers, never exceptions. `field` names the option at fault; `source` is `'config'` for a bad option,
 * `'input'` for a bad seed (a task, a domain).
 */
export class UcdnMockError extends ScloudError<UcdnMockErrorCode> {
  override readonly name = 'UcdnMockError'

  constructor(code: UcdnMockErrorCode, message: string, options: ScloudErrorOptions = {}) {
    super(code, message, { source: code === 'INVALID_OPTION' ? 'config' : 'input', ...options })
  }
}
