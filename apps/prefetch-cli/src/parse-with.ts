// Running commander over an argv with its output captured and every failure turned into one UsageError line:
// commander's own messages would echo values raw and print usage text a script cannot use.
import type { Command } from 'commander'
import { UsageError } from './errors.js'
import { printable, quote } from './printable.js'

/**
 * Runs commander over `argv`, its output captured. Resolves with the help or version text when that is what
 * was asked for, else undefined (an action ran). Throws UsageError with one line.
 */
export function parseWith(program: Command, argv: readonly string[]): string | undefined {
  let text = ''
  const capture = {
    writeOut: (s: string) => {
      text += s
    },
    writeErr: (s: string) => {
      text += s
    },
    outputError: () => {},
  }
  const configure = (command: Command) => {
    command.configureOutput(capture).exitOverride()
    for (const sub of command.commands) configure(sub)
  }
  configure(program)
  try {
    program.parse([...argv], { from: 'user' })
  } catch (error) {
    if (error instanceof UsageError) throw error // a bad value, already told safely (readWith)
    const e = error as { code?: string; message?: string }
    if (
      e.code === 'commander.helpDisplayed' ||
      e.code === 'commander.version' ||
      e.code === 'commander.help'
    ) {
      return text
    }
    throw new UsageError(usageMessage(e.code, e.message ?? String(error), lastArgs(program)))
  }
  return undefined
}

function lastArgs(program: Command): readonly string[] {
  const sub = program.commands.find((c) => c.args.length > 0 && c.args !== program.args)
  return sub?.args ?? program.args
}

// commander's own messages: the unknown option comes back quoted safely; the rest hold only our flags.
const UNKNOWN_OPTION = /^error: unknown option '([\s\S]*)'(?:\n\(Did you mean ([^\n]*)\?\))?$/
const UNKNOWN_COMMAND = /^error: unknown command '([\s\S]*)'(?:\n\(Did you mean ([^\n]*)\?\))?$/

function usageMessage(code: string | undefined, message: string, args: readonly string[]): string {
  if (code === 'commander.excessArguments') {
    const arg = args[0] ?? ''
    // `pnpm start -- --watch` passes the `--` on, and after it nothing is read as an option.
    const hint = arg.startsWith('-') ? 'options after "--" are not read' : 'give task ids with --task-id'
    return `unexpected argument ${quote(arg)}; ${hint}`
  }
  const unknown =
    code === 'commander.unknownOption'
      ? UNKNOWN_OPTION.exec(message)
      : code === 'commander.unknownCommand'
        ? UNKNOWN_COMMAND.exec(message)
        : null
  if (unknown) {
    const [, name = '', suggestion] = unknown
    const what = code === 'commander.unknownCommand' ? 'command' : 'option'
    return `unknown ${what} ${quote(name)}${suggestion === undefined ? '' : `; did you mean ${suggestion}?`}`
  }
  return printable(message.replace(/^error: /, '').replace(/\n/g, ' '))
}
