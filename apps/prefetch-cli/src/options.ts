import { readFileSync } from 'node:fs'
import { Command, Option } from 'commander'
import { UsageError } from './errors.js'
import {
  collectTaskIds,
  durationValue,
  httpUrl,
  oneOf,
  positiveInt,
  positiveSeconds,
  profileName,
  readWith,
  timeValue,
} from './option-values.js'
import { printable, quote } from './printable.js'
import { TIME_FORMATS } from './time.js'

export const STATUSES = ['success', 'wait', 'process', 'failure', 'unknow'] as const
export type StatusFilter = (typeof STATUSES)[number]

/** The command line, validated. Times are Unix seconds. */
export interface CliOptions {
  readonly taskIds: readonly string[]
  readonly since?: number | undefined
  readonly until?: number | undefined
  readonly status?: StatusFilter | undefined
  readonly limit?: number | undefined
  readonly all: boolean
  readonly projectId?: string | undefined
  readonly dcdn: boolean
  readonly json: boolean
  readonly watch: boolean
  readonly failOnFailure: boolean
  /** How long --watch waits for the tasks to finish, in seconds. */
  readonly watchTimeoutSeconds: number
  readonly timeoutSeconds?: number | undefined
  readonly baseUrl?: string | undefined
  readonly profile?: string | undefined
  readonly mock: boolean
  readonly live: boolean
  readonly verbose: boolean
  readonly color: boolean
}

/** What parsing produced: options to run with, or text already decided (help, version). */
export type ParseResult =
  | { readonly kind: 'run'; readonly options: CliOptions }
  | { readonly kind: 'exit'; readonly text: string }

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version

/** Parses argv (without node and script). Throws UsageError with one line naming the option. */
export function parseArgs(argv: readonly string[], nowMs: number): ParseResult {
  let text = ''
  const program = buildProgram(nowMs).configureOutput({
    writeOut: (s) => {
      text += s
    },
    writeErr: (s) => {
      text += s
    },
    outputError: () => {},
  })
  program.exitOverride()
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
      return { kind: 'exit', text }
    }
    throw new UsageError(usageMessage(e.code, e.message ?? String(error), program.args))
  }
  return { kind: 'run', options: validate(program.opts<RawOptions>()) }
}

// commander's own messages: the unknown option comes back quoted safely; the rest hold only our flags.
const UNKNOWN_OPTION = /^error: unknown option '([\s\S]*)'(?:\n\(Did you mean ([^\n]*)\?\))?$/

function usageMessage(code: string | undefined, message: string, args: readonly string[]): string {
  if (code === 'commander.excessArguments') {
    const arg = args[0] ?? ''
    // `pnpm start -- --watch` passes the `--` on, and after it nothing is read as an option.
    const hint = arg.startsWith('-') ? 'options after "--" are not read' : 'give task ids with --task-id'
    return `unexpected argument ${quote(arg)}; ${hint}`
  }
  const unknown = code === 'commander.unknownOption' ? UNKNOWN_OPTION.exec(message) : null
  if (unknown) {
    const [, flag = '', suggestion] = unknown
    return `unknown option ${quote(flag)}${suggestion === undefined ? '' : `; did you mean ${suggestion}?`}`
  }
  return printable(message.replace(/^error: /, '').replace(/\n/g, ' '))
}

interface RawOptions {
  taskId: string[]
  since?: number
  until?: number
  status?: StatusFilter
  limit?: number
  all?: boolean
  projectId?: string
  dcdn?: boolean
  json?: boolean
  watch?: boolean
  failOnFailure?: boolean
  watchTimeout: number
  timeout?: number
  baseUrl?: string
  profile?: string
  mock?: boolean
  live?: boolean
  verbose?: boolean
  color: boolean
}

function validate(raw: RawOptions): CliOptions {
  if (raw.since !== undefined && raw.until !== undefined && raw.since > raw.until) {
    throw new UsageError('--since is after --until; give the earlier time to --since')
  }
  return {
    taskIds: raw.taskId,
    since: raw.since,
    until: raw.until,
    status: raw.status,
    limit: raw.limit,
    all: raw.all === true,
    projectId: raw.projectId,
    dcdn: raw.dcdn === true,
    json: raw.json === true,
    watch: raw.watch === true,
    failOnFailure: raw.failOnFailure === true,
    watchTimeoutSeconds: raw.watchTimeout,
    timeoutSeconds: raw.timeout,
    baseUrl: raw.baseUrl,
    profile: raw.profile,
    mock: raw.mock === true,
    live: raw.live === true,
    verbose: raw.verbose === true,
    color: raw.color,
  }
}

function buildProgram(nowMs: number): Command {
  const time = timeValue(nowMs)
  return new Command('ucdn-prefetch')
    .description('See whether your CDN prefetch (preheat) tasks are done.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addOption(
      readWith(
        new Option('-t, --task-id <id>', 'show this task and its URLs (repeatable, or comma-separated)'),
        collectTaskIds,
      ).default([], 'all tasks'),
    )
    .addOption(
      readWith(new Option('--since <time>', `tasks created at or after this time: ${TIME_FORMATS}`), time),
    )
    .addOption(
      readWith(new Option('--until <time>', 'tasks created at or before this time (same formats)'), time),
    )
    .addOption(
      // choices() lists them in the help; readWith() then replaces its reader, whose message echoes raw.
      readWith(
        new Option('-s, --status <status>', 'only tasks with this status').choices(STATUSES),
        oneOf(STATUSES),
      ),
    )
    .addOption(
      readWith(new Option('-n, --limit <n>', 'show at most n tasks (default 50)'), positiveInt).conflicts(
        'all',
      ),
    )
    .addOption(new Option('-a, --all', 'fetch every page of tasks'))
    .addOption(
      new Option(
        '--project-id <id>',
        'project to query (default: UCLOUD_PROJECT_ID, else the default project)',
      ),
    )
    .addOption(new Option('--dcdn', 'query whole-site acceleration (DCDN) tasks'))
    .addOption(
      new Option('--json', 'print the result as JSON in the API wire shape: { TotalCount, TaskList }'),
    )
    .addOption(
      new Option(
        '-w, --watch',
        'follow progress until every task is done; exit 1 if one failed (the demo API: 0)',
      ),
    )
    .addOption(
      readWith(
        new Option(
          '--watch-timeout <duration>',
          'with --watch, give up (exit 3) after this long: seconds or 30m, 2h',
        ),
        durationValue,
      ).default(3600, '1h'),
    )
    .addOption(new Option('--fail-on-failure', 'exit 1 when a listed task or URL failed'))
    .addOption(
      readWith(
        new Option(
          '--timeout <seconds>',
          'give up on an API request after this long (default: UCLOUD_TIMEOUT_SECOND)',
        ),
        positiveSeconds,
      ),
    )
    .addOption(
      readWith(
        new Option(
          '--base-url <url>',
          'API endpoint (default: UCLOUD_API_BASE_URL, else https://api.scloudsg.com)',
        ),
        httpUrl,
      ),
    )
    .addOption(
      readWith(
        new Option(
          '--profile <name>',
          'profile in ~/.ucloud/credential.json and config.json (default: UCLOUD_PROFILE, else default)',
        ),
        profileName,
      ),
    )
    .addOption(
      new Option('--mock', 'use the built-in demo API, even when credentials exist').conflicts([
        'live',
        'baseUrl',
        'profile',
      ]),
    )
    .addOption(new Option('--live', 'never fall back to the demo API; fail without credentials'))
    .addOption(
      new Option('-v, --verbose', 'on error, show details and the cause chain; log each API call to stderr'),
    )
    .addOption(new Option('--no-color', 'no colors (also: NO_COLOR=1)'))
    .addHelpText('after', HELP_FOOTER)
}

const HELP_FOOTER = `
Without credentials (UCLOUD_PUBLIC_KEY/UCLOUD_PRIVATE_KEY, or ~/.ucloud/credential.json) it runs against a
built-in demo API and says so on stderr.

Examples:
  ucdn-prefetch                                  tasks of the last 24 hours
  ucdn-prefetch --since 7d --status failure      failed tasks of the last week
  ucdn-prefetch -t 5f8a2c -t 9b1d7e --watch      follow two tasks until they finish
  ucdn-prefetch --all --json > tasks.json        every task, as the API's JSON

Exit codes: 0 ok, 1 a task failed (--watch, --fail-on-failure), 2 usage error, 3 API, network or
credential error, 130 interrupted.
`
