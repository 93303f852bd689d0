import cliProgress from 'cli-progress'
import type { OutputStream } from '../io.js'
import { printable } from '../printable.js'
import type { TaskInfo } from '../types.js'
import { markStatus, paint } from './colors.js'
import { cut, fitParts, type Part } from './fit.js'
import { formatElapsed, formatPercent } from './format.js'
import { describe, type ProgressOptions, type ProgressView, troubleLine } from './progress-view.js'
import { summarize } from './summary.js'
import { taskStats } from './task-stats.js'

/** At most this many per-task bars; the rest are counted on one line (the final table shows every task). */
export const MAX_TASK_BARS = 20
/** Lines kept free of bars on a short terminal: the overall bar, the status line, the "more" line, the prompt. */
const RESERVED_ROWS = 4
/** Task ids longer than this are cut in the bar's label (the table shows them whole). */
const ID_WIDTH_MAX = 32

interface BarPayload {
  /** The text right of the bar; when `bare`, the whole line (no bar). */
  readonly line: string
  readonly bare?: boolean
  /** The colour of the bar: the state's. */
  readonly status?: string | undefined
}

/** On a terminal: a live overall bar and a bar per task, redrawn in place. */
export class BarView implements ProgressView {
  #multi: cliProgress.MultiBar | undefined
  #overall: cliProgress.SingleBar | undefined
  readonly #taskBars = new Map<string, cliProgress.SingleBar>()
  #more: cliProgress.SingleBar | undefined
  #status: cliProgress.SingleBar | undefined

  constructor(
    private readonly stream: OutputStream & { readonly rows?: number },
    private readonly options: ProgressOptions,
  ) {}

  /** The terminal's width; a pseudo-terminal without a size says 0, which means unknown. */
  get #columns(): number | undefined {
    return this.stream.columns || undefined
  }

  /** Narrow terminals get a shorter bar, so the words beside it fit. */
  get #barSize(): number {
    return (this.#columns ?? 80) < 80 ? 10 : 24
  }

  /** Room right of the bar, less one column (writing the last column moves some terminals' cursor). */
  get #room(): number | undefined {
    const columns = this.#columns
    return columns === undefined ? undefined : columns - this.#barSize - 2
  }

  update(tasks: readonly TaskInfo[], elapsedMs: number): void {
    this.#multi ??= this.#create()
    const multi = this.#multi
    const summary = summarize(tasks)
    const room = this.#room
    const elapsed = formatElapsed(elapsedMs)
    const line = describe(summary, this.options.colors, room, elapsed)
    const status = summary.failedUrls.length > 0 ? 'failure' : summary.progress >= 100 ? 'success' : 'process'
    if (this.#overall) this.#overall.update(summary.progress, { line, status })
    else this.#overall = multi.create(100, summary.progress, { line, status })
    this.#updateTasks(multi, tasks)
    this.#status?.update(0, { line: '', bare: true }) // a poll answered: the trouble is over
    multi.update()
  }

  trouble(problem: string, retryInMs: number, failedPolls: number): void {
    this.#multi ??= this.#create()
    const text = cut(troubleLine(problem, retryInMs, failedPolls), (this.#columns ?? 80) - 1)
    const payload: BarPayload = { line: this.options.colors.yellow(text), bare: true }
    if (this.#status) this.#status.update(0, payload)
    else this.#status = this.#multi.create(100, 0, payload)
    this.#multi.update()
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
      // The state is never dropped: a narrow terminal loses the failed count, then the id, first.
      const parts: Part[] = [
        { text: formatPercent(stats.percent).padStart(4), keep: 0 },
        { text: label(printable(task.taskId), width), keep: 2 },
        { text: `${stats.done}/${stats.total} URLs`, keep: 3 },
        { text: markStatus(task.status, c), keep: 0, state: true },
      ]
      if (stats.failed > 0) parts.push({ text: c.red(`${stats.failed} failed`), keep: 1, state: true })
      const line = fitParts(parts, joinTaskLine, this.#room)
      const payload: BarPayload = { line, status: task.status }
      const bar = this.#taskBars.get(task.taskId)
      if (bar) bar.update(stats.percent, payload)
      else this.#taskBars.set(task.taskId, multi.create(100, stats.percent, payload))
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
    this.#status = undefined
    this.#taskBars.clear()
  }

  #create(): cliProgress.MultiBar {
    const c = this.options.colors
    return new cliProgress.MultiBar({
      // cli-progress only needs write/isTTY/columns; readline's cursor helpers write escape codes through it.
      stream: this.stream as NodeJS.WritableStream,
      hideCursor: true,
      gracefulExit: false, // run() owns Ctrl-C and SIGTERM and stops the bar itself
      clearOnComplete: false,
      barsize: this.#barSize,
      barCompleteChar: '█',
      barIncompleteChar: '░',
      format: (options, params, payload: BarPayload) =>
        payload.bare === true
          ? payload.line
          : `${paint(payload.status, c)(cliProgress.Format.BarFormat(params.progress, options))} ${payload.line}`,
    })
  }
}

// ` 50%  demoDocs  4/4 URLs · ✗ failure · 1 failed`: figures apart by two spaces, states by a dot.
function joinTaskLine(kept: readonly Part[]): string {
  const figures = kept.filter((part) => part.state !== true).map((part) => part.text)
  return [figures.join('  '), ...kept.filter((part) => part.state === true).map((p) => p.text)].join(' · ')
}

/** `id` padded to `width`, or cut to it with an ellipsis. */
function label(id: string, width: number): string {
  return id.length > width ? `${id.slice(0, width - 1)}…` : id.padEnd(width)
}
