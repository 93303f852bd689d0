// Ctrl-C and SIGTERM reach run() as an aborted signal; whatever was in flight then fails in its own way (the
// SDK's ABORTED, a sleep's AbortError). This says it once: interrupted (130) or terminated (143).
import { CliError } from './errors.js'
import { ExitCode } from './exit-codes.js'

/** The abort reason bin.ts gives on SIGTERM. */
export const TERMINATED = 'SIGTERM'

export function interruption(signal: AbortSignal | undefined): CliError | undefined {
  if (signal?.aborted !== true) return undefined
  const reason = signal.reason as { message?: unknown } | undefined
  return reason?.message === TERMINATED
    ? new CliError('terminated', ExitCode.Terminated)
    : new CliError('interrupted', ExitCode.Interrupted)
}
