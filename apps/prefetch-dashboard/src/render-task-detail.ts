import type { TaskInfo, UrlProgressInfo } from '@scloud/ucdn'
import { setBreakableUrl } from './breakable-url.js'
import {
  createProgressCell,
  createStatusCell,
  labelledCell,
  updateProgressCell,
  updateStatusCell,
} from './cells.js'
import type { DashboardElements } from './dom.js'
import { messageRow, placeRows, rowsOf, setAttr, setText } from './dom.js'
import { formatPercent, hasTime, isoTime, MISSING, plural, type TimeFormatter } from './format.js'
import { taskProgress, urlPercent } from './progress.js'
import { describeStatus } from './status.js'
import type { SubmitKind } from './submit-request.js'

export type TaskDetailElements = Pick<
  DashboardElements,
  'detail' | 'detailHeading' | 'detailNote' | 'urlTable' | 'urlCaption' | 'urlRows'
>

const COLUMNS = 4

/**
 * Shows the URLs of the selected task (hidden when none is selected). A selected task missing from the
 * listing gets a sentence saying why it may be missing instead of an empty table.
 */
export function renderTaskDetail(
  elements: TaskDetailElements,
  selectedTaskId: string | undefined,
  tasks: readonly TaskInfo[],
  formatTime: TimeFormatter,
  kind: SubmitKind = 'prefetch',
): void {
  elements.detail.hidden = selectedTaskId === undefined
  if (selectedTaskId === undefined) return
  setText(elements.detailHeading, `URLs of task ${selectedTaskId}`)
  const task = tasks.find((t) => t.taskId === selectedTaskId)
  elements.urlTable.hidden = task === undefined
  if (task === undefined) {
    setText(
      elements.detailNote,
      `Task ${selectedTaskId} is not in the list: it may be outside the time window or the status filter.`,
    )
    placeRows(elements.urlRows, [])
    return
  }
  const progress = taskProgress(task)
  const failed = progress.failed > 0 ? ` (${progress.failed} failed)` : ''
  setText(
    elements.detailNote,
    `${describeStatus(task.status, kind).label}. ${progress.done} of ${plural(progress.total, 'URL')} finished${failed}, ` +
      `${formatPercent(progress.percent)}.`,
  )
  setText(elements.urlCaption, `URLs of task ${selectedTaskId}`)
  renderUrlRows(elements.urlRows, task.urlLists ?? [], formatTime, kind)
}

/** The URL table's rows, keyed by URL (and position, should a URL repeat) and updated in place. */
export function renderUrlRows(
  body: HTMLTableSectionElement,
  urls: readonly UrlProgressInfo[],
  formatTime: TimeFormatter,
  kind: SubmitKind = 'prefetch',
): void {
  const doc = body.ownerDocument
  const existing = new Map<string, HTMLTableRowElement>()
  for (const row of rowsOf(body)) if (row.dataset.key !== undefined) existing.set(row.dataset.key, row)
  const seen = new Map<string, number>()
  const rows = urls.map((url) => {
    const name = url.url ?? ''
    const repeat = seen.get(name) ?? 0
    seen.set(name, repeat + 1)
    const key = repeat === 0 ? name : `${name}#${repeat}`
    const row = existing.get(key) ?? createUrlRow(doc, key, name)
    updateUrlRow(row, url, formatTime, kind)
    return row
  })
  if (rows.length === 0) rows.push(messageRow(doc, COLUMNS, 'This task has no URLs.'))
  placeRows(body, rows)
}

function createUrlRow(doc: Document, key: string, url: string): HTMLTableRowElement {
  const row = doc.createElement('tr')
  row.dataset.key = key
  const urlCell = doc.createElement('th')
  urlCell.scope = 'row'
  urlCell.className = 'url'
  if (url === '') urlCell.textContent = MISSING
  else setBreakableUrl(urlCell, url)
  const finished = labelledCell(doc, 'Finished')
  finished.append(doc.createElement('time'))
  row.append(urlCell, createStatusCell(doc), createProgressCell(doc, `Progress of ${url}`), finished)
  return row
}

function updateUrlRow(
  row: HTMLTableRowElement,
  url: UrlProgressInfo,
  formatTime: TimeFormatter,
  kind: SubmitKind,
): void {
  const [, statusCell, progressCell, finishedCell] = Array.from(row.cells)
  const time = finishedCell?.querySelector('time')
  if (!statusCell || !progressCell || !time) throw new Error('A URL row lost its cells.')

  updateStatusCell(row, statusCell, url.status, kind)
  updateProgressCell(progressCell, urlPercent(url))
  if (hasTime(url.finishTime)) {
    setAttr(time, 'datetime', isoTime(url.finishTime))
    setText(time, formatTime(url.finishTime))
  } else {
    time.removeAttribute('datetime')
    setText(time, MISSING)
  }
}
