// The options every command shares, defined once: `ucdn-prefetch` and each `ucdn` subcommand add the groups
// they take, so a flag means the same thing wherever it appears (and the completion script sees them all).
import { type Command, Option } from 'commander'
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
import { TIME_FORMATS } from './time.js'

export const STATUSES = ['success', 'wait', 'process', 'failure', 'unknow'] as const
export type StatusFilter = (typeof STATUSES)[number]
export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'yaml'] as const
export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

/** Which tasks to list and how to follow them: `ucdn-prefetch`, `ucdn tasks`. */
export function addTaskOptions(command: Command, nowMs: number): Command {
  const time = timeValue(nowMs)
  return command
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
        new Option('-s, --status <status>', 'only tasks with this status (any case)').choices(STATUSES),
        oneOf(STATUSES),
      ),
    )
    .addOption(
      readWith(new Option('-n, --limit <n>', 'show at most n tasks (default 50)'), positiveInt).conflicts(
        'all',
      ),
    )
    .addOption(new Option('-a, --all', 'fetch every page of tasks'))
    .addOption(new Option('--dcdn', 'whole-site acceleration (DCDN) tasks'))
    .addOption(new Option('--fail-on-failure', 'exit 1 when a listed task or URL failed'))
}

/** Following tasks until they finish: `--watch` on the listing, `--wait` on the submits. */
export function addFollowOptions(command: Command, flag: '-w, --watch' | '--wait'): Command {
  const verb = flag === '--wait' ? 'follow the new tasks' : 'follow progress'
  return command
    .addOption(new Option(flag, `${verb} until every task is done; exit 1 if one failed (the demo API: 0)`))
    .addOption(
      readWith(
        new Option(
          '--watch-timeout <duration>',
          `with ${flag.replace('-w, ', '')}, give up (exit 3) after this long: seconds or 30m, 2h`,
        ),
        durationValue,
      ).default(3600, '1h'),
    )
    .addOption(
      readWith(
        new Option(
          '--interval <duration>',
          'poll every this long: seconds or 1m (default 2 s, slowing to 10 s)',
        ),
        durationValue,
      ),
    )
}

/** Output shape and verbosity: every command that prints a result. */
export function addOutputOptions(command: Command, jsonHelp: string): Command {
  return command
    .addOption(
      readWith(
        new Option('-o, --output <format>', 'table (default), json, ndjson or yaml').choices(OUTPUT_FORMATS),
        oneOf(OUTPUT_FORMATS),
      ),
    )
    .addOption(new Option('--json', jsonHelp))
    .addOption(
      new Option('-q, --quiet', 'print only the result a format asks for, and errors; the exit code tells'),
    )
}

/** Where requests go and how they are told: every command that calls the API. */
export function addConnectionOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--project-id <id>',
        'project to query (default: UCLOUD_PROJECT_ID, else the default project)',
      ),
    )
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
    .addOption(profileOption())
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
}

export function profileOption(): Option {
  return readWith(
    new Option(
      '--profile <name>',
      'profile in ~/.ucloud/credential.json and config.json (default: UCLOUD_PROFILE, else default)',
    ),
    profileName,
  )
}
