// `--watch --json` in `ucdn` (and `--output ndjson --watch`): progress as NDJSON events on stdout, one object per
// change, then the final state — what `kubectl get -w -o json` and `gh run watch` users pipe into jq.
import type { OutputStream } from '../io.js'
import type { TaskInfo } from '../types.js'
import { taskToJson } from './json.js'
import type { ProgressView } from './progress.js'
import { summarize } from './summary.js'

export function createEventView(stream: OutputStream): ProgressView {
  let last: string | undefined
  const write = (event: object) => stream.write(`${JSON.stringify(event)}\n`)
  return {
    update(tasks: readonly TaskInfo[], elapsedMs: number, nowMs: number) {
      const summary = summarize(tasks)
      const state = {
        progress: Math.floor(summary.progress),
        urls: { total: summary.urls.total, done: summary.urls.done, failed: summary.failedUrls.length },
        tasks: summary.tasks.byStatus,
        TaskList: tasks.map(taskToJson),
      }
      const key = JSON.stringify(state)
      if (key === last) return
      last = key
      write({
        event: 'progress',
        time: new Date(nowMs).toISOString(),
        elapsedSeconds: elapsedMs / 1000,
        ...state,
      })
    },
    trouble(problem: string, retryInMs: number, failedPolls: number, nowMs: number) {
      last = undefined
      write({
        event: 'trouble',
        time: new Date(nowMs).toISOString(),
        message: problem,
        retryInSeconds: retryInMs / 1000,
        failedPolls,
      })
    },
    stop() {},
  }
}
