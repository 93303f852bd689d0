// Listing tasks and following them: `ucdn tasks` and `ucdn-prefetch` (the same code; only the name differs).
import type { CacheTask } from '../cache-api.js'
import { DEMO_FAILURE_NOTE } from '../demo-notices.js'
import { ExitCode } from '../exit-codes.js'
import { listTasks, taskKind } from '../list-tasks.js'
import type { CliOptions } from '../options.js'
import { printable } from '../printable.js'
import { colorsFor } from '../render/colors.js'
import { formatTimestamp } from '../render/format.js'
import { toTaskListJson } from '../render/json.js'
import { renderData } from '../render/output.js'
import { renderSummary, summarize } from '../render/summary.js'
import { renderTaskTable } from '../render/table.js'
import { renderTaskUrls } from '../render/urls.js'
import type { Session } from '../session.js'
import { follow } from './follow.js'

export { DEMO_FAILURE_NOTE }

export async function runTasks(name: string, options: CliOptions, session: Session): Promise<number> {
  const { api, io } = session
  const timeZone = io.env.TZ || undefined
  const listing = await listTasks(api, options, io.signal)
  let tasks: CacheTask[] = listing.tasks
  let lost: readonly string[] = []
  let notFound = options.taskIds.filter((id) => !tasks.some((task) => task.taskId === id))
  if (options.watch) {
    // Ids asked for by -t are followed even when not listed yet: a task just submitted gets a few polls to show.
    const ids = options.taskIds.length > 0 ? options.taskIds : tasks.flatMap((task) => task.taskId ?? [])
    const result = await follow(session, options, { ids, initial: tasks, kind: taskKind(options) })
    tasks = result.tasks
    lost = result.lost
    notFound = [...result.notFound]
  }
  printResult(options, session, listing.totalCount, tasks, timeZone)

  if (!options.all && listing.totalCount > listing.tasks.length && !options.quiet) {
    io.stderr.write(
      `Showing ${listing.tasks.length} of ${listing.totalCount} tasks; use --limit <n> or --all for more.\n`,
    )
  }
  if (notFound.length > 0) {
    const window =
      options.since === undefined ? ' (the API searches the last 24 hours unless --since says otherwise)' : ''
    const ids = notFound.map(printable).join(', ')
    io.stderr.write(`${name}: task${notFound.length > 1 ? 's' : ''} ${ids} not found${window}.\n`)
  }
  if (lost.length > 0) {
    io.stderr.write(
      `${name}: lost track of ${lost.map(printable).join(', ')} while watching: the API stopped returning ` +
        `${lost.length > 1 ? 'them' : 'it'}; last known state shown.\n`,
    )
    return ExitCode.ApiError
  }
  // A task that could not be found cannot be vouched for: exit 1, as for a failure, so a CI gate never passes on
  // a typo (kubectl and gh also exit 1 on "not found").
  if (notFound.length > 0) return ExitCode.TaskFailed

  const summary = summarize(tasks)
  const failed = (summary.tasks.byStatus.failure ?? 0) > 0 || summary.failedUrls.length > 0
  // The demo API's failure is part of its made-up story, so there only --fail-on-failure turns it into exit 1:
  // a newcomer's `npm start -- --watch` ends cleanly when the tasks finish.
  const gate = options.failOnFailure || (options.watch && !session.demo)
  if (options.watch && session.demo && !options.failOnFailure && failed && !options.quiet) {
    io.stderr.write(DEMO_FAILURE_NOTE)
  }
  return gate && failed ? ExitCode.TaskFailed : ExitCode.Ok
}

function printResult(
  options: CliOptions,
  { io }: Session,
  totalCount: number,
  tasks: readonly CacheTask[],
  timeZone: string | undefined,
): void {
  const json = toTaskListJson(totalCount, tasks)
  if (options.output === 'ndjson') {
    // While watching the final state is one event like the others; a listing is a task a line.
    if (options.watch) io.stdout.write(renderData('ndjson', { event: 'result', ...json }))
    else io.stdout.write(renderData('ndjson', json, json.TaskList))
    return
  }
  if (options.output !== 'table') {
    io.stdout.write(renderData(options.output, json))
    return
  }
  if (options.quiet) return
  if (tasks.length === 0) {
    io.stdout.write(
      `No ${options.refresh ? 'refresh' : 'prefetch'} tasks ${describeQuery(options, timeZone)}.\n`,
    )
    return
  }
  const colors = colorsFor(io.stdout, options, io.env)
  io.stdout.write(
    renderTaskTable(tasks, {
      colors,
      timeZone,
      width: io.stdout.isTTY ? io.stdout.columns || undefined : undefined,
    }),
  )
  if (options.taskIds.length > 0) {
    const width = io.stdout.isTTY ? io.stdout.columns : undefined
    io.stdout.write(`\n${renderTaskUrls(tasks, { colors, timeZone, width })}`)
  }
  io.stdout.write(`\n${renderSummary(summarize(tasks), colors)}`)
}

function describeQuery(options: CliOptions, timeZone: string | undefined): string {
  const parts: string[] = []
  if (options.status !== undefined) parts.push(`with status ${options.status}`)
  if (options.since !== undefined) parts.push(`since ${formatTimestamp(options.since, timeZone)}`)
  if (options.until !== undefined) parts.push(`until ${formatTimestamp(options.until, timeZone)}`)
  if (options.since === undefined && options.until === undefined) parts.push('in the last 24 hours')
  return parts.join(' ')
}
