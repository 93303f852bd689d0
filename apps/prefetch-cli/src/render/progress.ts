import type { OutputStream } from '../io.js'
import type { TaskInfo } from '../types.js'
import { formatClock } from './format.js'
import { BarView } from './progress-bars.js'
import { describe, type ProgressOptions, type ProgressView, troubleLine } from './progress-view.js'
import { summarize } from './summary.js'

export { MAX_TASK_BARS } from './progress-bars.js'
export type { ProgressOptions, ProgressView } from './progress-view.js'
export { troubleLine } from './progress-view.js'

export function createProgressView(stream: OutputStream, options: ProgressOptions): ProgressView {
  return stream.isTTY === true ? new BarView(stream, options) : new LinesView(stream, options)
}

/** Logs, CI: one plain timestamped overall line per change. */
class LinesView implements ProgressView {
  #last: string | undefined

  constructor(
    private readonly stream: OutputStream,
    private readonly options: ProgressOptions,
  ) {}

  update(tasks: readonly TaskInfo[], _elapsedMs: number, nowMs: number): void {
    const line = describe(summarize(tasks), this.options.colors)
    if (line === this.#last) return
    this.#last = line
    this.stream.write(`${formatClock(nowMs, this.options.timeZone)} ${line}\n`)
  }

  trouble(problem: string, retryInMs: number, failedPolls: number, nowMs: number): void {
    const line = this.options.colors.yellow(troubleLine(problem, retryInMs, failedPolls))
    this.#last = undefined // the next answer is news again
    this.stream.write(`${formatClock(nowMs, this.options.timeZone)} ${line}\n`)
  }

  stop(): void {}
}
