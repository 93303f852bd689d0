import type { TaskInfo, UrlProgressInfo } from '@scloud/ucdn'
import type { DashboardElements } from './dom.js'
import { messageRow, placeRows, rowsOf, setAttr, setText } from './dom.js'
import {
  formatPercent,
  hasTime,
  isoTime,
  MISSING,
  plural,
  type TimeFormatter,
  wholePercent,
} from './format.js'
import { taskProgress, urlPercent } from './progress.js'
import { describeStatus } from './status.js'

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
    `${describeStatus(task.status).label}. ${progress.done} of ${plural(progress.total, 'URL')} finished${failed}, ` +
      `${formatPercent(progress.percent)}.`,
  )
  setText(elements.urlCaption, `URLs of task ${selectedTaskId}`)
  renderUrlRows(elements.urlRows, task.urlLists ?? [], formatTime)
}

/** The URL table's rows, keyed by URL (and position, should a URL repeat) and updated in place. */
export function renderUrlRows(
  body: HTMLTableSectionElement,
  urls: readonly UrlProgressInfo[],
  formatTime: TimeFormatter,
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
    updateUrlRow(row, url, formatTime)
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
  urlCell.textContent = url || MISSING
  const status = doc.createElement('td')
  status.append(doc.createElement('span'))
  const progressCell = doc.createElement('td')
  progressCell.className = 'progress-cell'
  const bar = doc.createElement('progress')
  bar.max = 100
  bar.setAttribute('aria-label', `Progress of ${url}`)
  const percent = doc.createElement('span')
  percent.className = 'percent'
  percent.setAttribute('aria-hidden', 'true')
  progressCell.append(bar, percent)
  const finished = doc.createElement('td')
  finished.append(doc.createElement('time'))
  row.append(urlCell, status, progressCell, finished)
  return row
}

function updateUrlRow(row: HTMLTableRowElement, url: UrlProgressInfo, formatTime: TimeFormatter): void {
  const [, statusCell, progressCell, finishedCell] = Array.from(row.cells)
  const badge = statusCell?.querySelector('span')
  const bar = progressCell?.querySelector('progress')
  const percent = progressCell?.querySelector('.percent')
  const time = finishedCell?.querySelector('time')
  if (!badge || !bar || !percent || !time) throw new Error('A URL row lost its cells.')

  const status = describeStatus(url.status)
  setText(badge, status.label)
  setAttr(badge, 'class', `status status-${status.tone}`)
  const value = urlPercent(url)
  if (bar.value !== wholePercent(value)) bar.value = wholePercent(value)
  setText(percent, formatPercent(value))
  if (hasTime(url.finishTime)) {
    setAttr(time, 'datetime', isoTime(url.finishTime))
    setText(time, formatTime(url.finishTime))
  } else {
    time.removeAttribute('datetime')
    setText(time, MISSING)
  }
}
