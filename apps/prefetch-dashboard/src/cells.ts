// The cells both tables share: a status (mark and words) and a progress bar with its figure. Each cell carries
// its column's name in data-label, which the narrow (card) layout shows in front of the value.
import { setAttr, setText } from './dom.js'
import { formatPercent, wholePercent } from './format.js'
import { describeStatus, type StatusLook } from './status.js'
import type { SubmitKind } from './submit-request.js'

/** A `<td>` labelled for the card layout. */
export function labelledCell(doc: Document, label: string, className?: string): HTMLTableCellElement {
  const cell = doc.createElement('td')
  cell.dataset.label = label
  if (className !== undefined) cell.className = className
  return cell
}

/** ✓/✗ (hidden from screen readers, which read the word) and the status in words. */
export function createStatusCell(doc: Document): HTMLTableCellElement {
  const cell = labelledCell(doc, 'Status', 'status-cell')
  const mark = doc.createElement('span')
  mark.className = 'mark'
  mark.setAttribute('aria-hidden', 'true')
  cell.append(mark, doc.createElement('span'))
  return cell
}

/** Shows `status` in its cell and tags the row with its tone (the bar's colour follows it); returns the look. */
export function updateStatusCell(
  row: HTMLTableRowElement,
  cell: HTMLTableCellElement,
  status: string | undefined,
  kind: SubmitKind = 'prefetch',
): StatusLook {
  const look = describeStatus(status, kind)
  const [mark, word] = Array.from(cell.children)
  if (!mark || !word) throw new Error('A status cell lost its parts.')
  setText(mark, look.mark)
  setText(word, look.label)
  setAttr(word, 'class', `status status-${look.tone}`)
  setAttr(row, 'data-tone', look.tone)
  return look
}

/** A `<progress>` named for assistive tech, and its figure as text (hidden from them: the bar says it). */
export function createProgressCell(doc: Document, accessibleName: string): HTMLTableCellElement {
  const cell = labelledCell(doc, 'Progress', 'progress-cell')
  const bar = doc.createElement('progress')
  bar.max = 100
  bar.setAttribute('aria-label', accessibleName)
  const percent = doc.createElement('span')
  percent.className = 'percent'
  percent.setAttribute('aria-hidden', 'true')
  cell.append(bar, percent)
  return cell
}

export function updateProgressCell(cell: HTMLTableCellElement, percent: number): void {
  const bar = cell.querySelector('progress')
  const text = cell.querySelector('.percent')
  if (!bar || !text) throw new Error('A progress cell lost its parts.')
  const whole = wholePercent(percent)
  if (bar.value !== whole) bar.value = whole
  setText(text, formatPercent(percent))
}
