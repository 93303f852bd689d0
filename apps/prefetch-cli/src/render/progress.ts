import cliProgress from 'cli-progress'
import type { OutputStream } from '../io.js'
import type { Colors } from './colors.js'
import { formatClock, formatPercent } from './format.js'
import { renderTaskCounts, type SummaryInput } from './summary.js'

/** Shows --watch progress: a live bar on a terminal, one plain line per change elsewhere (logs, CI). */
export interface ProgressView {
  update(summary: SummaryInput, nowMs: number): void
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

class BarView implements ProgressView {
  #multi: cliProgress.MultiBar | undefined
  #bar: cliProgress.SingleBar | undefined

  constructor(
    private readonly stream: OutputStream,
    private readonly options: ProgressOptions,
  ) {}

  update(summary: SummaryInput): void {
    const line = describe(summary, this.options.colors)
    if (this.#bar) this.#bar.update(summary.progress, { line })
    else {
      this.#multi = this.#create()
      this.#bar = this.#multi.create(100, summary.progress, { line })
    }
    this.#multi?.update()
  }

  stop(): void {
    this.#multi?.stop()
    this.#multi = undefined
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
      format: (options, params, payload: { line: string }) =>
        `${c.cyan(cliProgress.Format.BarFormat(params.progress, options))} ${payload.line}`,
    })
  }
}
