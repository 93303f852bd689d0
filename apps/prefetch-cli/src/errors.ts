// Errors this tool raises itself. describe-error.ts turns these, the SDK's UcdnError and the signer's
// CredentialsError into one line and an exit code.
import { ExitCode } from './exit-codes.js'

/** The command line is wrong (exit 2). The message names the option and says what is accepted. */
export class UsageError extends Error {
  readonly code = 'USAGE'
  override readonly name = 'UsageError'
}

/** A problem this tool decided on itself, with its exit code: missing credentials under --live, a watch timeout. */
export class CliError extends Error {
  override readonly name = 'CliError'

  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.ApiError,
    options?: ErrorOptions,
  ) {
    super(message, options)
  }
}
