import cliProgress from 'cli-progress'
import type { OutputStream } from '../io.js'
import { printable } from '../printable.js'
import type { TaskInfo } from '../types.js'
import { type Colors, paintStatus } from './colors.js'
import { formatClock, formatPercent } from './format.js'
import { renderTaskCounts, type SummaryInput } from './summary.js'
import { taskStats } from './task-stats.js'

/**
 * Shows --watch progress: on a terminal, a live overall bar and a bar per task; elsewhere (logs, CI) one plain
 * overall line per change.
 */
export interface ProgressView {
  /** `tasks`: the latest state of every watched task, in the listing's order (a bar each on a terminal). */
  update(summary: SummaryInput, nowMs: number, tasks?: readonly TaskInfo[]): void
  /** Leaves the last state on screen and restores the cursor. Safe to call twice. */
  stop(): void
}

export interface ProgressOptions {
  readonly colors: Colors
  readonly timeZone?: string | undefined
}

export function createProgressView(stream: OutputStream, options: ProgressOptions): ProgressView {
  return stream.isTTY === true ? new BarView(stream, options) : new LinesView(stream, options)
}

// ` 45%  8/18 URLs done · 5 tasks: 2 success, 3 process · 1 failed URL`
function describe(summary: SummaryInput, c: Colors): string {
  const failed = summary.failedUrls.length
  const failures = failed > 0 ? ` · ${c.red(`${failed} failed URL${failed === 1 ? '' : 's'}`)}` : ''
  return (
    `${formatPercent(summary.progress).padStart(4)}  ${summary.urls.done}/${summary.urls.total} URLs done · ` +
    `${renderTaskCounts(summary, c)}${failures}`
  )
}

class LinesView implements ProgressView {
  #last: string | undefined

  constructor(
    private readonly stream: OutputStream,
    private readonly options: ProgressOptions,
  ) {}

  update(summary: SummaryInput, nowMs: number): void {
    const line = describe(summary, this.options.colors)
    if (line === this.#last) return
    this.#last = line
    this.stream.write(`${formatClock(nowMs, this.options.timeZone)} ${line}\n`)
  }

  stop(): void {}
}

/** At most this many per-task bars; the rest are counted on one line (the final table shows every task). */
export const MAX_TASK_BARS = 20
/** Lines kept free of bars on a short terminal: the overall bar, the "more" line, and the prompt. */
const RESERVED_ROWS = 3
/** Task ids longer than this are cut in the bar's label (the table shows them whole). */
const ID_WIDTH_MAX = 32

interface BarPayload {
  /** The text right of the bar; when `bare`, the whole line (no bar). */
  readonly line: string
  readonly bare?: boolean
}

class BarView implements ProgressView {
  #multi: cliProgress.MultiBar | undefined
  #overall: cliProgress.SingleBar | undefined
  readonly #taskBars = new Map<string, cliProgress.SingleBar>()
  #more: cliProgress.SingleBar | undefined

  constructor(
    private readonly stream: OutputStream & { readonly rows?: number },
    private readonly options: ProgressOptions,
  ) {}

  update(summary: SummaryInput, _nowMs?: number, tasks: readonly TaskInfo[] = []): void {
    this.#multi ??= this.#create()
    const multi = this.#multi
    const line = describe(summary, this.options.colors)
    if (this.#overall) this.#overall.update(summary.progress, { line })
    else this.#overall = multi.create(100, summary.progress, { line })
    this.#updateTasks(multi, tasks)
    multi.update()
  }

  #updateTasks(multi: cliProgress.MultiBar, tasks: readonly TaskInfo[]): void {
    const c = this.options.colors
    const shown = tasks.slice(0, this.#maxTaskBars())
    let width = 0
    for (const task of shown) width = Math.max(width, printable(task.taskId ?? '').length)
    width = Math.min(ID_WIDTH_MAX, width)
    for (const task of shown) {
      if (task.taskId === undefined) continue
      const stats = taskStats(task)
      const failed = stats.failed > 0 ? ` · ${c.red(`${stats.failed} failed`)}` : ''
      const line =
        `${formatPercent(stats.percent).padStart(4)}  ${label(printable(task.taskId), width)}  ` +
        `${stats.done}/${stats.total} URLs · ${paintStatus(task.status, c)}${failed}`
      const bar = this.#taskBars.get(task.taskId)
      if (bar) bar.update(stats.percent, { line })
      else this.#taskBars.set(task.taskId, multi.create(100, stats.percent, { line }))
    }
    const hidden = tasks.length - shown.length
    if (hidden <= 0) return
    const more: BarPayload = {
      line: c.dim(`  … and ${hidden} more task${hidden === 1 ? '' : 's'}`),
      bare: true,
    }
    if (this.#more) this.#more.update(0, more)
    else this.#more = multi.create(100, 0, more)
  }

  /** Never more bars than the terminal has rows: a bar that scrolls off cannot be redrawn in place. */
  #maxTaskBars(): number {
    const rows = this.stream.rows
    const fit = typeof rows === 'number' && rows > 0 ? rows - RESERVED_ROWS : MAX_TASK_BARS
    return Math.max(0, Math.min(MAX_TASK_BARS, fit))
  }

  stop(): void {
    this.#multi?.stop()
    this.#multi = undefined
    this.#overall = undefined
    this.#more = undefined
    this.#taskBars.clear()
  }

  #create(): cliProgress.MultiBar {
    const c = this.options.colors
    return new cliProgress.MultiBar({
      // cli-progress only needs write/isTTY/columns; readline's cursor helpers write escape codes through it.
      stream: this.stream as NodeJS.WritableStream,
      hideCursor: true,
      gracefulExit: false, // run() owns Ctrl-C and stops the bar itself
      clearOnComplete: false,
      barsize: 24,
      barCompleteChar: '█',
      barIncompleteChar: '░',
      format: (options, params, payload: BarPayload) =>
        payload.bare === true
          ? payload.line
          : `${c.cyan(cliProgress.Format.BarFormat(params.progress, options))} ${payload.line}`,
    })
  }
}

/** `id` padded to `width`, or cut to it with an ellipsis. */
function label(id: string, width: number): string {
  return id.length > width ? `${id.slice(0, width - 1)}…` : id.padEnd(width)
}
