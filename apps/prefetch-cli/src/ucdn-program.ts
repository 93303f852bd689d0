// The `ucdn` command line: one commander program with a subcommand per job. Each subcommand's action records
// what to run; run-ucdn.ts runs it. The completion scripts are generated from this same tree.
import { Command, Option } from 'commander'
import { UsageError } from './errors.js'
import {
  addConnectionOptions,
  addFollowOptions,
  addOutputOptions,
  addTaskOptions,
  profileOption,
} from './option-flags.js'
import { type CliOptions, parseWith, type RawOptions, toCliOptions, VERSION } from './options.js'
import { quote } from './printable.js'

export const SHELLS = ['bash', 'zsh', 'fish'] as const
export type Shell = (typeof SHELLS)[number]

export interface ConfigureOptions {
  readonly profile?: string | undefined
  readonly projectId?: string | undefined
  readonly baseUrl?: string | undefined
  readonly publicKey?: string | undefined
  readonly force: boolean
}

export type UcdnCommand =
  | { readonly kind: 'tasks'; readonly options: CliOptions }
  | { readonly kind: 'configure'; readonly options: ConfigureOptions }
  | { readonly kind: 'completion'; readonly shell: Shell }

export type UcdnParse = UcdnCommand | { readonly kind: 'exit'; readonly text: string }

/** Parses `ucdn`'s argv (without node and script). Throws UsageError with one line naming the problem. */
export function parseUcdnArgs(argv: readonly string[], nowMs: number): UcdnParse {
  let command: UcdnCommand | undefined
  const program = buildUcdnProgram(nowMs, (chosen) => {
    command = chosen
  })
  const text = parseWith(program, argv.length === 0 ? ['--help'] : argv)
  return text !== undefined || command === undefined ? { kind: 'exit', text: text ?? '' } : command
}

export function buildUcdnProgram(nowMs: number, chosen: (command: UcdnCommand) => void = () => {}): Command {
  const program = new Command('ucdn')
    .description('Prefetch and refresh SCloud CDN content, and follow the tasks until they are done.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .helpCommand(false)
    .addHelpText('after', HELP_FOOTER)

  const tasks = program
    .command('tasks')
    .description('list prefetch (or, with --refresh, refresh) tasks; --watch follows them')
    .helpOption('-h, --help', 'show this help')
    .addOption(new Option('--refresh', 'refresh (purge) tasks instead of prefetch tasks'))
  addTaskOptions(tasks, nowMs)
  addFollowOptions(tasks, '-w, --watch')
  addOutputOptions(tasks, 'JSON in the API wire shape; with --watch, NDJSON progress events')
  addConnectionOptions(tasks).action((_args, command: Command) => {
    chosen({ kind: 'tasks', options: toCliOptions(command.opts<RawOptions>(), 'ndjson') })
  })

  program
    .command('configure')
    .description('write ~/.ucloud/credential.json and config.json (the private key is read without echo)')
    .helpOption('-h, --help', 'show this help')
    .addOption(profileOption())
    .addOption(new Option('--public-key <key>', 'the public key (asked for when not given)'))
    .addOption(new Option('--project-id <id>', 'the default project of the profile'))
    .addOption(new Option('--base-url <url>', 'the API endpoint of the profile'))
    .addOption(new Option('--force', 'replace the profile if it exists'))
    .action((_args, command: Command) => {
      const raw = command.opts<ConfigureOptions>()
      chosen({ kind: 'configure', options: { ...raw, force: raw.force === true } })
    })

  program
    .command('completion')
    .description('print a shell completion script: source <(ucdn completion bash)')
    .helpOption('-h, --help', 'show this help')
    .argument('<shell>', 'bash, zsh or fish')
    .action((shell: string) => {
      chosen({ kind: 'completion', shell: readShell(shell) })
    })
  return program
}

function readShell(value: string): Shell {
  const shell = SHELLS.find((s) => s === value.trim().toLowerCase())
  if (shell === undefined) throw new UsageError(`unknown shell ${quote(value)}; give bash, zsh or fish`)
  return shell
}

// At most 80 columns: help is read in a terminal.
const HELP_FOOTER = `
Without credentials (UCLOUD_PUBLIC_KEY/UCLOUD_PRIVATE_KEY, or the file
~/.ucloud/credential.json written by \`ucdn configure\`) it uses a built-in
demo API and says so on stderr.

Examples:
  ucdn tasks --watch                      follow today's prefetch tasks
  ucdn tasks -t 5f8a2c -o json            one task and its URLs, as JSON
  ucdn tasks --refresh --status failure   failed refresh tasks
  ucdn configure                          save your keys for every UCloud tool

Exit codes: 0 ok; 1 a task failed or was not found; 2 usage error; 3 API,
network or credential error; 70 a bug in ucdn; 130 interrupted; 143 terminated.
`
