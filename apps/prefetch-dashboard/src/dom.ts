/** The page's elements the dashboard drives, found once by id. */
export type DashboardElements = ReturnType<typeof queryDashboardElements>

/** Finds every element of index.html the dashboard needs; throws naming the first one missing. */
export function queryDashboardElements(doc: Document) {
  const byId = <K extends keyof HTMLElementTagNameMap>(id: string, tag: K): HTMLElementTagNameMap[K] => {
    const found = doc.getElementById(id)
    if (found === null || found.tagName.toLowerCase() !== tag) {
      throw new Error(`The page has no <${tag} id="${id}">; is index.html up to date?`)
    }
    return found as HTMLElementTagNameMap[K]
  }
  return {
    modeNote: byId('mode-note', 'p'),
    submitForm: byId('submit-form', 'form'),
    submitPrefetch: byId('submit-prefetch', 'input'),
    submitRefresh: byId('submit-refresh', 'input'),
    submitType: byId('submit-type', 'select'),
    submitUrls: byId('submit-urls', 'textarea'),
    submitButton: byId('submit-button', 'button'),
    submitProblems: byId('submit-problems', 'div'),
    submitMessage: byId('submit-message', 'p'),
    submitProblemList: byId('submit-problem-list', 'ul'),
    submitResult: byId('submit-result', 'p'),
    kindPrefetch: byId('kind-prefetch', 'input'),
    kindRefresh: byId('kind-refresh', 'input'),
    taskCaption: byId('task-caption', 'caption'),
    typeHeader: byId('type-header', 'th'),
    filters: byId('filters', 'form'),
    statusFilter: byId('status-filter', 'select'),
    windowFilter: byId('window-filter', 'select'),
    customWindow: byId('custom-window', 'fieldset'),
    windowSince: byId('window-since', 'input'),
    windowUntil: byId('window-until', 'input'),
    refreshButton: byId('refresh-button', 'button'),
    notice: byId('notice', 'p'),
    summary: byId('summary', 'p'),
    announcer: byId('announcer', 'p'),
    error: byId('error', 'p'),
    taskRows: byId('task-rows', 'tbody'),
    detail: byId('task-detail', 'section'),
    detailHeading: byId('task-detail-heading', 'h2'),
    detailNote: byId('task-detail-note', 'p'),
    urlTable: byId('url-table', 'table'),
    urlCaption: byId('url-caption', 'caption'),
    urlRows: byId('url-rows', 'tbody'),
    updated: byId('updated', 'p'),
  } as const
}

/** Sets text only when it changed, so polling does not churn the DOM (or screen readers). */
export function setText(node: Element, text: string): void {
  if (node.textContent !== text) node.textContent = text
}

/** Sets an attribute only when it changed. */
export function setAttr(node: Element, name: string, value: string): void {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value)
}

/** The rows of a table section (read from its children: happy-dom, used by the tests, has no `tbody.rows`). */
export function rowsOf(body: HTMLTableSectionElement): HTMLTableRowElement[] {
  return Array.from(body.children).filter((child): child is HTMLTableRowElement => child.tagName === 'TR')
}

/** A row with one cell across the table, for "nothing here" messages. */
export function messageRow(doc: Document, columns: number, text: string): HTMLTableRowElement {
  const row = doc.createElement('tr')
  row.className = 'message-row'
  const cell = doc.createElement('td')
  cell.colSpan = columns
  cell.textContent = text
  row.append(cell)
  return row
}

/**
 * Puts `rows` into `body` in order, moving only rows that are out of place (moving a row that holds focus
 * would drop the focus) and removing every other row.
 */
export function placeRows(body: HTMLTableSectionElement, rows: readonly HTMLTableRowElement[]): void {
  const keep = new Set(rows)
  for (const row of rowsOf(body)) if (!keep.has(row)) row.remove()
  let expected: Element | null = body.firstElementChild
  for (const row of rows) {
    if (expected !== row) body.insertBefore(row, expected)
    expected = row.nextElementSibling
  }
}
