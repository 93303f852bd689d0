// @vitest-environment happy-dom
import type { TaskInfo } from '@scloud/ucdn'
import { beforeEach, describe, expect, it } from 'vitest'
import { type DashboardElements, rowsOf } from './dom.js'
import { renderTaskDetail } from './render-task-detail.js'
import { formatTimeForTests, loadPage } from './test-page.js'

const task: TaskInfo = {
  taskId: 'demoDocs',
  createTime: 100,
  status: 'process',
  urlLists: [
    { url: 'https://cdn.example.com/docs/a.html', status: 'success', progress: 100, finishTime: 150 },
    { url: 'https://cdn.example.com/docs/gone.html', status: 'failure', progress: 30, finishTime: 160 },
    { url: 'https://cdn.example.com/docs/b.html', status: 'process', progress: 40, finishTime: 0 },
  ],
}

let el: DashboardElements
beforeEach(() => {
  el = loadPage()
})

const rowTexts = () => rowsOf(el.urlRows).map((row) => Array.from(row.cells).map((cell) => cell.textContent))

describe('renderTaskDetail', () => {
  it('stays hidden while no task is selected', () => {
    renderTaskDetail(el, undefined, [task], formatTimeForTests)
    expect(el.detail.hidden).toBe(true)
  })

  it('lists the selected task’s URLs with status, progress and finish time', () => {
    renderTaskDetail(el, 'demoDocs', [task], formatTimeForTests)
    expect(el.detail.hidden).toBe(false)
    expect(el.detailHeading.textContent).toBe('URLs of task demoDocs')
    expect(el.detailNote.textContent).toBe('Prefetching. 2 of 3 URLs finished (1 failed), 56 %.')
    expect(rowTexts()).toEqual([
      ['https://cdn.example.com/docs/a.html', '✓Done', '100 %', 't150'],
      ['https://cdn.example.com/docs/gone.html', '✗Failed', '30 %', 't160'],
      ['https://cdn.example.com/docs/b.html', 'Prefetching', '40 %', '—'],
    ])
    const bar = el.urlRows.querySelector('progress')!
    expect(bar.getAttribute('aria-label')).toBe('Progress of https://cdn.example.com/docs/a.html')
    expect(rowsOf(el.urlRows)[0]!.cells[0]!.getAttribute('scope')).toBe('row')
  })

  it('shows a failed URL as failed without colour (✗ and the word) and tags its row for the red bar', () => {
    renderTaskDetail(el, 'demoDocs', [task], formatTimeForTests)
    const failed = rowsOf(el.urlRows)[1]!
    expect(failed.dataset.tone).toBe('failed')
    expect(failed.querySelector('.mark')?.getAttribute('aria-hidden')).toBe('true')
    expect(failed.querySelector('.status')?.textContent).toBe('Failed')
    expect(failed.querySelector('progress')?.value).toBe(30)
    expect(rowsOf(el.urlRows)[0]!.dataset.tone).toBe('done')
  })

  it('lets a long URL break only after "/" and "." and the like', () => {
    renderTaskDetail(el, 'demoDocs', [task], formatTimeForTests)
    expect(rowsOf(el.urlRows)[0]!.cells[0]!.innerHTML).toBe(
      'https://<wbr>cdn.<wbr>example.<wbr>com/<wbr>docs/<wbr>a.<wbr>html',
    )
  })

  it('updates URL rows in place', () => {
    renderTaskDetail(el, 'demoDocs', [task], formatTimeForTests)
    const row = rowsOf(el.urlRows)[2]!
    const moved = { ...task, urlLists: task.urlLists!.map((u, i) => (i === 2 ? { ...u, progress: 90 } : u)) }
    renderTaskDetail(el, 'demoDocs', [moved], formatTimeForTests)
    expect(rowsOf(el.urlRows)[2]).toBe(row)
    expect(row.querySelector('progress')?.value).toBe(90)
  })

  it('keeps a URL that appears twice as two rows', () => {
    const twice = { ...task, urlLists: [task.urlLists![0]!, task.urlLists![0]!] }
    renderTaskDetail(el, 'demoDocs', [twice], formatTimeForTests)
    expect(rowsOf(el.urlRows)).toHaveLength(2)
  })

  it('explains a selected task that is not in the list instead of showing an empty table', () => {
    renderTaskDetail(el, 'gone', [task], formatTimeForTests)
    expect(el.detail.hidden).toBe(false)
    expect(el.urlTable.hidden).toBe(true)
    expect(el.detailNote.textContent).toBe(
      'Task gone is not in the list: it may be outside the time window or the status filter.',
    )
  })

  it('says so when a task has no URLs', () => {
    renderTaskDetail(el, 'empty', [{ taskId: 'empty', status: 'success', urlLists: [] }], formatTimeForTests)
    expect(rowTexts()).toEqual([['This task has no URLs.']])
  })
})
