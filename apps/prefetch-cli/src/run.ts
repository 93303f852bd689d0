import { summarizePrefetchTasks } from '@scloud/ucdn'
import { type Connection, connect } from './connect.js'
import { describeError } from './describe-error.js'
import { ExitCode } from './exit-codes.js'
import type { Io } from './io.js'
import { listTasks } from './list-tasks.js'
import { type CliOptions, type ParseResult, parseArgs } from './options.js'
import { printable } from './printable.js'
import { RedactingStream } from './redact.js'
import { type Colors, createColors, shouldColor } from './render/colors.js'
import { formatTimestamp } from './render/format.js'
import { renderJson, toTaskListJson } from './render/json.js'
import { createProgressView } from './render/progress.js'
import { renderSummary } from './render/summary.js'
import { renderTaskTable } from './render/table.js'
import { renderTaskUrls } from './render/urls.js'
import type { TaskInfo } from './types.js'
import { type WatchResult, watchTasks } from './watch.js'

/** Told on stderr when a watched demo ends with its scripted failure. */
export const DEMO_FAILURE_NOTE =
  "The demo's failed URL is part of its story, so this exits 0; with real tasks --watch exits 1 on a failure " +
  '(add --fail-on-failure to see it here).\n'

/**
 * The whole command: parse `argv`, list (and with --watch follow) prefetch tasks, print them, and resolve with
 * the exit code. Never throws and never exits the process; everything it touches comes from `io`.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const stdout = new RedactingStream(io.stdout)
  const stderr = new RedactingStream(io.stderr)
  let parsed: ParseResult
  try {
    parsed = parseArgs(argv, io.now())
  } catch (error) {
    const report = describeError(error, false)
    stderr.write(report.text)
    return report.exitCode
  }
  if (parsed.kind === 'exit') {
    stdout.write(parsed.text)
    return ExitCode.Ok
  }
  const options = parsed.options
  let connection: Connection | undefined
  try {
    connection = await connect(options, io, {
      notice: (line) => stderr.write(`${line}\n`),
      secret: (value) => {
        stdout.addSecret(value)
        stderr.addSecret(value)
      },
      // The SDK's debug lines may carry what the server sent (a request id header, a Message).
      logger: options.verbose
        ? { debug: (message) => stderr.write(`debug: ${printable(message)}\n`) }
        : undefined,
    })
    return await listAndReport(connection, options, { ...io, stdout, stderr })
  } catch (error) {
    const report = describeError(error, options.verbose)
    stderr.write(report.text)
    return report.exitCode
  } finally {
    // A failure to close must not hide the answer; the process exits either way.
    await connection?.close().catch(() => {})
  }
}

async function listAndReport(connection: Connection, options: CliOptions, io: Io): Promise<number> {
  const { client } = connection
  const timeZone = io.env.TZ || undefined
  const colors = colorsFor(io.stdout, options, io)
  const listing = await listTasks(client, options, io.signal)
  const { tasks, lost } = options.watch
    ? await follow(client, listing.tasks, options, io, timeZone)
    : { tasks: listing.tasks, lost: [] }

  const summary = summarizePrefetchTasks(tasks)
  if (options.json) {
    io.stdout.write(renderJson(toTaskListJson(listing.totalCount, tasks)))
  } else if (tasks.length === 0) {
    io.stdout.write(`No prefetch tasks ${describeQuery(options, timeZone)}.\n`)
  } else {
    io.stdout.write(renderTaskTable(tasks, { colors, timeZone }))
    if (options.taskIds.length > 0) {
      const width = io.stdout.isTTY ? io.stdout.columns : undefined
      io.stdout.write(`\n${renderTaskUrls(tasks, { colors, timeZone, width })}`)
    }
    io.stdout.write(`\n${renderSummary(summary, colors)}`)
  }

  if (!options.all && listing.totalCount > tasks.length) {
    io.stderr.write(
      `Showing ${tasks.length} of ${listing.totalCount} tasks; use --limit <n> or --all for more.\n`,
    )
  }
  const found = new Set(tasks.map((task) => task.taskId))
  const missing = options.taskIds.filter((id) => !found.has(id)).map(printable)
  if (missing.length > 0) {
    const window =
      options.since === undefined ? ' (the API searches the last 24 hours unless --since says otherwise)' : ''
    io.stderr.write(`Task${missing.length > 1 ? 's' : ''} not found: ${missing.join(', ')}${window}.\n`)
  }

  if (lost.length > 0) {
    io.stderr.write(
      `ucdn-prefetch: lost track of ${lost.map(printable).join(', ')} while watching: the API stopped returning ` +
        `${lost.length > 1 ? 'them' : 'it'}; last known state shown.\n`,
    )
    return ExitCode.ApiError
  }

  const failed = (summary.tasks.byStatus.failure ?? 0) > 0 || summary.failedUrls.length > 0
  // A task that could not be found cannot be vouched for either: a CI gate must not pass on a typo.
  // The demo API's failure is part of its made-up story, so there only --fail-on-failure turns it into exit 1:
  // a newcomer's `npm start -- --watch` ends cleanly when the tasks finish.
  const gate = options.failOnFailure || (options.watch && !connection.demo)
  if (options.watch && connection.demo && !options.failOnFailure && failed) {
    io.stderr.write(DEMO_FAILURE_NOTE)
  }
  return gate && (failed || missing.length > 0) ? ExitCode.TaskFailed : ExitCode.Ok
}

async function follow(
  client: Connection['client'],
  tasks: TaskInfo[],
  options: CliOptions,
  io: Io,
  timeZone: string | undefined,
): Promise<WatchResult> {
  // Progress goes where the result goes, unless the result is JSON for a program to read.
  const stream = options.json ? io.stderr : io.stdout
  const view = createProgressView(stream, { colors: colorsFor(stream, options, io), timeZone })
  try {
    return await watchTasks(client, tasks, options, view, io)
  } finally {
    view.stop()
  }
}

function colorsFor(stream: Io['stdout'], options: CliOptions, io: Io): Colors {
  return createColors(options.color && shouldColor(stream, io.env))
}

function describeQuery(options: CliOptions, timeZone: string | undefined): string {
  const parts: string[] = []
  if (options.status !== undefined) parts.push(`with status ${options.status}`)
  if (options.since !== undefined) parts.push(`since ${formatTimestamp(options.since, timeZone)}`)
  if (options.until !== undefined) parts.push(`until ${formatTimestamp(options.until, timeZone)}`)
  if (options.since === undefined && options.until === undefined) parts.push('in the last 24 hours')
  return parts.join(' ')
}
