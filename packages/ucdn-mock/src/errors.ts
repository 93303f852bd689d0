/** Stable codes of {@link UcdnMockError}: a caller misused the mock (bad option, bad seed), not an API error. */
export type UcdnMockErrorCode = 'INVALID_OPTION' | 'INVALID_TASK' | 'DUPLICATE_TASK_ID' | 'INVALID_DOMAIN'

/** Thrown when the mock is configured or seeded wrongly. API errors are answers, never exceptions. */
export class UcdnMockError extends Error {
  override readonly name = 'UcdnMockError'
  readonly code: UcdnMockErrorCode

  constructor(code: UcdnMockErrorCode, message: string) {
    super(message)
    this.code = code
  }
}
