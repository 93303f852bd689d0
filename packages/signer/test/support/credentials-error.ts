import { CredentialsError } from '../../src/credentials-error.js'

/** The CredentialsError a call throws; any other outcome fails the test. */
export function errorOf(run: () => unknown): CredentialsError {
  try {
    run()
  } catch (error) {
    if (error instanceof CredentialsError) return error
    throw error
  }
  throw new Error('expected a CredentialsError')
}

/** The CredentialsError a promise rejects with; any other outcome fails the test. */
export async function rejectionOf(promise: Promise<unknown>): Promise<CredentialsError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof CredentialsError) return error
    throw error
  }
  throw new Error('expected a CredentialsError')
}
