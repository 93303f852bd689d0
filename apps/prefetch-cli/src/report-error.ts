// An error as one line and an exit code, under the command's name: what a usage error needs, without the session's
// connection code (the SDK, the demo API), which loads only for a command that calls the API.
import { describeError } from './describe-error.js'
import type { Io } from './io.js'

/** Writes an error as describeError() does, under the command's own name. */
export function reportError(error: unknown, verbose: boolean, name: string, io: Pick<Io, 'stderr'>): number {
  const report = describeError(error, verbose, name)
  io.stderr.write(report.text)
  return report.exitCode
}
