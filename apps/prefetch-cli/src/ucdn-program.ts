// The `ucdn` command line: one commander program with a subcommand per job. Each subcommand's action records
// what to run; run-ucdn.ts runs it. The completion scripts are generated from this same tree.
import { Command, Option } from 'commander'
import { REFRESH_TYPES, type RefreshType } from './cache-api.js'
import type { QuotaOptions } from './commands/quota.js'
import type { SubmitOptions } from './commands/submit.js'
import { UsageError } from './errors.js'
import {
  addConnectionOptions,
  addFollowOptions,
  addOutputOptions,
  addTaskOptions,
  profileOption,
} from './option-flags.js'
import { oneOf, readWith } from './option-values.js'
import {
  type CliOptions,
  type ConnectionOptions,
  type RawOptions,
  toCliOptions,
  toConnectionOptions,
  VERSION,
} from './options.js'
import { parseWith } from './parse-with.js'
import { quote } from './printable.js'

export const SHELLS = ['bash', 'zsh', 'fish'] as const

/** The subcommands of `ucdn`. */
export const UCDN_COMMANDS: readonly string[] = [
  'tasks',
  'prefetch',
  'refresh',
  'quota',
  'configure',
  'completion',
]
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
  | { readonly kind: 'submit'; readonly options: SubmitOptions & ConnectionOptions }
  | { readonly kind: 'quota'; readonly options: QuotaOptions & ConnectionOptions }
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

  for (const kind of ['prefetch', 'refresh'] as const) {
    const submit = program
      .command(kind)
      .description(
        kind === 'prefetch'
          ? 'warm the CDN cache with these URLs; --wait follows the new tasks'
          : 'expire these URLs (or directories) in the CDN cache; --wait follows the new tasks',
      )
      .helpOption('-h, --help', 'show this help')
      .argument('[urls...]', 'http(s) URLs on your accelerated domains')
      .addOption(new Option('-f, --from-file <file>', 'also the URLs in this file, one a line (- for stdin)'))
    if (kind === 'refresh') {
      submit.addOption(
        readWith(
          new Option('--type <type>', 'file (default), dir (URLs end in /) or m3u8').choices(REFRESH_TYPES),
          oneOf(REFRESH_TYPES),
        ),
      )
    } else {
      submit.addOption(new Option('--dcdn', 'whole-site acceleration (DCDN)'))
    }
    addFollowOptions(submit, '--wait')
    addOutputOptions(submit, 'JSON: { TaskIds } (with --wait, NDJSON progress events)')
    addConnectionOptions(submit).action((urls: string[], _opts, command: Command) => {
      const raw = command.opts<RawOptions & { fromFile?: string; type?: RefreshType }>()
      const follow = toCliOptions({ ...raw, watch: raw.wait === true }, 'ndjson')
      chosen({
        kind: 'submit',
        options: {
          ...follow,
          kind,
          urls,
          fromFile: raw.fromFile,
          type: raw.type,
          wait: raw.wait === true,
        },
      })
    })
  }

  const quota = program
    .command('quota')
    .description("a domain's daily prefetch and refresh quotas, and what is used")
    .helpOption('-h, --help', 'show this help')
    .requiredOption('--domain <id>', 'the domain id (e.g. ucdn-0331qd)')
  addOutputOptions(quota, 'JSON in the API wire names')
  addConnectionOptions(quota).action((_args, command: Command) => {
    const raw = command.opts<RawOptions & { domain: string }>()
    chosen({ kind: 'quota', options: { ...toConnectionOptions(raw, 'json'), domainId: raw.domain } })
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
  ucdn prefetch https://cdn.example.com/a.js --wait   warm, then watch it
  ucdn refresh --type dir https://cdn.example.com/img/  purge a directory
  ucdn tasks --watch                      follow today's prefetch tasks
  ucdn tasks -t 5f8a2c -o json            one task and its URLs, as JSON
  ucdn quota --domain ucdn-0331qd         today's quota and what is left
  ucdn configure                          save your keys for every UCloud tool

Exit codes: 0 ok; 1 a task failed or was not found; 2 usage error; 3 API,
network or credential error; 70 a bug in ucdn; 130 interrupted; 143 terminated.
`
