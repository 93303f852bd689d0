import { CredentialsError } from '../../src/credentials-error.js'

/** The error of type `type` a call throws (CredentialsError unless told); any other outcome fails the test. */
export function errorOf<E extends Error = CredentialsError>(
  run: () => unknown,
  type: abstract new (...args: never[]) => E = CredentialsError as never,
): E {
  try {
    run()
  } catch (error) {
    if (error instanceof type) return error
    throw error
  }
  throw new Error(`expected a ${type.name}`)
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
