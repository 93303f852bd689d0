// `ucdn prefetch` and `ucdn refresh`: submit URLs (arguments, --from-file FILE, or - for stdin), then with
// --wait follow the new tasks with the same progress view as `ucdn tasks --watch`.
import { readFile } from 'node:fs/promises'
import { isUcdnError } from '@scloud/ucdn'
import type { RefreshType, SubmitProgress, TaskKind } from '../cache-api.js'
import { UsageError } from '../errors.js'
import { ExitCode } from '../exit-codes.js'
import type { Io } from '../io.js'
import type { CliOptions } from '../options.js'
import { printable, quote } from '../printable.js'
import { readPiped } from '../read-secret.js'
import { colorsFor } from '../render/colors.js'
import { toTaskListJson } from '../render/json.js'
import { renderData } from '../render/output.js'
import { renderSummary, summarize } from '../render/summary.js'
import { renderTaskTable } from '../render/table.js'
import { renderTaskUrls } from '../render/urls.js'
import type { Session } from '../session.js'
import { follow } from './follow.js'

export interface SubmitOptions
  extends Pick<
    CliOptions,
    | 'output'
    | 'quiet'
    | 'color'
    | 'verbose'
    | 'dcdn'
    | 'watchTimeoutSeconds'
    | 'intervalSeconds'
    | 'since'
    | 'until'
  > {
  readonly kind: TaskKind
  readonly urls: readonly string[]
  readonly fromFile?: string | undefined
  readonly type?: RefreshType | undefined
  readonly wait: boolean
}

const SHOWN_URLS = 5
/** --wait lists each URL's outcome up to this many URLs; past it, the table and the summary say enough. */
const URL_VIEW_MAX = 20

export async function runSubmit(name: string, options: SubmitOptions, session: Session): Promise<number> {
  const { api, io } = session
  const urls = [...options.urls, ...(await readUrlFile(options.fromFile, io))]
  if (urls.length === 0)
    throw new UsageError('give the URLs as arguments, or with --from-file FILE (- for stdin)')
  const onProgress = (p: SubmitProgress) => {
    if (options.quiet || options.output === 'ndjson' || p.batches <= 1) return
    io.stderr.write(`Submitted ${p.submittedUrls}/${p.totalUrls} URLs (batch ${p.batch} of ${p.batches}).\n`)
  }
  let taskIds: string[]
  try {
    const submit = {
      signal: io.signal,
      onProgress,
      isDcdn: options.dcdn ? true : undefined,
      type: options.type,
    }
    taskIds = (
      options.kind === 'prefetch' ? await api.prefetchUrls(urls, submit) : await api.refreshUrls(urls, submit)
    ).taskIds
  } catch (error) {
    tellWhatWasSubmitted(name, error, io)
    throw error
  }
  const noun = options.kind === 'prefetch' ? 'prefetch' : 'refresh'
  if (!options.wait) {
    if (options.output === 'table') {
      if (!options.quiet) {
        io.stdout.write(
          `Submitted ${urls.length} URL${urls.length === 1 ? '' : 's'} for ${noun}: task ${taskIds.join(', ')}.\n`,
        )
        io.stdout.write(
          `Follow with: ucdn tasks${options.kind === 'refresh' ? ' --refresh' : ''} -t ${taskIds.join(',')} --watch\n`,
        )
      }
    } else {
      io.stdout.write(renderData(options.output, { TaskIds: taskIds }))
    }
    return ExitCode.Ok
  }
  if (!options.quiet && options.output === 'table')
    io.stderr.write(`Submitted as task ${taskIds.join(', ')}; waiting for it to finish.\n`)
  const result = await follow(session, options, { kind: options.kind, ids: taskIds, initial: [] })
  const json = toTaskListJson(result.tasks.length, result.tasks)
  if (options.output === 'ndjson') io.stdout.write(renderData('ndjson', { event: 'result', ...json }))
  else if (options.output !== 'table') io.stdout.write(renderData(options.output, json))
  else if (!options.quiet) {
    const colors = colorsFor(io.stdout, options, io.env)
    const timeZone = io.env.TZ || undefined
    const width = io.stdout.isTTY ? io.stdout.columns || undefined : undefined
    io.stdout.write(renderTaskTable(result.tasks, { colors, timeZone, width }))
    // The URLs the user just named, each with its outcome, unless there are too many to read.
    if (urls.length <= URL_VIEW_MAX)
      io.stdout.write(`\n${renderTaskUrls(result.tasks, { colors, timeZone, width })}`)
    io.stdout.write(`\n${renderSummary(summarize(result.tasks), colors)}`)
  }
  const missing = [...result.lost, ...result.notFound]
  if (missing.length > 0) {
    io.stderr.write(
      `${name}: lost track of task ${missing.map(printable).join(', ')}; check with ucdn tasks.\n`,
    )
    return ExitCode.ApiError
  }
  const summary = summarize(result.tasks)
  return (summary.tasks.byStatus.failure ?? 0) > 0 || summary.failedUrls.length > 0
    ? ExitCode.TaskFailed
    : ExitCode.Ok
}

/** One URL a line; blank lines and `#` comments skipped. */
async function readUrlFile(file: string | undefined, io: Io): Promise<string[]> {
  if (file === undefined) return []
  let text: string
  if (file === '-') {
    if (io.stdin === undefined || io.stdin.isTTY === true)
      throw new UsageError('--from-file - reads URLs piped to stdin')
    text = await readPiped(io.stdin)
  } else {
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code ?? 'unreadable'
      throw new UsageError(`cannot read --from-file ${quote(file)} (${why})`)
    }
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
}

/**
 * When a submit fails part-way or its outcome is unknown, the SDK's error carries what was accepted, what may
 * have been, and what was not: say it, so the user looks the tasks up rather than submit twice.
 */
function tellWhatWasSubmitted(name: string, error: unknown, io: Io): void {
  if (!isUcdnError(error) || error.submitted === undefined) return
  const { taskIds, pendingUrls, notSubmittedUrls } = error.submitted
  const lines: string[] = []
  if (taskIds.length > 0) lines.push(`accepted before the failure: task ${taskIds.map(printable).join(', ')}`)
  if (pendingUrls.length > 0) {
    const unknown = error.code === 'OUTCOME_UNKNOWN'
    lines.push(
      `${unknown ? 'may or may not have been submitted (the outcome is unknown; check with ucdn tasks before submitting them again)' : 'in the failed call'}: ${pendingUrls.length} URL${pendingUrls.length === 1 ? '' : 's'}:`,
      ...pendingUrls.slice(0, SHOWN_URLS).map((url) => `  ${printable(url)}`),
      ...(pendingUrls.length > SHOWN_URLS ? [`  … and ${pendingUrls.length - SHOWN_URLS} more`] : []),
    )
  }
  if (notSubmittedUrls.length > 0) {
    lines.push(`not submitted: ${notSubmittedUrls.length} URL${notSubmittedUrls.length === 1 ? '' : 's'}`)
  }
  for (const line of lines) io.stderr.write(`${name}: ${line}\n`)
}
