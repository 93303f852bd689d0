import type { TaskInfo } from '@scloud/ucdn'
import {
  createProgressCell,
  createStatusCell,
  labelledCell,
  updateProgressCell,
  updateStatusCell,
} from './cells.js'
import { messageRow, placeRows, rowsOf, setAttr, setText } from './dom.js'
import { hasTime, isoTime, MISSING, type TimeFormatter } from './format.js'
import { sortTasksNewestFirst, taskProgress, urlsDoneText } from './progress.js'
import type { SubmitKind } from './submit-request.js'
import { taskHash } from './task-hash.js'

export type TaskTableOptions = {
  /** The task whose URLs are shown; its row is marked. */
  readonly selectedTaskId: string | undefined
  readonly formatTime: TimeFormatter
  /** Refresh tasks also show their type (file, dir, m3u8). Default prefetch. */
  readonly kind?: SubmitKind
}

const COLUMNS = 6

/**
 * Shows `tasks` in the task table, newest first. Rows are keyed by task id and updated in place, so a poll
 * moves progress bars instead of rebuilding the table (keyboard focus and screen readers keep their place).
 */
export function renderTaskRows(
  body: HTMLTableSectionElement,
  tasks: readonly TaskInfo[],
  options: TaskTableOptions,
): void {
  const doc = body.ownerDocument
  const existing = new Map<string, HTMLTableRowElement>()
  for (const row of rowsOf(body)) if (row.dataset.taskId !== undefined) existing.set(row.dataset.taskId, row)

  const rows = sortTasksNewestFirst(tasks).map((task) => {
    const taskId = task.taskId ?? ''
    const row = existing.get(taskId) ?? createTaskRow(doc, taskId)
    existing.delete(taskId) // a repeated id gets a row of its own
    updateTaskRow(row, task, options)
    return row
  })
  if (rows.length === 0) {
    rows.push(messageRow(doc, COLUMNS, `No ${options.kind ?? 'prefetch'} tasks match the filters.`))
  }
  placeRows(body, rows)
}

function createTaskRow(doc: Document, taskId: string): HTMLTableRowElement {
  const row = doc.createElement('tr')
  row.dataset.taskId = taskId
  const idCell = doc.createElement('th')
  idCell.scope = 'row'
  idCell.className = 'task-id'
  const link = doc.createElement('a')
  link.className = 'task-link'
  link.href = taskHash(taskId)
  link.textContent = taskId || MISSING
  idCell.append(link)

  const type = labelledCell(doc, 'Type', 'task-type')
  const created = labelledCell(doc, 'Created')
  created.append(doc.createElement('time'))
  const urls = labelledCell(doc, 'URLs done', 'urls-done')
  row.append(
    idCell,
    type,
    created,
    createStatusCell(doc),
    urls,
    createProgressCell(doc, `Progress of task ${taskId}`),
  )
  return row
}

function updateTaskRow(row: HTMLTableRowElement, task: TaskInfo, options: TaskTableOptions): void {
  const [idCell, typeCell, created, statusCell, urls, progressCell] = Array.from(row.cells)
  const link = idCell?.querySelector('a')
  const time = created?.querySelector('time')
  if (!link || !typeCell || !time || !statusCell || !urls || !progressCell)
    throw new Error('A task row lost its cells.')

  const kind = options.kind ?? 'prefetch'
  typeCell.hidden = kind !== 'refresh'
  setText(typeCell, (task as { type?: unknown }).type?.toString() ?? MISSING)

  const selected = task.taskId !== undefined && task.taskId === options.selectedTaskId
  if (selected) setAttr(link, 'aria-current', 'true')
  else link.removeAttribute('aria-current')
  row.classList.toggle('selected', selected)

  if (hasTime(task.createTime)) {
    setAttr(time, 'datetime', isoTime(task.createTime))
    setText(time, options.formatTime(task.createTime))
  } else {
    time.removeAttribute('datetime')
    setText(time, MISSING)
  }

  updateStatusCell(row, statusCell, task.status, kind)
  const progress = taskProgress(task)
  setText(urls, urlsDoneText(progress))
  updateProgressCell(progressCell, progress.percent)
  row.classList.toggle('finished', progress.finished)
}
