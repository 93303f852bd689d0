import { readFileSync } from 'node:fs'
import { Command } from 'commander'
import { UsageError } from './errors.js'
import {
  addConnectionOptions,
  addFollowOptions,
  addOutputOptions,
  addTaskOptions,
  type OutputFormat,
  type StatusFilter,
} from './option-flags.js'
import { parseWith } from './parse-with.js'

export { STATUSES, type StatusFilter } from './option-flags.js'

/** Where requests go: the options every API command shares. */
export interface ConnectionOptions {
  readonly projectId?: string | undefined
  readonly timeoutSeconds?: number | undefined
  readonly baseUrl?: string | undefined
  readonly profile?: string | undefined
  readonly mock: boolean
  readonly live: boolean
  readonly verbose: boolean
  readonly color: boolean
  readonly output: OutputFormat
  readonly quiet: boolean
}

/** The command line of a task listing, validated. Times are Unix seconds. */
export interface CliOptions extends ConnectionOptions {
  readonly taskIds: readonly string[]
  readonly since?: number | undefined
  readonly until?: number | undefined
  readonly status?: StatusFilter | undefined
  readonly limit?: number | undefined
  readonly all: boolean
  readonly dcdn: boolean
  /** `--refresh`: refresh (purge) tasks instead of prefetch tasks. */
  readonly refresh: boolean
  readonly watch: boolean
  readonly failOnFailure: boolean
  /** How long --watch waits for the tasks to finish, in seconds. */
  readonly watchTimeoutSeconds: number
  /** --interval: a fixed time between polls, in seconds; absent, polls start at 2 s and slow down. */
  readonly intervalSeconds?: number | undefined
}

/** What parsing produced: options to run with, or text already decided (help, version). */
export type ParseResult =
  | { readonly kind: 'run'; readonly options: CliOptions }
  | { readonly kind: 'exit'; readonly text: string }

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version

/** Parses ucdn-prefetch's argv (without node and script). Throws UsageError with one line naming the option. */
export function parseArgs(argv: readonly string[], nowMs: number): ParseResult {
  let options: CliOptions | undefined
  const program = buildProgram(nowMs).action((_args, command: Command) => {
    options = toCliOptions(command.opts<RawOptions>(), 'json')
  })
  const text = parseWith(program, argv)
  return text !== undefined || options === undefined
    ? { kind: 'exit', text: text ?? '' }
    : { kind: 'run', options }
}

/** What commander hands over, before validation. */
export interface RawOptions {
  taskId: string[]
  since?: number
  until?: number
  status?: StatusFilter
  limit?: number
  all?: boolean
  projectId?: string
  dcdn?: boolean
  refresh?: boolean
  json?: boolean
  output?: OutputFormat
  quiet?: boolean
  watch?: boolean
  wait?: boolean
  failOnFailure?: boolean
  watchTimeout: number
  interval?: number
  timeout?: number
  baseUrl?: string
  profile?: string
  mock?: boolean
  live?: boolean
  verbose?: boolean
  color: boolean
}

/**
 * Checks what no single option can and fills the defaults. `watchJson` is what `--json` means while watching:
 * `json` (the final state only, ucdn-prefetch as it always was) or `ndjson` (a line per change, `ucdn`).
 */
export function toCliOptions(raw: RawOptions, watchJson: 'json' | 'ndjson'): CliOptions {
  if (raw.since !== undefined && raw.until !== undefined && raw.since > raw.until) {
    throw new UsageError('--since is after --until; give the earlier time to --since')
  }
  const watch = raw.watch === true || raw.wait === true
  return {
    taskIds: raw.taskId ?? [],
    since: raw.since,
    until: raw.until,
    status: raw.status,
    limit: raw.limit,
    all: raw.all === true,
    dcdn: raw.dcdn === true,
    refresh: raw.refresh === true,
    watch,
    failOnFailure: raw.failOnFailure === true,
    watchTimeoutSeconds: raw.watchTimeout,
    intervalSeconds: raw.interval,
    ...toConnectionOptions(raw, watch ? watchJson : 'json'),
  }
}

export function toConnectionOptions(raw: Partial<RawOptions>, json: OutputFormat): ConnectionOptions {
  if (raw.json === true && raw.output !== undefined && raw.output !== 'json') {
    throw new UsageError(`--json cannot be used with --output ${raw.output}; give one of them`)
  }
  return {
    projectId: raw.projectId,
    timeoutSeconds: raw.timeout,
    baseUrl: raw.baseUrl,
    profile: raw.profile,
    mock: raw.mock === true,
    live: raw.live === true,
    verbose: raw.verbose === true,
    color: raw.color !== false,
    output: raw.output ?? (raw.json === true ? json : 'table'),
    quiet: raw.quiet === true,
  }
}

function buildProgram(nowMs: number): Command {
  const program = new Command('ucdn-prefetch')
    .description('See whether your CDN prefetch (preheat) tasks are done.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
  addTaskOptions(program, nowMs)
  addFollowOptions(program, '-w, --watch')
  addOutputOptions(program, 'print the result as JSON in the API wire shape: { TotalCount, TaskList }')
  addConnectionOptions(program)
  return program.addHelpText('after', HELP_FOOTER)
}

// At most 80 columns: help is read in a terminal.
const HELP_FOOTER = `
Without credentials (UCLOUD_PUBLIC_KEY/UCLOUD_PRIVATE_KEY, or the file
~/.ucloud/credential.json written by \`ucdn configure\`) it runs against a
built-in demo API and says so on stderr.

Examples:
  ucdn-prefetch                              tasks of the last 24 hours
  ucdn-prefetch --since 7d --status failure  failed tasks of the last week
  ucdn-prefetch -t 5f8a2c -t 9b1d7e --watch  follow two tasks until they finish
  ucdn-prefetch --all --json > tasks.json    every task, as the API's JSON

Exit codes: 0 ok; 1 a task failed (--watch, --fail-on-failure) or a task
given with -t was not found; 2 usage error; 3 API, network or credential
error; 70 a bug in this tool; 130 interrupted; 143 terminated.
`
