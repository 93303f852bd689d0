import { printable } from '../printable.js'
import type { TaskInfo } from '../types.js'

/** A task as listed; refresh tasks carry their `type`. */
type ListedTask = TaskInfo & { readonly type?: string | undefined }

import { type Colors, markStatus } from './colors.js'
import { visibleLength } from './fit.js'
import { formatPercent, formatTimestamp, zoneName } from './format.js'
import { type Align, renderGrid } from './grid.js'
import { taskStats } from './task-stats.js'

export interface TableOptions {
  readonly colors: Colors
  readonly timeZone?: string | undefined
  /** Terminal width: columns are dropped (creation time, then failed count) rather than wrap. Absent: all. */
  readonly width?: number | undefined
}

interface Column {
  readonly head: string
  readonly align: Align
  readonly cell: (task: ListedTask) => string
}

/** Dropped in this order when the table is wider than the terminal: a wrapped row is unreadable. */
const DROPPABLE = ['CREATED', 'FAILED']

/** The task list: one row per task, newest first as the API sends them. API strings are shown printable(). */
export function renderTaskTable(tasks: readonly ListedTask[], options: TableOptions): string {
  const { colors: c, timeZone, width } = options
  const columns: Column[] = [
    { head: 'TASK ID', align: 'left', cell: (task) => printable(task.taskId ?? '-') },
    {
      head: `CREATED (${zoneName(timeZone)})`,
      align: 'left',
      cell: (task) => formatTimestamp(task.createTime, timeZone),
    },
    ...(tasks.some((task) => (task as { type?: string }).type !== undefined)
      ? [
          {
            head: 'TYPE',
            align: 'left' as const,
            cell: (task: TaskInfo) => printable((task as { type?: string }).type ?? '-'),
          },
        ]
      : []),
    { head: 'STATUS', align: 'left', cell: (task) => markStatus(task.status, c) },
    { head: 'URLS DONE', align: 'right', cell: (task) => `${taskStats(task).done}/${taskStats(task).total}` },
    {
      head: 'FAILED',
      align: 'right',
      cell: (task) => {
        const failed = taskStats(task).failed
        return failed > 0 ? c.red(String(failed)) : '0'
      },
    },
    { head: 'PROGRESS', align: 'right', cell: (task) => formatPercent(taskStats(task).percent) },
  ]
  let shown = columns
  let text = render(tasks, shown, c)
  for (const name of DROPPABLE) {
    if (width === undefined || widest(text) < width) break
    shown = shown.filter((column) => !column.head.startsWith(name))
    text = render(tasks, shown, c)
  }
  return text
}

function render(tasks: readonly ListedTask[], columns: readonly Column[], c: Colors): string {
  return renderGrid(
    columns.map((column) => c.bold(column.head)),
    tasks.map((task) => columns.map((column) => column.cell(task))),
    { aligns: columns.map((column) => column.align) },
  )
}

function widest(text: string): number {
  return Math.max(...text.split('\n').map(visibleLength))
}
