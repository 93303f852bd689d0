// Errors this tool raises itself. The SDK's UcdnError and the signer's CredentialsError are described in
// describe-error.ts, which turns any error into one line and an exit code.

/** The command line is wrong (exit 2). The message names the option and says what is accepted. */
export class UsageError extends Error {
  readonly code = 'USAGE'
  override readonly name = 'UsageError'
}

/** Credentials are needed but missing or unusable, decided by this tool (for example --live without any). */
export class SetupError extends Error {
  readonly code = 'SETUP'
  override readonly name = 'SetupError'
}
