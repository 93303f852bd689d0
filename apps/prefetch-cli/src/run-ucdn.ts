import { runCompletion } from './commands/completion.js'
import { runConfigure } from './commands/configure.js'
import { runQuota } from './commands/quota.js'
import { runSubmit } from './commands/submit.js'
import { runTasks } from './commands/tasks.js'
import { ExitCode } from './exit-codes.js'
import type { Io } from './io.js'
import { reportError, withSession } from './session.js'
import { parseUcdnArgs, type UcdnParse } from './ucdn-program.js'

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
      return withSession('ucdn', options, io, (session) => runTasks('ucdn', options, session))
    }
    case 'submit': {
      const options = parsed.options
      return withSession('ucdn', options, io, (session) => runSubmit('ucdn', options, session))
    }
    case 'quota': {
      const options = parsed.options
      return withSession('ucdn', options, io, (session) => runQuota(options, session))
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
