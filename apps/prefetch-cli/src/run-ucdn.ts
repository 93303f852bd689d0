import { runCompletion } from './commands/completion.js'
import { runConfigure } from './commands/configure.js'
import { ExitCode } from './exit-codes.js'
import type { Io } from './io.js'
import { reportError } from './report-error.js'
import { parseUcdnArgs, type UcdnParse } from './ucdn-program.js'

// The commands that call the API, and the session (the SDK, the demo API), load with import() once the arguments
// are known to ask for them: `--help`, `completion` and a usage error read only the parser.
const session = () => import('./session.js')

/**
 * `ucdn <command>`: parse `argv`, run the subcommand, resolve with the exit code. Never throws and never exits
 * the process; everything it touches comes from `io`.
 */
export async function runUcdn(argv: readonly string[], io: Io): Promise<number> {
  let parsed: UcdnParse
  try {
    parsed = parseUcdnArgs(argv, io.now())
  } catch (error) {
    return reportError(error, false, 'ucdn', io)
  }
  switch (parsed.kind) {
    case 'exit':
      io.stdout.write(parsed.text)
      return ExitCode.Ok
    case 'tasks': {
      const options = parsed.options
      const [{ withSession }, { runTasks }] = await Promise.all([session(), import('./commands/tasks.js')])
      return withSession('ucdn', options, io, (opened) => runTasks('ucdn', options, opened))
    }
    case 'submit': {
      const options = parsed.options
      const [{ withSession }, { runSubmit }] = await Promise.all([session(), import('./commands/submit.js')])
      return withSession('ucdn', options, io, (opened) => runSubmit('ucdn', options, opened))
    }
    case 'quota': {
      const options = parsed.options
      const [{ withSession }, { runQuota }] = await Promise.all([session(), import('./commands/quota.js')])
      return withSession('ucdn', options, io, (opened) => runQuota(options, opened))
    }
    case 'configure':
      try {
        return await runConfigure(parsed.options, io)
      } catch (error) {
        return reportError(error, false, 'ucdn', io)
      }
    case 'completion':
      io.stdout.write(runCompletion(parsed.shell, io.now()))
      return ExitCode.Ok
  }
}
