import { printable } from '../printable.js'
import type { TaskInfo } from '../types.js'
import { type Colors, markStatus } from './colors.js'
import { formatPercent, formatTimestamp, zoneName } from './format.js'
import { renderGrid } from './grid.js'
import { taskStats } from './task-stats.js'

export interface TableOptions {
  readonly colors: Colors
  readonly timeZone?: string | undefined
}

/** The task list: one row per task, newest first as the API sends them. API strings are shown printable(). */
export function renderTaskTable(tasks: readonly TaskInfo[], options: TableOptions): string {
  const { colors: c, timeZone } = options
  const rows = tasks.map((task) => {
    const stats = taskStats(task)
    return [
      printable(task.taskId ?? '-'),
      formatTimestamp(task.createTime, timeZone),
      markStatus(task.status, c),
      `${stats.done}/${stats.total}`,
      stats.failed > 0 ? c.red(String(stats.failed)) : '0',
      formatPercent(stats.percent),
    ]
  })
  const created = `CREATED (${zoneName(timeZone)})`
  return renderGrid(['TASK ID', created, 'STATUS', 'URLS DONE', 'FAILED', 'PROGRESS'].map(c.bold), rows, {
    aligns: ['left', 'left', 'left', 'right', 'right', 'right'],
  })
}
