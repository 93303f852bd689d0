// @vitest-environment happy-dom
import type { TaskInfo } from '@scloud/ucdn'
import { beforeEach, describe, expect, it } from 'vitest'
import { rowsOf } from './dom.js'
import { renderTaskRows } from './render-task-table.js'
import { formatTimeForTests, loadPage } from './test-page.js'

const options = { selectedTaskId: undefined, formatTime: formatTimeForTests }

const tasks: TaskInfo[] = [
  {
    taskId: 'older',
    createTime: 100,
    status: 'success',
    urlLists: [{ url: 'https://cdn.example.com/a', status: 'success', progress: 100 }],
  },
  {
    taskId: 'newer',
    createTime: 200,
    status: 'process',
    urlLists: [
      { url: 'https://cdn.example.com/b', status: 'process', progress: 50 },
      { url: 'https://cdn.example.com/c', status: 'failure', progress: 20 },
      { url: 'https://cdn.example.com/d', status: 'wait', progress: 0 },
    ],
  },
]

let body: HTMLTableSectionElement
beforeEach(() => {
  body = loadPage().taskRows
})

// The cells a person sees (the type column is hidden for prefetch tasks).
const cellTexts = (row: HTMLTableRowElement | undefined) =>
  Array.from(row?.cells ?? [])
    .filter((c) => !c.hidden)
    .map((c) => c.textContent)

describe('renderTaskRows', () => {
  it('shows one row per task, newest first: id link, created, status, URLs done, progress', () => {
    renderTaskRows(body, tasks, options)
    expect(rowsOf(body).map((r) => r.dataset.taskId)).toEqual(['newer', 'older'])
    expect(cellTexts(rowsOf(body)[0])).toEqual(['newer', 't200', 'Prefetching', '1/3, 1 failed', '23 %'])
    expect(cellTexts(rowsOf(body)[1])).toEqual(['older', 't100', '✓Done', '1/1', '100 %'])
  })

  it('uses table semantics and labelled progress bars', () => {
    renderTaskRows(body, tasks, options)
    const row = rowsOf(body)[0]!
    const header = row.cells[0]!
    expect(header.tagName).toBe('TH')
    expect(header.getAttribute('scope')).toBe('row')
    expect(header.querySelector('a')?.getAttribute('href')).toBe('#task=newer')
    expect(row.querySelector('time')?.getAttribute('datetime')).toBe('1970-01-01T00:03:20.000Z')
    const bar = row.querySelector('progress')!
    expect(bar.getAttribute('aria-label')).toBe('Progress of task newer')
    expect(bar.max).toBe(100)
    expect(bar.value).toBe(23)
    expect(row.querySelector('.status')?.className).toBe('status status-active')
  })

  it('updates rows in place when progress moves, so focus stays where it was', () => {
    renderTaskRows(body, tasks, options)
    const row = rowsOf(body)[0]!
    const bar = row.querySelector('progress')!
    const next: TaskInfo[] = [
      tasks[0]!,
      {
        ...tasks[1]!,
        urlLists: tasks[1]!.urlLists!.map((u) => ({ ...u, status: 'success', progress: 100 })),
        status: 'success',
      },
    ]
    renderTaskRows(body, next, options)
    expect(rowsOf(body)[0]).toBe(row)
    expect(row.querySelector('progress')).toBe(bar)
    expect(bar.value).toBe(100)
    expect(row.classList.contains('finished')).toBe(true)
    expect(cellTexts(row).slice(2)).toEqual(['✓Done', '3/3', '100 %'])
  })

  it('shows a failed task as failed: ✗, the word, the figure the API reported and a row tagged for red', () => {
    const failed: TaskInfo = {
      taskId: 'broken',
      createTime: 300,
      status: 'failure',
      urlLists: [
        { url: 'https://cdn.example.com/x', status: 'success', progress: 100 },
        { url: 'https://cdn.example.com/y', status: 'failure', progress: 0 },
      ],
    }
    renderTaskRows(body, [failed], options)
    const row = rowsOf(body)[0]!
    expect(cellTexts(row).slice(2)).toEqual(['✗Failed', '2/2, 1 failed', '50 %'])
    expect(row.dataset.tone).toBe('failed')
    expect(row.querySelector('progress')?.value).toBe(50)
    expect(row.querySelector('.mark')?.getAttribute('aria-hidden')).toBe('true')
    expect(row.querySelector('.status')?.className).toBe('status status-failed')
  })

  it('shows a refresh task’s type and says "Refreshing" while it runs', () => {
    const refresh = { taskId: 'r1', createTime: 5, status: 'process', type: 'dir', urlLists: [] } as TaskInfo
    renderTaskRows(body, [refresh], { ...options, kind: 'refresh' })
    expect(cellTexts(rowsOf(body)[0])).toEqual(['r1', 'dir', 't5', 'Refreshing', '0/0', '0 %'])
    renderTaskRows(body, [], { ...options, kind: 'refresh' })
    expect(rowsOf(body)[0]!.textContent).toBe('No refresh tasks match the filters.')
  })

  it('marks the selected task', () => {
    renderTaskRows(body, tasks, { ...options, selectedTaskId: 'older' })
    expect(body.querySelector('[aria-current="true"]')?.textContent).toBe('older')
    expect(rowsOf(body)[1]!.classList.contains('selected')).toBe(true)
    renderTaskRows(body, tasks, options)
    expect(body.querySelector('[aria-current]')).toBeNull()
  })

  it('drops rows of tasks that left the list and says so when none is left', () => {
    renderTaskRows(body, tasks, options)
    renderTaskRows(body, [tasks[0]!], options)
    expect(rowsOf(body).map((r) => r.dataset.taskId)).toEqual(['older'])
    renderTaskRows(body, [], options)
    expect(rowsOf(body)).toHaveLength(1)
    expect(rowsOf(body)[0]!.textContent).toBe('No prefetch tasks match the filters.')
    renderTaskRows(body, tasks, options)
    expect(rowsOf(body)).toHaveLength(2)
  })

  it('shows a dash for a missing creation time and the API’s own word for an unknown status', () => {
    renderTaskRows(body, [{ taskId: 'odd', status: 'ySoPLGgE', urlLists: [] }], options)
    expect(cellTexts(rowsOf(body)[0])).toEqual(['odd', '—', 'ySoPLGgE', '0/0', '0 %'])
    expect(body.querySelector('time')?.hasAttribute('datetime')).toBe(false)
  })

  it('puts ids and URLs in as text, never as markup', () => {
    renderTaskRows(body, [{ taskId: '<img src=x onerror=alert(1)>', createTime: 1, urlLists: [] }], options)
    expect(body.querySelector('img')).toBeNull()
    expect(body.querySelector('a')?.textContent).toBe('<img src=x onerror=alert(1)>')
  })
})
