import { printable } from '../printable.js'
import type { TaskInfo } from '../types.js'
import { type Colors, markStatus } from './colors.js'
import { formatPercent, formatTimestamp, zoneName } from './format.js'
import { renderGrid } from './grid.js'
import { taskStats, urlPercent } from './task-stats.js'

export interface UrlViewOptions {
  readonly colors: Colors
  readonly timeZone?: string | undefined
  /** Terminal width: long URLs are shortened in the middle to fit. Absent (a pipe): never shortened. */
  readonly width?: number | undefined
}

const INDENT = '  '
const MIN_URL_WIDTH = 20

/** Each task's URLs: url, status, progress, finished time, under a one-line task heading; API strings printable(). */
export function renderTaskUrls(tasks: readonly TaskInfo[], options: UrlViewOptions): string {
  return tasks.map((task) => renderOne(task, options)).join('\n')
}

function renderOne(task: TaskInfo, { colors: c, timeZone, width }: UrlViewOptions): string {
  const stats = taskStats(task)
  const failed = stats.failed > 0 ? `, ${c.red(`${stats.failed} failed`)}` : ''
  const heading =
    `${c.bold(`Task ${printable(task.taskId ?? '-')}`)}  ${markStatus(task.status, c)}  ` +
    `created ${formatTimestamp(task.createTime, timeZone)}  ${stats.done}/${stats.total} URLs done${failed}\n`
  const urls = task.urlLists ?? []
  if (urls.length === 0) return `${heading}${INDENT}${c.dim('(no URLs)')}\n`
  const finished = [
    `FINISHED (${zoneName(timeZone)})`,
    ...urls.map((u) => formatTimestamp(u.finishTime, timeZone)),
  ]
  const statuses = urls.map((u) => `x ${printable(u.status ?? '-')}`)
  const fixed =
    INDENT.length + Math.max('STATUS'.length, ...statuses.map((s) => s.length)) + 'PROGRESS'.length + 4
  const finishedWidth = Math.max(...finished.map((s) => s.length)) + 2
  // A narrow terminal drops the finished time before it cuts URLs past recognition.
  const withFinished = width === undefined || width - fixed - finishedWidth - 1 >= MIN_URL_WIDTH
  const urlWidth =
    width === undefined
      ? undefined
      : Math.max(MIN_URL_WIDTH, width - fixed - (withFinished ? finishedWidth : 0) - 1)
  const rows = urls.map((u, i) => [
    // Escaped before shortened, so the width counts what is shown.
    shortenMiddle(printable(u.url ?? '-'), urlWidth),
    markStatus(u.status, c),
    formatPercent(urlPercent(u)),
    ...(withFinished ? [finished[i + 1] ?? '-'] : []),
  ])
  const head = ['URL', 'STATUS', 'PROGRESS', ...(withFinished ? [finished[0] ?? ''] : [])]
  const grid = renderGrid(head.map(c.dim), rows, { aligns: ['left', 'left', 'right', 'left'] })
  const body = grid
    .trimEnd()
    .split('\n')
    .map((line) => INDENT + line)
    .join('\n')
  return `${heading}${body}\n`
}

/** `https://cdn.example.com/very/long…/file.js`: the host and the file name are what tell URLs apart. */
export function shortenMiddle(text: string, max: number | undefined): string {
  const chars = [...text]
  if (max === undefined || chars.length <= max) return text
  const keep = max - 1
  const head = Math.ceil(keep / 2)
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (keep - head)).join('')}`
}
