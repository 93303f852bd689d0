import { ExitCode } from './exit-codes.js'
import type { Io } from './io.js'
import { type ParseResult, parseArgs } from './options.js'
import { reportError } from './report-error.js'
import { runUcdn } from './run-ucdn.js'
import { UCDN_COMMANDS } from './ucdn-program.js'

export { DEMO_FAILURE_NOTE } from './demo-notices.js'

/**
 * `ucdn-prefetch`: parse `argv`, list (and with --watch follow) prefetch tasks, print them, and resolve with the
 * exit code. The same code as `ucdn tasks`. Never throws and never exits the process; everything it touches
 * comes from `io`.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  // `npm start -- prefetch … --wait` runs this bin: a first word that is a ucdn subcommand (never a valid
  // ucdn-prefetch argument, which takes no positional ones) is handed to ucdn.
  if (UCDN_COMMANDS.includes(argv[0] ?? '')) return runUcdn(argv, io)
  let parsed: ParseResult
  try {
    parsed = parseArgs(argv, io.now())
  } catch (error) {
    return reportError(error, false, 'ucdn-prefetch', io)
  }
  if (parsed.kind === 'exit') {
    io.stdout.write(parsed.text)
    return ExitCode.Ok
  }
  const options = parsed.options
  // The session (the SDK, the demo API) and the command load once the arguments ask for them (see run-ucdn.ts).
  const [{ withSession }, { runTasks }] = await Promise.all([
    import('./session.js'),
    import('./commands/tasks.js'),
  ])
  return withSession('ucdn-prefetch', options, io, (session) => runTasks('ucdn-prefetch', options, session))
}
